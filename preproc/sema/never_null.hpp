// Result columns a query's text shows can never be NULL although the server, describing
// them, only says "an expression": count(...), EXISTS (...), a non-NULL constant, and
// coalesce(..., <non-NULL constant>). The schema check reads these without asking for an
// indicator; every other expression is taken as nullable, as sqlx does.
#pragma once

#include <string_view>
#include <vector>

namespace pgesql::pp::sema {

// One flag per target of a plain SELECT (true: never NULL); empty for anything else.
std::vector<bool> never_null_targets(std::string_view query);

}  // namespace pgesql::pp::sema
