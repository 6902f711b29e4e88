// Input host variables into statement parameters, by ECPG's rules: NULL from
// an indicator (or the no-indicator NULL value), integers and floats as
// text, C arrays as array literals, bool as t/f, bytea as binary.
#pragma once

#include <string>

#include "values/host_var.hpp"
#include "values/result_store.hpp"

namespace pgesql::values {

struct param_value {
  bool is_null = false;
  bool binary = false;  // bytea travels in binary format
  std::string data;
};

// Formats the variable; on failure sets sqlca and returns false.
bool format_param(const store_options &opt, const host_var &v, param_value &out);

// A double as the shortest text that reads back as the same value.
std::string double_text(double d);
// A float as ECPG sends it (15 significant digits: exact for any float).
std::string float_text(float f);

}  // namespace pgesql::values
