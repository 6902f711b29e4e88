// Server error positions mapped through a statement's position map (PGESQL_F_POSITIONS).
#include <gtest/gtest.h>

#include <string>

#include "diag/error_position.hpp"

namespace {

using pgesql::diag::error_source_point;

// "select a\n  from t where b = $1" written on lines 10 and 11: the map the preprocessor emits.
const char statement[] = "select a from t where b = $1\0" "0:10:14;9:11:7;";

TEST(ErrorPosition, MapsCharactersThroughTheEntries) {
  const std::string sql = "select a from t where b = $1";
  auto p = error_source_point(statement, sql, 8);  // the 'a'
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 10);
  EXPECT_EQ(p->column, 21);
  p = error_source_point(statement, sql, 23);  // the 'b', on the second line
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 11);
  EXPECT_EQ(p->column, 7 + 13);
}

TEST(ErrorPosition, ASentPrefixIsSkippedButNotMapped) {
  const std::string sent = std::string("declare c cursor for ") + "select a from t where b = $1";
  auto p = error_source_point(statement, sent, 21 + 8);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 10);
  EXPECT_EQ(p->column, 21);
  EXPECT_FALSE(error_source_point(statement, sent, 3));  // inside the runtime's own prefix
}

TEST(ErrorPosition, NothingWithoutAMatchingTextOrAPosition) {
  EXPECT_FALSE(error_source_point(statement, "select other from t where b = $1", 8));
  EXPECT_FALSE(error_source_point(statement, "select a from t where b = $1", 0));
  EXPECT_FALSE(error_source_point(statement, "select a from t where b = $1", 999));
  EXPECT_FALSE(error_source_point(nullptr, "select a from t where b = $1", 8));
  const char broken[] = "select 1\0" "0:x:1;";  // a map that does not parse maps nothing
  EXPECT_FALSE(error_source_point(broken, "select 1", 8));
}

TEST(ErrorPosition, CountsCharactersNotBytes) {
  const char text[] = "select '\xC3\xA9', b\0" "0:3:5;";
  auto p = error_source_point(text, "select '\xC3\xA9', b", 13);  // 'b' is the 13th character, byte 14
  ASSERT_TRUE(p);
  EXPECT_EQ(p->column, 5 + 13);
}

}  // namespace
