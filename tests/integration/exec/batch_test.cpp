// FOR :n batches through the C ABI: what reaches the server, sqlerrd[2] and
// [3], atomicity in both transaction modes, and the paths with no single row
// to blame. tests/programs/bulk_dml.pgc covers the same end to end.
#include <string>

#include "exec_fixture.hpp"

namespace pgesql::test {
namespace {

long count_rows(const char *where) {
  long n = -1;
  std::string sql = std::string("select count(*) from batch_t where ") + where;
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, sql.c_str());
  pgesql_var out = scalar(PGESQL_T_LONG, &n);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &out);
  return n;
}

class BatchTest : public ExecTest {
 protected:
  void open(int autocommit) {
    ASSERT_EQ(connect_to(database().c_str(), nullptr, autocommit), 0) << sqlca.sqlerrm.sqlerrmc;
    run("drop table if exists batch_t");
    ASSERT_EQ(run("create table batch_t (id int primary key, qty int check (qty >= 0))"), 0);
    if (!autocommit) run("commit");
  }
  // ids[] and qty[] as two int arrays of `size` elements, qty with an indicator array
  long insert(long rows, int *ids, int *qty, int *qty_ind, long size) {
    static pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "insert into batch_t (id, qty) values ($1, $2)");
    pgesql_var in[2] = {
        {PGESQL_T_INT, ids, 1, size, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0},
        {PGESQL_T_INT, qty, 1, size, sizeof(int), PGESQL_T_INT, qty_ind, 1, size, sizeof(int)}};
    pgesql_exec_batch(&s, nullptr, rows, 2, in);
    return sqlca.sqlcode;
  }
};

TEST_F(BatchTest, RowsIndicatorsAndTotals) {
  open(1);
  int ids[5] = {1, 2, 3, 4, 5}, qty[5] = {10, 20, 30, 40, 50}, ind[5] = {0, -1, 0, -1, 0};
  ASSERT_EQ(insert(5, ids, qty, ind, 5), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], 5);
  EXPECT_EQ(sqlca.sqlerrd[3], 0);
  EXPECT_EQ(count_rows("qty is null"), 2);
  EXPECT_EQ(count_rows("qty = 50"), 1);
  // an UPDATE row may touch several rows or none: sqlerrd[2] is the sum
  pgesql_stmt up = statement(PGESQL_STMT_NORMAL, "update batch_t set qty = 0 where id >= $1");
  int from[3] = {4, 6, 2};
  pgesql_var in = {PGESQL_T_INT, from, 1, 3, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_exec_batch(&up, nullptr, 3, 1, &in);
  EXPECT_EQ(sqlca.sqlcode, 0);
  EXPECT_EQ(sqlca.sqlerrd[2], 2 + 0 + 4);
}

TEST_F(BatchTest, FailingRowInAutocommitLeavesNothing) {
  open(1);
  int ids[4] = {1, 2, 3, 4}, qty[4] = {1, 2, -3, 4}, ind[4] = {0, 0, 0, 0};
  EXPECT_EQ(insert(4, ids, qty, ind, 4), ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "23514");
  EXPECT_EQ(sqlca.sqlerrd[3], 3);
  EXPECT_EQ(sqlca.sqlerrd[2], 0);
  EXPECT_NE(std::string(sqlca.sqlerrm.sqlerrmc).find("(row 3 of 4)"), std::string::npos) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(count_rows("true"), 0);
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_IDLE);
}

TEST_F(BatchTest, FailingRowInATransactionAbortsIt) {
  open(0);
  int ids[2] = {7, 8}, qty[2] = {1, 1}, ind[2] = {0, 0};
  ASSERT_EQ(insert(2, ids, qty, ind, 2), 0);
  int again[3] = {9, 7, 10}, q3[3] = {1, 1, 1}, i3[3] = {0, 0, 0};
  EXPECT_EQ(insert(3, again, q3, i3, 3), ECPG_DUPLICATE_KEY);
  EXPECT_EQ(sqlca.sqlerrd[3], 2);
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_INERROR);
  run("rollback");
  EXPECT_EQ(count_rows("true"), 0);  // the first batch went with the transaction
}

TEST_F(BatchTest, ManyRowsReportTheFailingRowToo) {
  // enough rows for the COPY path of a plain INSERT
  open(1);
  static int ids[300], qty[300], ind[300];
  for (int i = 0; i < 300; ++i) ids[i] = i, qty[i] = i, ind[i] = 0;
  ASSERT_EQ(insert(300, ids, qty, ind, 300), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], 300);
  run("delete from batch_t");
  qty[211] = -1;
  EXPECT_EQ(insert(300, ids, qty, ind, 300), ECPG_PGSQL);
  EXPECT_EQ(sqlca.sqlerrd[3], 212);
  EXPECT_EQ(count_rows("true"), 0);
}

TEST_F(BatchTest, CountsOutsideTheArrays) {
  open(1);
  int ids[2] = {1, 2}, qty[2] = {1, 1}, ind[2] = {0, 0};
  EXPECT_EQ(insert(3, ids, qty, ind, 2), ECPG_TOO_FEW_ARGUMENTS);
  EXPECT_EQ(sqlstate_now(), "07001");
  EXPECT_EQ(count_rows("true"), 0);
  EXPECT_EQ(insert(0, ids, qty, ind, 2), 0);
  EXPECT_EQ(insert(-1, ids, qty, ind, 2), 0);
  EXPECT_EQ(count_rows("true"), 0);
}

TEST_F(BatchTest, StatementErrorsBlameNoRow) {
  open(1);
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "insert into no_such_table values ($1)");
  int ids[2] = {1, 2};
  pgesql_var in = {PGESQL_T_INT, ids, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_exec_batch(&s, nullptr, 2, 1, &in);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "42P01");
  EXPECT_EQ(sqlca.sqlerrd[3], 0);
  // the connection is usable afterwards
  EXPECT_EQ(count_rows("true"), 0);
  EXPECT_EQ(sqlca.sqlcode, 0);
}

}  // namespace
}  // namespace pgesql::test
