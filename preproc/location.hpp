// Source positions and spans in .pgc files (file id, 1-based line/column, byte offset).
#pragma once
#include <cstddef>

namespace pgesql::pp {

struct Pos {
  int file = 0;
  int line = 1;
  int col = 1;
  std::size_t off = 0;
  int tok = -1;  // index of the token starting here, while a statement is parsed
};

// Bison's location type: begin and end are all YYLLOC_DEFAULT needs.
struct Span {
  Pos begin;
  Pos end;
};

}  // namespace pgesql::pp
