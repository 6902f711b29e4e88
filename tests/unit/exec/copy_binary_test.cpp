#include "exec/copy_binary.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace pgesql::exec {
namespace {

param_rows one_row(const std::vector<const char *> &texts) {
  param_rows rows(texts.size());
  for (const char *t : texts) {
    param_value v;
    if (t == nullptr)
      v.is_null = true;
    else
      v.data = t;
    rows.push_back(v);
  }
  return rows;
}

bool encodes(const char *text, binary_column kind) {
  const binary_column k[] = {kind};
  return encodes_exactly(one_row({text}), k);
}

TEST(CopyBinary, ColumnTypesWithAnEncoder) {
  EXPECT_EQ(binary_columns("23,25,20", 3),
            (std::vector<binary_column>{binary_column::int4, binary_column::text, binary_column::int8}));
  EXPECT_EQ(binary_columns("21,700,701,16,1043,1042", 6).size(), 6u);
  EXPECT_TRUE(binary_columns("23,1700", 2).empty());  // numeric: text COPY
  EXPECT_TRUE(binary_columns("23,25", 3).empty());    // not every column
  EXPECT_TRUE(binary_columns("23,x", 2).empty());
  EXPECT_TRUE(binary_columns("", 1).empty());
}

TEST(CopyBinary, OnlyTextsReadExactlyAsTheServerWould) {
  EXPECT_TRUE(encodes("-32768", binary_column::int2));
  EXPECT_FALSE(encodes("32768", binary_column::int2));  // the server's "out of range" comes from text COPY
  EXPECT_TRUE(encodes("2147483647", binary_column::int4));
  EXPECT_FALSE(encodes("2147483648", binary_column::int4));
  EXPECT_TRUE(encodes("-9223372036854775808", binary_column::int8));
  EXPECT_FALSE(encodes("9223372036854775808", binary_column::int8));
  for (const char *odd : {" 1", "1 ", "+1", "", "-", "1.0", "0x10", "1e3"}) EXPECT_FALSE(encodes(odd, binary_column::int4)) << odd;
  EXPECT_TRUE(encodes("007", binary_column::int4));
  EXPECT_TRUE(encodes("3.14159265358979", binary_column::float8));
  EXPECT_TRUE(encodes("-1.5e-300", binary_column::float8));
  EXPECT_TRUE(encodes("NaN", binary_column::float8));
  EXPECT_TRUE(encodes("-Infinity", binary_column::float4));
  EXPECT_FALSE(encodes("1e400", binary_column::float8));   // out of range: the server's error
  EXPECT_FALSE(encodes("1e40", binary_column::float4));
  EXPECT_FALSE(encodes("1e-400", binary_column::float8));  // underflow
  EXPECT_FALSE(encodes("inf", binary_column::float8));
  EXPECT_FALSE(encodes(" 1.5", binary_column::float8));
  EXPECT_TRUE(encodes("t", binary_column::boolean));
  EXPECT_TRUE(encodes("false", binary_column::boolean));
  EXPECT_FALSE(encodes("yes", binary_column::boolean));
  EXPECT_TRUE(encodes("any text\tat all\\", binary_column::text));
  EXPECT_TRUE(encodes(nullptr, binary_column::int4));  // NULL is NULL in every type
}

TEST(CopyBinary, RowsInTheWireFormat) {
  const binary_column k[] = {binary_column::int4, binary_column::text, binary_column::int2, binary_column::float8,
                             binary_column::boolean};
  param_rows rows = one_row({"-2", "ab", nullptr, "0.5", "t"});
  ASSERT_TRUE(encodes_exactly(rows, k));
  std::string out;
  append_binary_header(out);
  ASSERT_EQ(out.size(), 19u);
  EXPECT_EQ(std::memcmp(out.data(), "PGCOPY\n\377\r\n\0", 11), 0);
  out.clear();
  append_binary_row(out, rows, 0, k);
  append_binary_trailer(out);
  const std::string expected("\0\5"                                  // 5 fields
                             "\0\0\0\4\377\377\377\376"              // int4 -2
                             "\0\0\0\2ab"                            // text
                             "\377\377\377\377"                      // NULL
                             "\0\0\0\10\77\340\0\0\0\0\0\0"          // float8 0.5
                             "\0\0\0\1\1"                            // true
                             "\377\377",                             // trailer
                             2 + 8 + 6 + 4 + 12 + 5 + 2);
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace pgesql::exec
