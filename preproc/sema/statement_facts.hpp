// The class of a statement the runtime sends as text (PGESQL_FACT_* bits for
// its descriptor), decided once here so that the runtime never reads it out
// of the SQL text again. tests/unit/exec/golden_descriptors_test.cpp checks
// that these facts agree with what the runtime reads from dynamic SQL.
#pragma once

#include <string_view>

namespace pgesql::pp::sema {

// `sql`: the statement's text as emitted (host variables as $n, names from variables as $0).
int statement_facts(std::string_view sql);

}  // namespace pgesql::pp::sema
