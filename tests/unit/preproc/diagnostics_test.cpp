// Diagnostics: compiler-style location, source line and caret.
#include <gtest/gtest.h>

#include <sstream>

#include "diagnostics.hpp"

namespace pgesql::pp {
namespace {

TEST(Diagnostics, PrintsLocationLineAndCaret) {
  std::ostringstream out;
  Diagnostics diag(out);
  std::string text = "int a;\n  EXEC SQL bad;\n";
  int f = diag.add_file("x.pgc", &text);
  diag.error(Pos{f, 2, 12, 18, -1}, "something is wrong");
  EXPECT_EQ(out.str(), "x.pgc:2:12: error: something is wrong\n   EXEC SQL bad;\n            ^\n");
  EXPECT_EQ(diag.errors(), 1);
}

TEST(Diagnostics, KeepsTabsForCaretAlignment) {
  std::ostringstream out;
  Diagnostics diag(out);
  std::string text = "\tx\n";
  int f = diag.add_file("t.pgc", &text);
  diag.warning(Pos{f, 1, 3, 1, -1}, "w");
  EXPECT_EQ(out.str(), "t.pgc:1:3: warning: w\n \tx\n \t^\n");
  EXPECT_EQ(diag.errors(), 0);
}

TEST(Diagnostics, StopsPrintingAfterTooManyErrors) {
  std::ostringstream out;
  Diagnostics diag(out);
  for (int i = 0; i < 60; ++i) diag.fatal("e");
  EXPECT_EQ(diag.errors(), 60);
  EXPECT_TRUE(diag.too_many());
}

}  // namespace
}  // namespace pgesql::pp
