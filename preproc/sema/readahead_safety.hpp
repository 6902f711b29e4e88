// Whether reading a cursor's rows before the program fetches them can be seen
// by the program: the query is parsed by PostgreSQL's own grammar (libpg_query)
// and judged on its parse tree. Safe means: a plain SELECT over relations
// with nothing in it that has side effects, can raise an error on a row, locks
// rows or depends on when a row is computed (no function calls but count/min/
// max, no casts of columns, no arithmetic, no CTEs, no FOR UPDATE/SHARE).
// What the tree cannot tell, whether each relation is a plain table without
// row security, the runtime asks the server once (the relations listed here).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pgesql::pp::sema {

struct readahead_verdict {
  bool safe = false;
  std::vector<std::string> relations;  // quoted, schema-qualified as written: "s"."t" or "t"
  std::string reason;                  // why not, for the debug comment and tests
};

// `query` is the cursor's SQL with host variables as $n.
readahead_verdict judge_readahead(std::string_view query);

}  // namespace pgesql::pp::sema
