// The statement layer against the real server, through the C ABI alone.
#include <cmath>
#include <cstring>
#include <string>

#include "exec_fixture.hpp"

namespace {

using namespace pgesql::test;

TEST_F(ExecTest, ConnectsAndReportsStatus) {
  ASSERT_EQ(connect_to(database().c_str()), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_TRUE(ECPGstatus(1, nullptr));
  EXPECT_TRUE(ECPGstatus(1, database().c_str()));  // named after its database
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_IDLE);
}

TEST_F(ExecTest, FailedConnectIsEcpgConnect) {
  EXPECT_EQ(connect_to("no_such_database_here"), ECPG_CONNECT);
  EXPECT_EQ(sqlstate_now(), "08001");
  EXPECT_NE(std::string(sqlca.sqlerrm.sqlerrmc).find("no_such_database_here"), std::string::npos);
}

// sqlca says what ECPG says for every failed CONNECT; the cause is in the DETAIL field.
TEST_F(ExecTest, FailedConnectNamesItsCause) {
  const std::string host = std::getenv("PGESQL_TEST_HOST"), port = std::getenv("PGESQL_TEST_PORT");
  const std::string tcp = "tcp:postgresql://" + host + ":" + port + "/";
  auto cause = [] { return std::string(pgesql_error_field(PGESQL_ERROR_DETAIL)); };
  EXPECT_EQ(connect_to((tcp + database()).c_str(), nullptr, 0, std::getenv("PGESQL_TEST_SCRAM_USER"), "wrong"),
            ECPG_CONNECT);
  EXPECT_EQ(sqlstate_now(), "08001");
  EXPECT_NE(cause().find("password authentication failed"), std::string::npos) << cause();
  EXPECT_NE(cause().find("(SQLSTATE 28P01)"), std::string::npos) << cause();
  EXPECT_EQ(cause().find("wrong"), std::string::npos) << "the password is never shown";
  EXPECT_EQ(connect_to((tcp + "no_such_database_here").c_str(), nullptr, 0, std::getenv("PGESQL_TEST_SCRAM_USER"),
                       std::getenv("PGESQL_TEST_SCRAM_PASSWORD")),
            ECPG_CONNECT);
  EXPECT_NE(cause().find("(SQLSTATE 3D000)"), std::string::npos) << cause();
  EXPECT_EQ(connect_to(("tcp:postgresql://" + host + ":1/" + database()).c_str()), ECPG_CONNECT);
  EXPECT_NE(cause().find("Connection refused"), std::string::npos) << cause();
  EXPECT_EQ(connect_to((tcp + database() + "?require_auth=md5").c_str(), nullptr, 0,
                       std::getenv("PGESQL_TEST_SCRAM_USER"), std::getenv("PGESQL_TEST_SCRAM_PASSWORD")),
            ECPG_CONNECT);
  EXPECT_NE(cause().find("authentication method requirement \"md5\" failed"), std::string::npos) << cause();
}

TEST_F(ExecTest, ParametersAndResultsOfEveryScalarType) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  run("drop table if exists exec_types");
  ASSERT_EQ(run("create table exec_types (i int, s smallint, b bigint, f float8, r real, t text, "
                "ok bool, v varchar(20), by bytea)"), 0) << sqlca.sqlerrm.sqlerrmc;
  int i = -5;
  short s = 12;
  long long b = 9000000000LL;
  double f = 0.1;
  float r = 2.5f;
  char t[16] = "it's \"text\"";
  bool ok = true;
  struct { int len; char arr[20]; } v = {3, "abc"};
  struct { int len; char arr[8]; } by = {3, {'\0', '\xff', 'A'}};
  pgesql_var in[9] = {scalar(PGESQL_T_INT, &i), scalar(PGESQL_T_SHORT, &s), scalar(PGESQL_T_LONG_LONG, &b),
                      scalar(PGESQL_T_DOUBLE, &f), scalar(PGESQL_T_FLOAT, &r), chars(t, sizeof t),
                      scalar(PGESQL_T_BOOL, &ok),
                      {PGESQL_T_VARCHAR, &v, 20, 1, sizeof v, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0},
                      {PGESQL_T_BYTEA, &by, 8, 1, sizeof by, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}};
  pgesql_stmt ins = statement(PGESQL_STMT_NORMAL,
                              "insert into exec_types values ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
  ASSERT_EQ(pgesql_exec(&ins, nullptr, nullptr, 9, in, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], 1);

  int oi = 0;
  short os = 0;
  long long ob = 0;
  double of = 0;
  float orr = 0;
  char ot[16] = {};
  bool ook = false;
  struct { int len; char arr[20]; } ov = {};
  struct { int len; char arr[8]; } oby = {};
  pgesql_var out[9] = {scalar(PGESQL_T_INT, &oi), scalar(PGESQL_T_SHORT, &os), scalar(PGESQL_T_LONG_LONG, &ob),
                       scalar(PGESQL_T_DOUBLE, &of), scalar(PGESQL_T_FLOAT, &orr), chars(ot, sizeof ot),
                       scalar(PGESQL_T_BOOL, &ook),
                       {PGESQL_T_VARCHAR, &ov, 20, 1, sizeof ov, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0},
                       {PGESQL_T_BYTEA, &oby, 8, 1, sizeof oby, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}};
  pgesql_stmt sel = statement(PGESQL_STMT_NORMAL, "select * from exec_types");
  ASSERT_EQ(pgesql_exec(&sel, nullptr, nullptr, 0, nullptr, 9, out), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(oi, -5);
  EXPECT_EQ(os, 12);
  EXPECT_EQ(ob, 9000000000LL);
  EXPECT_EQ(of, 0.1);
  EXPECT_EQ(orr, 2.5f);
  EXPECT_STREQ(ot, "it's \"text\"");
  EXPECT_TRUE(ook);
  EXPECT_EQ(ov.len, 3);
  EXPECT_EQ(std::string(ov.arr, 3), "abc");
  EXPECT_EQ(oby.len, 3);
  EXPECT_EQ(std::string(oby.arr, 3), std::string("\0\xff" "A", 3));
  run("drop table exec_types");
}

TEST_F(ExecTest, NullsTruncationAndMissingIndicator) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  int value = 7, ind = -1;
  pgesql_var in = scalar(PGESQL_T_INT, &value, &ind);
  int out = 99, out_ind = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &out, &out_ind);
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select $1::int");
  ASSERT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 1, &o), 0);
  EXPECT_EQ(out_ind, -1);
  EXPECT_EQ(out, 99);

  pgesql_var no_ind = scalar(PGESQL_T_INT, &out);
  EXPECT_NE(pgesql_exec(&s, nullptr, nullptr, 1, &in, 1, &no_ind), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_MISSING_INDICATOR);
  EXPECT_EQ(sqlstate_now(), "22002");

  char small[4];
  int small_ind = 0;
  pgesql_var trunc = chars(small, sizeof small, &small_ind);
  pgesql_stmt t = statement(PGESQL_STMT_NORMAL, "select 'abcdefg'");
  ASSERT_EQ(pgesql_exec(&t, nullptr, nullptr, 0, nullptr, 1, &trunc), 0);
  EXPECT_EQ(std::string(small, 4), "abcd");
  EXPECT_EQ(small_ind, 7);
  EXPECT_EQ(sqlca.sqlwarn[0], 'W');
  EXPECT_EQ(sqlca.sqlwarn[1], 'W');
}

TEST_F(ExecTest, RuntimeAllocatedStrings) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  char *p = nullptr;
  pgesql_var o = {PGESQL_T_CHAR, &p, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select repeat('x', 300)");
  ASSERT_EQ(pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &o), 0);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(std::strlen(p), 300u);
  ECPGfree_auto_mem();
}

TEST_F(ExecTest, ServerErrorsMapToEcpgCodes) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  EXPECT_EQ(run("select * from no_such_table"), ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "42P01");
  EXPECT_NE(std::string(sqlca.sqlerrm.sqlerrmc).find("relation \"no_such_table\" does not exist on line"),
            std::string::npos);
  run("drop table if exists exec_keys");
  run("create table exec_keys (k int primary key)");
  EXPECT_EQ(run("insert into exec_keys values (1)"), 0);
  EXPECT_EQ(run("insert into exec_keys values (1)"), ECPG_DUPLICATE_KEY);
  EXPECT_EQ(sqlstate_now(), "23505");
  EXPECT_EQ(run("select (select k from exec_keys union all select 2)"), ECPG_SUBSELECT_NOT_ONE);
  EXPECT_EQ(run("update exec_keys set k = 5 where k = 42"), ECPG_NOT_FOUND);
  EXPECT_EQ(run("update exec_keys set k = 5"), 0);
  EXPECT_EQ(sqlca.sqlerrd[2], 1);
  run("drop table exec_keys");
}

TEST_F(ExecTest, WithoutAutocommitStatementsRunInATransaction) {
  ASSERT_EQ(connect_to(database().c_str()), 0);
  run("drop table if exists exec_tx");
  pgesql_stmt commit = statement(PGESQL_STMT_TRANSACTION, "commit");
  pgesql_stmt rollback = statement(PGESQL_STMT_TRANSACTION, "rollback");
  ASSERT_EQ(run("create table exec_tx (i int)"), 0);
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_INTRANS);
  EXPECT_EQ(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_IDLE);
  EXPECT_EQ(run("insert into exec_tx values (1)"), 0);
  EXPECT_EQ(pgesql_exec(&rollback, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  int n = -1;
  pgesql_var o = scalar(PGESQL_T_INT, &n);
  pgesql_stmt count = statement(PGESQL_STMT_NORMAL, "select count(*) from exec_tx");
  ASSERT_EQ(pgesql_exec(&count, nullptr, nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_EQ(n, 0);
  run("drop table exec_tx");
  pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr);
}

TEST_F(ExecTest, CursorsMoveEveryWayAndEndWithNotFound) {
  ASSERT_EQ(connect_to(database().c_str()), 0);
  pgesql_stmt open = statement(PGESQL_STMT_OPEN, "declare c scroll cursor for select g from generate_series(1, 10) g");
  ASSERT_EQ(pgesql_exec(&open, nullptr, nullptr, 0, nullptr, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  int v = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &v);
  auto fetch = [&](const char *sql) {
    pgesql_stmt f = statement(PGESQL_STMT_FETCH, sql);
    pgesql_exec(&f, nullptr, nullptr, 0, nullptr, 1, &o);
    return sqlca.sqlcode == 0 ? v : -static_cast<int>(sqlca.sqlcode);
  };
  EXPECT_EQ(fetch("fetch next from c"), 1);
  EXPECT_EQ(fetch("fetch last from c"), 10);
  EXPECT_EQ(fetch("fetch prior from c"), 9);
  EXPECT_EQ(fetch("fetch first from c"), 1);
  EXPECT_EQ(fetch("fetch absolute 5 from c"), 5);
  EXPECT_EQ(fetch("fetch relative 2 from c"), 7);
  EXPECT_EQ(fetch("fetch backward from c"), 6);
  EXPECT_EQ(fetch("fetch forward 2 from c"), -ECPG_TOO_MANY_MATCHES);  // two rows, one variable
  int rows[10] = {};
  pgesql_var many = {PGESQL_T_INT, rows, 1, 10, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt first = statement(PGESQL_STMT_FETCH, "move absolute 0 in c");
  EXPECT_EQ(pgesql_exec(&first, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  pgesql_stmt all = statement(PGESQL_STMT_FETCH, "fetch all from c");
  ASSERT_EQ(pgesql_exec(&all, nullptr, nullptr, 0, nullptr, 1, &many), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], 10);
  EXPECT_EQ(rows[9], 10);
  EXPECT_EQ(fetch("fetch next from c"), -ECPG_NOT_FOUND);  // NOT FOUND at the end
  pgesql_stmt close = statement(PGESQL_STMT_CLOSE, "close c");
  EXPECT_EQ(pgesql_exec(&close, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
}

TEST_F(ExecTest, CursorNameAndQueryFromHostVariables) {
  ASSERT_EQ(connect_to(database().c_str()), 0);
  pgesql_stmt prep = statement(PGESQL_STMT_NORMAL, nullptr);
  ASSERT_EQ(pgesql_prepare(&prep, nullptr, "q", "select g * ? from generate_series(1, 3) g"), 0)
      << sqlca.sqlerrm.sqlerrmc;
  int factor = 10;
  pgesql_var in = scalar(PGESQL_T_INT, &factor);
  pgesql_stmt open = statement(PGESQL_STMT_OPEN, "declare $0 cursor for");
  ASSERT_EQ(pgesql_open_prepared(&open, nullptr, "dyncur", "q", 1, &in), 0) << sqlca.sqlerrm.sqlerrmc;
  int v = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &v);
  pgesql_stmt fetch = statement(PGESQL_STMT_FETCH, "fetch from $0");
  ASSERT_EQ(pgesql_exec(&fetch, nullptr, "dyncur", 0, nullptr, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(v, 10);
  pgesql_stmt close = statement(PGESQL_STMT_CLOSE, "close $0");
  EXPECT_EQ(pgesql_exec(&close, nullptr, "dyncur", 0, nullptr, 0, nullptr), 0);
}

TEST_F(ExecTest, WithHoldCursorSurvivesCommit) {
  ASSERT_EQ(connect_to(database().c_str()), 0);
  pgesql_stmt open = statement(PGESQL_STMT_OPEN, "declare h cursor with hold for select 1 union all select 2");
  ASSERT_EQ(pgesql_exec(&open, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  pgesql_stmt commit = statement(PGESQL_STMT_TRANSACTION, "commit");
  ASSERT_EQ(pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr), 0);
  int v = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &v);
  pgesql_stmt fetch = statement(PGESQL_STMT_FETCH, "fetch 1 from h");
  ASSERT_EQ(pgesql_exec(&fetch, nullptr, nullptr, 0, nullptr, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(v, 1);
}

TEST_F(ExecTest, PrepareExecuteDeallocate) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  pgesql_stmt prep = statement(PGESQL_STMT_NORMAL, nullptr);
  ASSERT_EQ(pgesql_prepare(&prep, nullptr, "add", "select ?::int + ?::int"), 0) << sqlca.sqlerrm.sqlerrmc;
  int a = 2, b = 40, sum = 0;
  pgesql_var in[2] = {scalar(PGESQL_T_INT, &a), scalar(PGESQL_T_INT, &b)};
  pgesql_var o = scalar(PGESQL_T_INT, &sum);
  pgesql_stmt exec = {PGESQL_STMT_EXECUTE, 0, "", "add", "exec_test", 1, 1, 0, nullptr};
  ASSERT_EQ(pgesql_exec(&exec, nullptr, nullptr, 2, in, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sum, 42);
  EXPECT_EQ(pgesql_prepare(&prep, nullptr, "add", "select ?::int * 2"), 0);  // re-prepare replaces
  ASSERT_EQ(pgesql_exec(&exec, nullptr, nullptr, 1, in, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sum, 4);
  EXPECT_EQ(pgesql_deallocate(&prep, nullptr, "add"), 0);
  EXPECT_NE(pgesql_exec(&exec, nullptr, nullptr, 1, in, 1, &o), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_INVALID_STMT);
  const char *text = "set application_name = 'immediate'";
  pgesql_var q = {PGESQL_T_CHAR, &text, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt imm = statement(PGESQL_STMT_EXEC_IMMEDIATE, nullptr);
  EXPECT_EQ(pgesql_exec(&imm, nullptr, nullptr, 1, &q, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  // as in ECPG, a query's columns need variables to go to
  const char *query = "select 1";
  pgesql_var qv = {PGESQL_T_CHAR, &query, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_NE(pgesql_exec(&imm, nullptr, nullptr, 1, &qv, 0, nullptr), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_TOO_FEW_ARGUMENTS);
}

TEST_F(ExecTest, NamedConnectionsAndAt) {
  ASSERT_EQ(connect_to(database().c_str(), "one", 1), 0);
  ASSERT_EQ(connect_to(database().c_str(), "two", 1), 0);
  EXPECT_EQ(run("set application_name = 'second'"), 0);
  EXPECT_EQ(run("set application_name = 'first'", "one"), 0);
  char name[32] = {};
  pgesql_var o = chars(name, sizeof name);
  pgesql_stmt show = statement(PGESQL_STMT_NORMAL, "show application_name");
  ASSERT_EQ(pgesql_exec(&show, "one", nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_STREQ(name, "first");
  ASSERT_EQ(pgesql_exec(&show, nullptr, nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_STREQ(name, "second");
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, nullptr);
  EXPECT_EQ(pgesql_disconnect(&s, "two"), 0);
  ASSERT_EQ(pgesql_exec(&show, nullptr, nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_STREQ(name, "first");
  EXPECT_NE(pgesql_exec(&show, "two", nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_NO_CONN);
}

TEST_F(ExecTest, ArraysInAndOut) {
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  int in_arr[3] = {4, 5, 6};
  pgesql_var in = {PGESQL_T_INT, in_arr, 1, 3, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  int out_arr[5] = {};
  pgesql_var out = {PGESQL_T_INT, out_arr, 1, 5, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select $1::int[]");
  ASSERT_EQ(pgesql_exec(&s, nullptr, nullptr, 1, &in, 1, &out), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(out_arr[0], 4);
  EXPECT_EQ(out_arr[2], 6);
  double d[2] = {};
  pgesql_var dv = {PGESQL_T_DOUBLE, d, 1, 2, sizeof(double), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt rows = statement(PGESQL_STMT_NORMAL, "select g / 2.0 from generate_series(1, 2) g");
  ASSERT_EQ(pgesql_exec(&rows, nullptr, nullptr, 0, nullptr, 1, &dv), 0);
  EXPECT_EQ(d[1], 1.0);
  EXPECT_EQ(sqlca.sqlerrd[2], 2);
}

}  // namespace

namespace {

using namespace pgesql::test;

TEST_F(ExecTest, TerminatedBackendIsReportedThenLost) {
  ASSERT_EQ(connect_to(database().c_str(), "victim", 1), 0);
  ASSERT_EQ(connect_to(database().c_str(), "killer", 1), 0);
  int pid = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &pid);
  pgesql_stmt get_pid = statement(PGESQL_STMT_NORMAL, "select pg_backend_pid()");
  ASSERT_EQ(pgesql_exec(&get_pid, "victim", nullptr, 0, nullptr, 1, &o), 0);
  pgesql_var in = scalar(PGESQL_T_INT, &pid);
  bool done = false;
  pgesql_var ok = scalar(PGESQL_T_BOOL, &done);
  pgesql_stmt kill = statement(PGESQL_STMT_NORMAL, "select pg_terminate_backend($1)");
  ASSERT_EQ(pgesql_exec(&kill, "killer", nullptr, 1, &in, 1, &ok), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_NE(run("set application_name = 'after'", "victim"), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(run("set application_name = 'again'", "victim"), ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "08003");
  EXPECT_EQ(ECPGtransactionStatus("victim"), ECPG_TRANS_UNKNOWN);
}

}  // namespace
