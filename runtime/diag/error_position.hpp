// Where in the .pgc a server error points: ErrorResponse's position (characters
// from 1 in the text the server got) mapped through the statement's position map,
// which the preprocessor appends to the statement's SQL after its NUL (with
// PGESQL_F_POSITIONS). sqlca is not touched: this only adds to pgesql_error_field
// and pgesql::sql_error.
#pragma once

#include <optional>
#include <string_view>

#include "pgesql/pgesql.h"

namespace pgesql::diag {

struct source_point {
  int line = 0;
  int column = 0;
};

// The source point of character `position` of `query`, when `query` ends with `sql` (the
// runtime may have put "declare c cursor for" before it); `sql` is the SQL of a statement
// with PGESQL_F_POSITIONS, its position map after its NUL. Nothing otherwise.
std::optional<source_point> error_source_point(const char *sql, std::string_view query, int position);

// The statement the calling thread runs, when it has a position map (else null): set as
// each statement starts. Generated descriptors are static, so the text outlives the call.
void set_positioned_statement(const pgesql_stmt *stmt);
const char *positioned_statement_sql();

}  // namespace pgesql::diag
