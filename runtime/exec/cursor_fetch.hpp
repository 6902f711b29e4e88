// Cursor readahead against the server: registering cursors at OPEN, serving
// FETCH/MOVE from the rows read ahead, and noticing what may close a cursor.
// The program sees what it would without readahead (see docs/runtime-internals.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "exec/connection.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {

// After a successful OPEN (the DECLARE text as sent): tracks the cursor when it may read
// ahead (readahead_policy.hpp). `cursor_cap`: the cursor's own READAHEAD n (1 = off).
void note_cursor_opened(connection &c, const pgesql_stmt *stmt, const std::string &declare_sql,
                        std::optional<std::size_t> cursor_cap = std::nullopt);

// Before a statement with WHERE CURRENT OF (static, or dynamic SQL): a cursor it names that
// read ahead is moved back onto the row the program fetched last, and reads row by row from
// then on. False (sqlca set) when the server cannot move that cursor backward: the statement
// must not run, it would act on another row.
bool put_back_for_current_of(connection &c, std::string_view sql, int line);

// A FETCH/MOVE without parameters on a tracked cursor: true with `served` set to the
// statement's rows, or false when the server must run the text itself (`r` untouched).
// The rows are all of `r`, or for a FETCH NEXT the row where it lies in the cursor's
// buffer, valid until the connection's next statement (not copied: a warm FETCH NEXT
// neither allocates nor copies).
bool serve_fetch(connection &c, const std::string &sql, query_result &r, result_rows &served);

// After any other statement: CLOSE drops the cursor; transaction ends, errors,
// DISCARD and CLOSE run as SQL make every cursor be checked before it is served again.
void note_cursor_effects(connection &c, int statement_kind, const std::string &sql, const query_result &r);

}  // namespace pgesql::exec
