#include <gtest/gtest.h>

#include "exec/statement_class.hpp"

namespace {

using namespace pgesql::exec;

TEST(StatementClass, CacheTakesPlannableDmlOnly) {
  for (const char *sql : {"select $1", "  INSERT into t values ($1)", "(select 1) union (select 2)",
                          "with x as (select 1) select * from x", "update t set a = 1", "delete from t",
                          "values (1)", "table t"})
    EXPECT_TRUE(class_of_text(sql).cacheable) << sql;
  for (const char *sql : {"declare c cursor for select 1", "create table t (a int)", "selector",
                          "set datestyle to iso", ""})
    EXPECT_FALSE(class_of_text(sql).cacheable) << sql;
}

TEST(StatementClass, TransactionControl) {
  EXPECT_TRUE(class_of_text("begin").begins);
  EXPECT_TRUE(class_of_text("START TRANSACTION ISOLATION LEVEL SERIALIZABLE").own_transaction);
  EXPECT_TRUE(class_of_text("commit prepared 'x'").own_transaction);
  EXPECT_TRUE(class_of_text("ROLLBACK PREPARED 'x'").own_transaction);
  EXPECT_FALSE(class_of_text("rollback").own_transaction);
  EXPECT_TRUE(class_of_text("commit work").commit);
  EXPECT_TRUE(class_of_text(" end").commit);
  EXPECT_FALSE(class_of_text("commit prepared 'x'").commit);
  EXPECT_FALSE(class_of_text("prepare transaction 'x'").sql_prepare);
  EXPECT_TRUE(class_of_text("prepare p (int) as select $1").sql_prepare);
  EXPECT_TRUE(class_of_text("execute p(1)").sql_execute);
  EXPECT_TRUE(class_of_text("set search_path = $1").set);
}

// COPY streams the program's data only when STDIN/STDOUT is COPY's own end, not a word
// inside its query, a string or a file name.
TEST(StatementClass, CopyDirectionIsReadOutsideTheQuery) {
  EXPECT_TRUE(class_of_text("COPY t FROM STDIN").copy_in);
  EXPECT_TRUE(class_of_text("copy t (a, b) from stdin with (format csv)").copy_in);
  EXPECT_TRUE(class_of_text("copy (select 1) to stdout").copy_out);
  EXPECT_FALSE(class_of_text("copy t from stdin").copy_out);
  EXPECT_FALSE(class_of_text("copy t to stdout").copy_in);
  EXPECT_FALSE(class_of_text("copy (select stdout from t to stdout) to '/tmp/x'").copy_out);
  EXPECT_FALSE(class_of_text("copy t from '/tmp/from stdin'").copy_in);
  EXPECT_FALSE(class_of_text("select 'copy t to stdout'").copy_out);
  EXPECT_FALSE(class_of_text("copy t from program 'cat'").copy_in);
}

// A descriptor the preprocessor made is never read as text: its facts decide.
TEST(StatementClass, FactsWinOverTheText) {
  const pgesql_stmt known = {PGESQL_STMT_NORMAL, 0, "select 1", nullptr, "t.pgc", 1, 1, PGESQL_FACT_KNOWN, nullptr};
  EXPECT_EQ(class_of(&known, "select 1"), statement_class{});
  const pgesql_stmt cached = {PGESQL_STMT_NORMAL, 0, "anything", nullptr, "t.pgc", 1, 1,
                              PGESQL_FACT_KNOWN | PGESQL_FACT_CACHEABLE, nullptr};
  EXPECT_TRUE(class_of(&cached, "anything").cacheable);
  const pgesql_stmt by_hand = {PGESQL_STMT_NORMAL, 0, "select 1", nullptr, "t.pgc", 1, 1, 0, nullptr};
  EXPECT_TRUE(class_of(&by_hand, "select 1").cacheable);
}

}  // namespace
