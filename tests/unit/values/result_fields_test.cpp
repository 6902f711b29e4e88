#include "values/result_fields.hpp"

#include <cstring>
#include <string>

#include <gtest/gtest.h>

using pgesql::values::result_fields;

TEST(ResultFields, KeepsValuesNullsAndEmptyStringsApart) {
  result_fields f{std::string("abc"), std::nullopt, std::string(""), std::string("x\0y", 3)};
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(*f[0], "abc");
  EXPECT_FALSE(f[1].has_value());
  ASSERT_TRUE(f[2].has_value());
  EXPECT_TRUE(f[2]->empty());
  EXPECT_EQ(*f[3], std::string_view("x\0y", 3));
}

TEST(ResultFields, EveryValueIsACString) {
  result_fields f{std::string("12"), std::string("345")};
  EXPECT_STREQ(f[0]->data(), "12");
  EXPECT_STREQ(f[1]->data(), "345");
  EXPECT_EQ(std::strlen(f[1]->data()), 3u);
}

TEST(ResultFields, AppendCopiesASliceWithNullsAtItsEdges) {
  result_fields from{std::string("a"), std::nullopt, std::string("bb"), std::string("ccc"), std::nullopt,
                     std::string("d")};
  result_fields to{std::string("first")};
  to.append(from, 1, 4);  // NULL, "bb", "ccc", NULL
  ASSERT_EQ(to.size(), 5u);
  EXPECT_EQ(*to[0], "first");
  EXPECT_FALSE(to[1].has_value());
  EXPECT_EQ(*to[2], "bb");
  EXPECT_STREQ(to[3]->data(), "ccc");
  EXPECT_FALSE(to[4].has_value());
  to.push_back(std::string_view("z"));
  EXPECT_EQ(*to[5], "z");
  // the source is untouched
  EXPECT_EQ(*from[5], "d");
  EXPECT_EQ(from.size(), 6u);
}

TEST(ResultFields, AppendOfNothingAndOfOnlyNulls) {
  result_fields from{std::nullopt, std::nullopt};
  result_fields to;
  to.append(from, 0, 0);
  EXPECT_TRUE(to.empty());
  to.append(from, 0, 2);
  ASSERT_EQ(to.size(), 2u);
  EXPECT_FALSE(to[0].has_value());
  EXPECT_FALSE(to[1].has_value());
  EXPECT_EQ(to.byte_size(), 0u);
}

TEST(ResultFields, CopiesOwnTheirBytes) {
  result_fields a{std::string("long enough to leave any small-string buffer")};
  result_fields b = a;
  a.clear();
  a.push_back(std::string_view("other"));
  EXPECT_EQ(*b[0], "long enough to leave any small-string buffer");
}
