#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "ecpgerrno.h"
#include "ecpglib.h"
#include "exec/connection_registry.hpp"
#include "fake_link.hpp"
#include "pgesql/pgesql.h"
#include "sqlca.h"

namespace {

using namespace pgesql::exec;
using namespace pgesql::exec::testing;

// Every CONNECT opens a fake link whose state is kept per target.
class StatementFlow : public ::testing::Test {
 protected:
  std::map<std::string, fake_state> servers;

  void SetUp() override {
    close_all_connections();
    set_link_opener([this](const std::string &target, const std::string &, const std::string &, std::string &err)
                        -> std::unique_ptr<server_link> {
      if (target == "nosuchdb") {
        err = "database does not exist";
        return nullptr;
      }
      return std::make_unique<fake_link>(servers[target]);
    });
  }
  void TearDown() override {
    close_all_connections();
    set_link_opener(nullptr);
  }

  static pgesql_stmt stmt(int kind, const char *sql, int line = 10, int flags = 0) {
    return pgesql_stmt{kind, flags, sql, nullptr, "test.pgc", line, 1, 0, nullptr};
  }
  static pgesql_var int_var(int *p, int *ind = nullptr) {
    return {PGESQL_T_INT, p, 1, 1, sizeof(int), ind ? PGESQL_T_INT : PGESQL_T_NO_INDICATOR, ind, ind ? 1 : 0,
            ind ? 1 : 0, ind ? static_cast<long>(sizeof(int)) : 0};
  }
  int connect(const char *target, const char *name = nullptr, int autocommit = 0) {
    pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, nullptr, 1);
    return pgesql_connect(&s, target, nullptr, nullptr, name, autocommit);
  }
};

TEST_F(StatementFlow, ConnectNamesTheConnectionAfterTheDatabase) {
  EXPECT_EQ(connect("db1@localhost:5432"), 0);
  EXPECT_TRUE(ECPGstatus(1, "db1"));
  EXPECT_TRUE(ECPGstatus(1, nullptr));
  EXPECT_FALSE(ECPGstatus(3, "other"));
  EXPECT_EQ(sqlca.sqlcode, ECPG_NO_CONN);
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "connection \"other\" does not exist on line 3");
}

TEST_F(StatementFlow, FailedConnectReportsTheDatabase) {
  EXPECT_NE(connect("nosuchdb"), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_CONNECT);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08001");
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "could not connect to database \"nosuchdb\" on line 1");
  EXPECT_NE(connect("unix:postgresql://remote/db"), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_CONNECT);
}

TEST_F(StatementFlow, StatementWithoutConnection) {
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select 1", 42);
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_NO_CONN);
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "connection \"NULL\" does not exist on line 42");
}

TEST_F(StatementFlow, BeginsATransactionBeforeTheFirstStatementWithoutAutocommit) {
  connect("db1");
  servers["db1"].answers.push_back(command("INSERT 0 1"));
  int v = 5;
  pgesql_var in = int_var(&v);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "insert into t values ($1)");
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 0, nullptr), 0);
  auto &log = servers["db1"].log;
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].sql, "begin transaction");
  EXPECT_EQ(log[1].sql, "insert into t values ($1)");
  EXPECT_EQ(log[1].params[0].data, "5");
  EXPECT_EQ(sqlca.sqlerrd[2], 1);
  // inside the transaction no second BEGIN
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 0, nullptr), 0);
  EXPECT_EQ(log.size(), 3u);
}

TEST_F(StatementFlow, AutocommitSendsNoBegin) {
  connect("db1", nullptr, 1);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "create table t (i int)");
  servers["db1"].answers.push_back(command("CREATE TABLE"));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  ASSERT_EQ(servers["db1"].log.size(), 1u);
  EXPECT_EQ(servers["db1"].log[0].how, "execute");
}

TEST_F(StatementFlow, SetWithHostVariableKeepsTheValueAParameter) {
  connect("db1", nullptr, 1);
  char path[16] = "public";
  pgesql_var in = {PGESQL_T_CHAR, path, 16, 1, 16, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "SET search_path TO $1");
  servers["db1"].answers.push_back(rows({{"set_config", 25}}, {{"public"}}));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, 0);
  EXPECT_EQ(servers["db1"].log[0].sql, "select set_config('search_path', $1, false)");
  EXPECT_EQ(servers["db1"].log[0].params[0].data, "public");
}

TEST_F(StatementFlow, UpdateOfNoRowsIsNotFound) {
  connect("db1", nullptr, 1);
  servers["db1"].answers.push_back(command("UPDATE 0"));
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "update t set i = 1");
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "02000");
}

TEST_F(StatementFlow, SelectIntoStoresColumnsAndCountsRows) {
  connect("db1", nullptr, 1);
  servers["db1"].answers.push_back(rows({{"a", 23}, {"b", 25}}, {{"7", "hello"}}));
  int a = 0;
  char b[8];
  pgesql_var out[2] = {int_var(&a), {PGESQL_T_CHAR, b, 8, 1, 8, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}};
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select a, b from t");
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 2, out), 0);
  EXPECT_EQ(a, 7);
  EXPECT_STREQ(b, "hello");
  EXPECT_EQ(sqlca.sqlerrd[2], 1);
}

TEST_F(StatementFlow, NoRowsIsNotFoundAndColumnCountMustMatch) {
  connect("db1", nullptr, 1);
  int a = 0;
  pgesql_var out = int_var(&a);
  pgesql_stmt s = stmt(PGESQL_STMT_FETCH, "fetch c");
  servers["db1"].answers.push_back(rows({{"a", 23}}, {}));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &out), 0);
  EXPECT_EQ(sqlca.sqlcode, 100);
  servers["db1"].answers.push_back(rows({{"a", 23}, {"b", 23}}, {{"1", "2"}}));
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &out), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_TOO_FEW_ARGUMENTS);
  pgesql_var two[2] = {int_var(&a), int_var(&a)};
  servers["db1"].answers.push_back(rows({{"a", 23}}, {{"1"}}));
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 2, two), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_TOO_MANY_ARGUMENTS);
}

TEST_F(StatementFlow, ServerErrorsAndNoticesReachSqlca) {
  connect("db1", nullptr, 1);
  servers["db1"].answers.push_back(error("42P01", "relation \"x\" does not exist"));
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select * from x", 77);
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "relation \"x\" does not exist on line 77");
  servers["db1"].notices.push_back({"25P01", "there is no transaction in progress"});
  pgesql_stmt commit = stmt(PGESQL_STMT_TRANSACTION, "commit");
  // ECPG's warning codes are negative: WHENEVER SQLERROR fires for them too
  EXPECT_NE(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_WARNING_NO_TRANSACTION);
  EXPECT_EQ(sqlca.sqlwarn[2], 'W');
}

TEST_F(StatementFlow, TransactionCommandsFollowEcpg) {
  connect("db1");
  pgesql_stmt begin = stmt(PGESQL_STMT_TRANSACTION, "begin work");
  pgesql_stmt commit = stmt(PGESQL_STMT_TRANSACTION, "commit");
  EXPECT_EQ(pgesql_exec(&begin, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  auto &log = servers["db1"].log;
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].sql, "begin work");  // no extra BEGIN before a BEGIN
  EXPECT_EQ(log[1].sql, "commit");
  EXPECT_EQ(log[2].sql, "begin transaction");  // commit outside a transaction opens one first
  EXPECT_EQ(log[3].sql, "commit");
}

TEST_F(StatementFlow, NamedConnectionsAtAndSetConnection) {
  connect("db1", "first", 1);
  connect("db2", "second", 1);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select 1");
  servers["db2"].answers.push_back(command("SET"));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);  // current: the last opened
  servers["db1"].answers.push_back(command("SET"));
  EXPECT_EQ(pgesql_exec(&s, "first", nullptr, 0, nullptr, 0, nullptr), 0);  // AT first
  EXPECT_EQ(servers["db1"].log.size(), 1u);
  pgesql_stmt sc = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_set_connection(&sc, "first"), 0);
  servers["db1"].answers.push_back(command("SET"));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(servers["db1"].log.size(), 2u);
  EXPECT_EQ(servers["db2"].log.size(), 1u);
  EXPECT_NE(pgesql_set_connection(&sc, "third"), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_NO_CONN);
}

TEST_F(StatementFlow, CurrentConnectionIsPerThread) {
  connect("db1", "first", 1);
  connect("db2", "second", 1);
  pgesql_stmt sc = stmt(PGESQL_STMT_NORMAL, nullptr);
  std::thread t([&] {
    pgesql_set_connection(&sc, "first");
    pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select 1");
    pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr);
  });
  t.join();
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select 2");
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr);
  ASSERT_EQ(servers["db1"].log.size(), 1u);
  EXPECT_EQ(servers["db1"].log[0].sql, "select 1");
  ASSERT_EQ(servers["db2"].log.size(), 1u);
  EXPECT_EQ(servers["db2"].log[0].sql, "select 2");
}

TEST_F(StatementFlow, DisconnectCurrentAllAndUnknown) {
  connect("db1", "first", 1);
  connect("db2", "second", 1);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_disconnect(&s, "CURRENT"), 0);
  EXPECT_TRUE(servers["db2"].closed_by_client);
  EXPECT_TRUE(ECPGstatus(1, nullptr));  // falls back to the remaining one
  EXPECT_NE(pgesql_disconnect(&s, "second"), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_NO_CONN);
  EXPECT_EQ(pgesql_disconnect(&s, "ALL"), 0);
  EXPECT_TRUE(servers["db1"].closed_by_client);
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_UNKNOWN);
}

TEST_F(StatementFlow, SetAutocommit) {
  connect("db1");
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_set_autocommit(&s, nullptr, 1), 0);
  EXPECT_TRUE(servers["db1"].log.empty());  // idle: nothing to commit
  EXPECT_EQ(pgesql_set_autocommit(&s, nullptr, 0), 0);
  ASSERT_EQ(servers["db1"].log.size(), 1u);
  EXPECT_EQ(servers["db1"].log[0].sql, "begin transaction");
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_INTRANS);
  EXPECT_EQ(pgesql_set_autocommit(&s, nullptr, 1), 0);
  EXPECT_EQ(servers["db1"].log.back().sql, "commit");
}

TEST_F(StatementFlow, PrepareExecuteDeallocate) {
  connect("db1", nullptr, 1);
  pgesql_stmt p = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_prepare(&p, nullptr, "st", "select * from t where a = ? and b = :x::int"), 0);
  EXPECT_EQ(servers["db1"].log[0].sql, "st:select * from t where a = $1 and b = $2::int");
  int a = 3, out = 0;
  pgesql_var in = int_var(&a);
  pgesql_var o = int_var(&out);
  pgesql_stmt e = {PGESQL_STMT_EXECUTE, 0, "", "st", "test.pgc", 5, 1, 0, nullptr};
  servers["db1"].answers.push_back(rows({{"a", 23}}, {{"9"}}));
  EXPECT_EQ(pgesql_exec(&e, nullptr, nullptr, 1, &in, 1, &o), 0);
  EXPECT_EQ(out, 9);
  EXPECT_EQ(servers["db1"].log[1].how, "execute_prepared");
  EXPECT_EQ(pgesql_deallocate(&p, nullptr, "st"), 0);
  EXPECT_EQ(servers["db1"].log[2].sql, "deallocate \"st\"");
  EXPECT_NE(pgesql_exec(&e, nullptr, nullptr, 1, &in, 1, &o), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_INVALID_STMT);
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "invalid statement name \"st\" on line 5");
  EXPECT_NE(pgesql_deallocate(&p, nullptr, "st"), 0);
}

TEST_F(StatementFlow, CursorNameFromHostVariableIsSpliced) {
  connect("db1", nullptr, 1);
  pgesql_stmt close = stmt(PGESQL_STMT_CLOSE, "close $0");
  servers["db1"].answers.push_back(command("CLOSE CURSOR"));
  EXPECT_EQ(pgesql_exec(&close, nullptr, "MyCursor", 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(servers["db1"].log[0].sql, "close MyCursor");
  servers["db1"].answers.push_back(command("CLOSE CURSOR"));
  EXPECT_EQ(pgesql_exec(&close, nullptr, "bad name\"; drop", 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(servers["db1"].log[1].sql, "close \"bad name\"\"; drop\"");
}

TEST_F(StatementFlow, ExecuteImmediateRunsTheVariablesText) {
  connect("db1", nullptr, 1);
  const char *text = "drop table t";
  pgesql_var in = {PGESQL_T_CHAR, &text, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = stmt(PGESQL_STMT_EXEC_IMMEDIATE, nullptr);
  servers["db1"].answers.push_back(command("DROP TABLE"));
  EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 0, nullptr), 0);
  EXPECT_EQ(servers["db1"].log[0].sql, "drop table t");
}

TEST_F(StatementFlow, EmptyQuery) {
  connect("db1", nullptr, 1);
  query_result empty;
  empty.outcome = query_result::status::empty_query;
  servers["db1"].answers.push_back(empty);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "");
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_EMPTY);
}

TEST_F(StatementFlow, UnknownColumnTypeAsksTheCatalogOnce) {
  connect("db1", nullptr, 1);
  int a[3] = {};
  pgesql_var out = {PGESQL_T_INT, a, 1, 3, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select x from t");
  for (int i = 0; i < 2; ++i) {
    servers["db1"].answers.push_back(rows({{"x", 99999}}, {{"{1,2,3}"}}));
    if (i == 0) servers["db1"].answers.push_back(rows({{"typlen", 21}}, {{"-1"}}));
    EXPECT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &out), 0);
  }
  EXPECT_EQ(a[2], 3);
  int catalog_queries = 0;
  for (const sent &m : servers["db1"].log) catalog_queries += m.sql.find("pg_type") != std::string::npos;
  EXPECT_EQ(catalog_queries, 1);
}

}  // namespace

namespace {

TEST_F(StatementFlow, OpenCursorOverPreparedStatement) {
  connect("db1");
  pgesql_stmt p = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_prepare(&p, nullptr, "st", "select a from t where b = ?"), 0);
  int b = 4;
  pgesql_var in = int_var(&b);
  pgesql_stmt open = stmt(PGESQL_STMT_OPEN, "declare $0 cursor for");
  servers["db1"].answers.push_back(command("DECLARE CURSOR"));
  EXPECT_EQ(pgesql_open_prepared(&open, nullptr, "cur", "st", 1, &in), 0);
  auto &log = servers["db1"].log;
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].sql, "begin transaction");
  EXPECT_EQ(log[2].sql, "declare cur cursor for select a from t where b = $1");
  EXPECT_EQ(log[2].params[0].data, "4");
  EXPECT_NE(pgesql_open_prepared(&open, nullptr, "cur", "nosuch", 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_INVALID_STMT);
}

}  // namespace

namespace {

TEST_F(StatementFlow, BrokenConnectionIsReportedAsLost) {
  connect("db1", nullptr, 1);
  servers["db1"].open = false;
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "select 1", 12);
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08003");
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "the connection to the server was lost on line 12");
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_UNKNOWN);
}

TEST_F(StatementFlow, ConnectionBreakingUnderAStatementIsClass08) {
  connect("db1", nullptr, 1);
  servers["db1"].break_on_next = true;
  int v = 1;
  pgesql_var in = int_var(&v);
  pgesql_stmt s = stmt(PGESQL_STMT_NORMAL, "insert into t values ($1)", 14);
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 1, &in, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08006");
  EXPECT_STREQ(sqlca.sqlerrm.sqlerrmc, "server closed the connection unexpectedly on line 14");
  pgesql_stmt again = stmt(PGESQL_STMT_NORMAL, "select 1", 15);
  EXPECT_NE(pgesql_exec(&again, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08003");
}

TEST_F(StatementFlow, CommitThatLosesItsConnectionIsOutcomeUnknown) {
  connect("db1");
  pgesql_stmt ins = stmt(PGESQL_STMT_NORMAL, "insert into t values (1)");
  EXPECT_EQ(pgesql_exec(&ins, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  servers["db1"].break_on_commit = true;
  pgesql_stmt commit = stmt(PGESQL_STMT_TRANSACTION, "commit", 20);
  EXPECT_NE(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08007");
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_UNKNOWN);
}

}  // namespace

namespace {

TEST_F(StatementFlow, PreparedNamesMatchAsTheServerFoldsThem) {
  connect("db1", nullptr, 1);
  pgesql_stmt sql_prepare = stmt(PGESQL_STMT_NORMAL, "PREPARE I AS INSERT INTO T VALUES ( 1, 2 )");
  servers["db1"].answers.push_back(command("PREPARE"));
  EXPECT_EQ(pgesql_exec(&sql_prepare, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  pgesql_stmt e = {PGESQL_STMT_EXECUTE, 0, "I", "I", "test.pgc", 5, 1, 0, nullptr};
  servers["db1"].answers.push_back(command("INSERT 0 1"));
  EXPECT_EQ(pgesql_exec(&e, nullptr, nullptr, 0, nullptr, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(servers["db1"].log.back().how, "execute_prepared");
  EXPECT_EQ(servers["db1"].log.back().sql, "i");
  pgesql_stmt p = stmt(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_prepare(&p, nullptr, "Foo-1", "select 1"), 0);
  pgesql_stmt quoted = {PGESQL_STMT_EXECUTE, 0, "\"Foo-1\"", "\"Foo-1\"", "test.pgc", 6, 1, 0, nullptr};
  int out = 0;
  pgesql_var o = int_var(&out);
  servers["db1"].answers.push_back(rows({{"x", 23}}, {{"1"}}));
  EXPECT_EQ(pgesql_exec(&quoted, nullptr, nullptr, 0, nullptr, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(pgesql_deallocate(&p, nullptr, "Foo-1"), 0);
  EXPECT_EQ(servers["db1"].log.back().sql, "deallocate \"Foo-1\"");
}

}  // namespace

namespace {

TEST_F(StatementFlow, FetchCountFromHostVariable) {
  connect("db1", nullptr, 1);
  int count = 2, out[2] = {};
  pgesql_var in = int_var(&count);
  pgesql_var o = {PGESQL_T_INT, out, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt f = stmt(PGESQL_STMT_FETCH, "fetch $1 from $0");
  servers["db1"].answers.push_back(rows({{"a", 23}}, {{"1"}, {"2"}}));
  EXPECT_EQ(pgesql_exec(&f, nullptr, "cur", 1, &in, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(servers["db1"].log[0].sql, "fetch 2 from cur");
  EXPECT_TRUE(servers["db1"].log[0].params.empty());
  EXPECT_EQ(out[1], 2);
}

}  // namespace
