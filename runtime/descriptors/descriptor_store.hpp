// SQL descriptors (ALLOCATE DESCRIPTOR ...): per thread, as in ECPG. A
// descriptor holds the input values SET DESCRIPTOR gave it and the last
// result (or DESCRIBE) stored into it, which GET DESCRIPTOR reads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "values/param_format.hpp"
#include "values/query_result.hpp"

namespace pgesql::descriptors {

// One VALUE n of SET DESCRIPTOR.
struct input_item {
  std::optional<values::param_value> data;  // DATA, formatted when it was set
  int indicator = 0;
  int length = 0;
  int precision = 0;
  int scale = 0;
  int type = 0;
};

struct sql_descriptor {
  int count = -1;                      // SET DESCRIPTOR COUNT, or the highest VALUE set
  std::map<int, input_item> inputs;    // by VALUE number
  std::optional<values::query_result> result;  // rows or a statement description
};

// Null when this thread allocated no descriptor of that name.
sql_descriptor *find_descriptor(std::string_view name);
// A fresh descriptor (replacing one of the same name).
sql_descriptor &allocate_descriptor(std::string_view name);
// False when there is none of that name.
bool deallocate_descriptor(std::string_view name);

// Finds the descriptor or raises ECPG_UNKNOWN_DESCRIPTOR and returns null.
sql_descriptor *require_descriptor(std::string_view name, int line);

// The parameters EXECUTE/OPEN ... USING SQL DESCRIPTOR passes: VALUE 1..COUNT,
// NULL for a negative indicator or a value never set.
std::vector<values::param_value> descriptor_params(const sql_descriptor &d);

// ECPG's SQL3 type code (sql3types.h) for a column type OID, 0 for others.
int sql3_type(std::uint32_t oid);

}  // namespace pgesql::descriptors
