// C++ host objects (PGESQL_T_CXX): parameters read and result columns written
// through the adapter functions of <pgesql/host_types.hpp>, with the same
// rules (indicators, NULL without indicator, rows that do not fit) as C types.
#pragma once

#include <span>

#include "pgesql/pgesql.h"
#include "values/param_format.hpp"
#include "values/result_store.hpp"

namespace pgesql::values {

// Formats the object (an array literal for containers and C arrays); on
// failure sets sqlca and returns false.
bool format_host_param(const store_options &opt, const pgesql_var &v, param_value &out);

// FOR :n: the value of row `row` (element `row` of a container or C array of C++ objects; the
// one value of a single object, for every row), with its indicator element.
bool format_host_row(const store_options &opt, const pgesql_var &v, std::size_t row, param_value &out);
// The rows a C++ variable can supply to FOR :n: its container's size, its C array's count,
// or -1 for a single object (it repeats on every row).
long host_row_count(const pgesql_var &v);

// Stores one result column (one field per row); std::vector grows or shrinks
// to the rows. On failure sets sqlca and returns false.
bool store_host_column(const store_options &opt, const pgesql_var &v, std::span<const field_value> rows,
                       array_kind kind);

}  // namespace pgesql::values
