// FOR :n INSERTs that COPY can run instead of one Execute per row: the
// statement must be exactly INSERT INTO table [(columns)] VALUES ($1, ..., $k).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "exec/param_rows.hpp"

namespace pgesql::exec {

// A plain INSERT of its parameters in order, as the COPY that can take its rows.
struct copy_plan {
  std::string copy_sql;  // COPY table [(columns)] FROM STDIN, as written in the INSERT
  std::string table;     // the relation as written (1 to 3 identifiers; to_regclass accepts it)
  // the listed columns as the server names them (unquoted names lowercased, quotes
  // removed); empty when the INSERT lists none and so fills the table's columns in order
  std::vector<std::string> columns;
};

// The plan when `insert_sql` is exactly INSERT INTO table [(columns)] VALUES ($1, ..., $nparams)
// with every name a single plain or quoted identifier; std::nullopt for anything else.
std::optional<copy_plan> copy_form(std::string_view insert_sql, std::size_t nparams);

// The catalog query that says whether COPY takes the plan's rows exactly as the INSERT
// would, and the target columns' types: one row (fit boolean, type OIDs as "23,25,23")
// or none for a relation that does not exist. Its parameters: the table, then
// the plan's column names. server_version_num picks the catalog columns that exist.
std::string copy_fitness_query(const copy_plan &plan, std::size_t nparams, int server_version_num);

// Appends one row in COPY's text format (tab-separated, \N for NULL, escaped).
void append_copy_row(std::string &out, const param_rows &rows, std::size_t row);

// The 1-based line of a COPY error context ("COPY t, line 3, column a: ..."), or 0.
std::size_t copy_error_line(std::string_view where);

}  // namespace pgesql::exec
