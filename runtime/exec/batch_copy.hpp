// FOR :n INSERTs that COPY can run instead of one Execute per row: the
// statement must be exactly INSERT INTO table [(columns)] VALUES ($1, ..., $k).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "exec/param_rows.hpp"

namespace pgesql::exec {

// True when `insert_sql` is a plain INSERT of its nparams parameters in order;
// then copy_sql is the matching COPY ... FROM STDIN and table the relation as written.
bool copy_form(std::string_view insert_sql, std::size_t nparams, std::string &copy_sql, std::string &table);

// Appends one row in COPY's text format (tab-separated, \N for NULL, escaped).
void append_copy_row(std::string &out, const param_rows &rows, std::size_t row);

// The 1-based line of a COPY error context ("COPY t, line 3, column a: ..."), or 0.
std::size_t copy_error_line(std::string_view where);

}  // namespace pgesql::exec
