// Cursors that statements of a source file position on (UPDATE/DELETE ...
// WHERE CURRENT OF c): such a cursor must stand on the row the program
// fetched, so the preprocessor never lets it read ahead by default. Found by
// scanning the whole text before any statement is emitted, since the OPEN
// usually comes before the positioned statement; a match inside a comment or
// string only costs that cursor its readahead.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pgesql::pp::sema {

struct positioned_cursors {
  std::set<std::string> names;  // as the code generator keys cursors: unquoted names in lower case, "quoted" as written
  bool through_host_variable = false;  // CURRENT OF :v names a cursor only known at run time

  // Whether the cursor with this key may be positioned on.
  bool includes(const std::string &cursor_key) const {
    return through_host_variable || names.count(cursor_key) > 0;
  }
  bool any() const { return through_host_variable || !names.empty(); }
  void add(const positioned_cursors &other);
};

positioned_cursors find_positioned_cursors(std::string_view source);

}  // namespace pgesql::pp::sema
