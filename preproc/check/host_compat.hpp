// Which result columns a host variable can hold and which parameters it can supply,
// judged as ECPG's conversions would treat the values at run time: host variables
// travel as text, so a character host variable fits everything, while a C int cannot
// read "12.5" or "2024-01-01 10:00:00+01" and a C double loses numeric's digits.
#pragma once

#include <string>

#include "check/check_facts.hpp"

namespace pgesql::pp::check {

enum class verdict { ok, warning, error };

struct judgement {
  verdict severity = verdict::ok;
  std::string why;  // the message, when not ok
};

// A result column read into `host` (FETCH/SELECT ... INTO).
judgement judge_output(const column_fact &column, const host_slot &host);
// `host` supplying a parameter the server inferred as `param_base` (a pg_type name).
judgement judge_input(const std::string &param_base, const host_slot &host);
// A C++ type the check cannot see into (a container of a struct declared outside a declare
// section, a class of the program's): it may stand for several columns.
bool may_spread(const host_slot &host);
// A short name of the host type for messages ("int", "double", "std::string").
std::string host_type_name(const host_slot &host);

}  // namespace pgesql::pp::check
