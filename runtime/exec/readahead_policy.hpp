// Which cursors read ahead. By default only those where it cannot be observed:
// the preprocessor judged the query (PGESQL_FACT_READAHEAD_SAFE) and the server
// confirms, at the OPEN, what the query text cannot tell. Everything else
// fetches exactly what the program asks for, as ECPG does, unless the program
// opts in: the cursor's READAHEAD n (or -r readahead=N), or the connection
// option pgesql_fetch_readahead / PGESQL_FETCH_READAHEAD.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "exec/connection.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {

// The window cap for a cursor just declared on the server (`cursor`: its server
// name), or 0/1 for none. `cursor_cap`: the cursor's own READAHEAD value.
std::size_t readahead_for(connection &c, const pgesql_stmt *stmt, const std::string &cursor,
                          std::optional<std::size_t> cursor_cap);

// What the server says about a safe-judged cursor, as its check query returns it.
struct readahead_check {
  long other_relations = 0;      // relations that are not plain tables, or have row security
  std::string isolation;         // transaction_isolation
  std::string statement_timeout;  // "0" when off
  bool scrollable = false;       // the plan can move backward (repositioning needs it)
};
// Whether a cursor with these server facts may read ahead unobserved.
bool readahead_unobservable(const readahead_check &check);

}  // namespace pgesql::exec
