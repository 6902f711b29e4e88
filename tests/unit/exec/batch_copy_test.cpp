#include "exec/batch_copy.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace pgesql::exec {
namespace {

TEST(BatchCopy, PlainInsertsBecomeCopy) {
  std::optional<copy_plan> p = copy_form("INSERT INTO items (id, Name, \"Mixed \"\"q\"\"\") VALUES ($1, $2, $3)", 3);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->copy_sql, "copy items (id, Name, \"Mixed \"\"q\"\"\") from stdin");
  EXPECT_EQ(p->table, "items");
  EXPECT_EQ(p->columns, (std::vector<std::string>{"id", "name", "Mixed \"q\""}));
  p = copy_form("insert into s.\"My T\" values ( $1 )", 1);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->copy_sql, "copy s.\"My T\" from stdin");
  EXPECT_EQ(p->table, "s.\"My T\"");
  EXPECT_TRUE(p->columns.empty());
  EXPECT_TRUE(copy_form("insert into db.s.t values ($1)", 1));
}

TEST(BatchCopy, AnythingElseStaysInsert) {
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, $2)", 3));              // a parameter elsewhere
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($2, $1)", 2));              // reordered
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, upper($2))", 2));       // an expression
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1, 'x')", 1));             // a literal
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1) RETURNING id", 1));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1) ON CONFLICT DO NOTHING", 1));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($1), ($2)", 2));
  EXPECT_FALSE(copy_form("INSERT INTO t SELECT $1", 1));
  EXPECT_FALSE(copy_form("UPDATE t SET a = $1", 1));
  EXPECT_FALSE(copy_form("WITH x AS (SELECT 1) INSERT INTO t VALUES ($1)", 1));
  EXPECT_FALSE(copy_form("INSERT INTO t VALUES ($10)", 1));
  // the INSERT's own error must be the one reported for these
  EXPECT_FALSE(copy_form("INSERT INTO t (a) VALUES ($1, $2)", 2));          // more values than columns
  EXPECT_FALSE(copy_form("INSERT INTO t (a, b) VALUES ($1)", 1));
  EXPECT_FALSE(copy_form("INSERT INTO t (c.f) VALUES ($1)", 1));            // a composite's field
  EXPECT_FALSE(copy_form("INSERT INTO t (a[1]) VALUES ($1)", 1));           // an array element
  EXPECT_FALSE(copy_form("INSERT INTO t (ab\"cd\") VALUES ($1)", 1));       // not one identifier
  EXPECT_FALSE(copy_form("INSERT INTO a.b.c.d VALUES ($1)", 1));            // too many dots
  EXPECT_FALSE(copy_form("INSERT INTO t AS x VALUES ($1)", 1));
  EXPECT_FALSE(copy_form("INSERT INTO \"\" VALUES ($1)", 1));               // empty quoted name
  EXPECT_FALSE(copy_form("INSERT INTO \"t VALUES ($1)", 1));                 // unterminated
}

TEST(BatchCopy, FitnessQueryFollowsTheServersCatalog) {
  std::optional<copy_plan> listed = copy_form("insert into t (a, b) values ($1, $2)", 2);
  std::optional<copy_plan> all = copy_form("insert into t values ($1, $2)", 2);
  ASSERT_TRUE(listed && all);
  const std::string q15 = copy_fitness_query(*listed, 2, 150000);
  EXPECT_NE(q15.find("array[$2,$3]"), std::string::npos);
  EXPECT_NE(q15.find("attgenerated"), std::string::npos);
  EXPECT_NE(q15.find("attidentity"), std::string::npos);
  EXPECT_EQ(copy_fitness_query(*listed, 2, 110000).find("attgenerated"), std::string::npos);
  EXPECT_EQ(copy_fitness_query(*listed, 2, 90600).find("attidentity"), std::string::npos);
  const std::string q_all = copy_fitness_query(*all, 2, 150000);
  EXPECT_NE(q_all.find("count(*) = 2"), std::string::npos);
  EXPECT_EQ(q_all.find("$2"), std::string::npos);
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
