// Cursor readahead against the server: registering cursors at OPEN, serving
// FETCH/MOVE from the rows read ahead, and noticing what may close a cursor.
// The program sees what it would without readahead (see docs/runtime-internals.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "exec/connection.hpp"

namespace pgesql::exec {

// After a successful OPEN (the DECLARE text as sent): tracks the cursor when it qualifies.
// `cursor_cap`: the cursor's own READAHEAD n, which replaces the connection's cap (1 = off).
void note_cursor_opened(connection &c, const std::string &declare_sql,
                        std::optional<std::size_t> cursor_cap = std::nullopt);

// A FETCH/MOVE without parameters on a tracked cursor: fills `r` with what the
// statement returns and says true, or says false when the server must run the
// text itself (`r` untouched).
bool serve_fetch(connection &c, const std::string &sql, query_result &r);

// After any other statement: CLOSE drops the cursor; transaction ends, errors,
// DISCARD and CLOSE run as SQL make every cursor be checked before it is served again.
void note_cursor_effects(connection &c, int statement_kind, const std::string &sql, const query_result &r);

}  // namespace pgesql::exec
