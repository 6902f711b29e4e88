#include "exec/batch_copy.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace pgesql::exec {
namespace {

TEST(BatchCopy, PlainInsertsBecomeCopy) {
  std::string copy, table;
  ASSERT_TRUE(copy_form("INSERT INTO items (id, name) VALUES ($1, $2)", 2, copy, table));
  EXPECT_EQ(copy, "copy items (id, name) from stdin");
  EXPECT_EQ(table, "items");
  ASSERT_TRUE(copy_form("insert into s.\"My T\" values ( $1 )", 1, copy, table));
  EXPECT_EQ(copy, "copy s.\"My T\" from stdin");
  EXPECT_EQ(table, "s.\"My T\"");
}

TEST(BatchCopy, AnythingElseStaysInsert) {
  std::string copy, table;
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, $2)", 3, copy, table));              // a parameter elsewhere
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($2, $1)", 2, copy, table));              // reordered
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, upper($2))", 2, copy, table));       // an expression
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, 'x')", 1, copy, table));             // a literal
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1) RETURNING id", 1, copy, table));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1) ON CONFLICT DO NOTHING", 1, copy, table));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1), ($2)", 2, copy, table));
  EXPECT_FALSE(copy_form("INSERT INTO t SELECT $1", 1, copy, table));
  EXPECT_FALSE(copy_form("UPDATE t SET a = $1", 1, copy, table));
  EXPECT_FALSE(copy_form("WITH x AS (SELECT 1) INSERT INTO t VALUES ($1)", 1, copy, table));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($10)", 1, copy, table));
}

TEST(BatchCopy, RowsInTextFormat) {
  std::vector<param_value> row(4);
  row[0].data = "a\tb\\c\nd\re";
  row[1].is_null = true;
  row[2].data = "";
  row[3].data = "\\plain text\n";
  param_rows rows(4);
  for (const param_value &p : row) rows.push_back(p);
  rows.push_back(row[2]);
  rows.push_back(row[2]);
  rows.push_back(row[1]);
  rows.push_back(row[1]);
  std::string out;
  append_copy_row(out, rows, 0);
  EXPECT_EQ(out, "a\\tb\\\\c\\nd\\re\t\\N\t\t\\\\plain text\\n\n");
  append_copy_row(out, rows, 1);
  EXPECT_EQ(out.substr(out.find('\n') + 1), "\t\t\\N\t\\N\n");
}

TEST(BatchCopy, ErrorLineFromContext) {
  EXPECT_EQ(copy_error_line("COPY items, line 70"), 70u);
  EXPECT_EQ(copy_error_line("COPY items, line 80, column price: \"x\""), 80u);
  EXPECT_EQ(copy_error_line("PL/pgSQL function f() line 3 at RAISE\nCOPY t, line 12"), 12u);
  EXPECT_EQ(copy_error_line("SQL statement \"select 1\""), 0u);
  EXPECT_EQ(copy_error_line(""), 0u);
}

}  // namespace
}  // namespace pgesql::exec
