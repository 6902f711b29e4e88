// Security properties seen from a program: host variables travel as protocol
// parameters (hostile text arrives byte for byte and runs nothing), bad
// encodings are clean errors, and passwords show up in neither the debug log
// nor sqlca.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "../exec/exec_fixture.hpp"
#include "test_env.hpp"

namespace pgesql::test {
namespace {

class Security : public ExecTest {
 protected:
  void SetUp() override {
    ExecTest::SetUp();
    ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0) << sqlca.sqlerrm.sqlerrmc;
    ASSERT_EQ(run("drop table if exists sec_t"), 0);
    ASSERT_EQ(run("create table sec_t (id int, s text)"), 0);
  }
  // Inserts `value` through a char-array host variable, reads it back through another.
  std::string round_trip(const std::string &value, int id) {
    char in[256] = {};
    value.copy(in, sizeof in - 1);
    pgesql_var vars[2] = {scalar(PGESQL_T_INT, &id), chars(in, sizeof in)};
    pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into sec_t values ($1, $2)");
    EXPECT_EQ(pgesql_exec(&ins, nullptr, nullptr, 2, vars, 0, nullptr), 0) << value << ": " << sqlca.sqlerrm.sqlerrmc;
    char out[256] = {};
    pgesql_var key = scalar(PGESQL_T_INT, &id);
    pgesql_var got = chars(out, sizeof out);
    pgesql_stmt sel = statement(PGESQL_STMT_NORMAL, "select s from sec_t where id = $1");
    EXPECT_EQ(pgesql_exec(&sel, nullptr, nullptr, 1, &key, 1, &got), 0) << sqlca.sqlerrm.sqlerrmc;
    return out;
  }
  static std::string read_file(const std::string &path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(Security, HostileStringsArriveVerbatimAndRunNothing) {
  const char *hostile[] = {"'); drop table sec_t; --",
                           "x' or '1'='1",
                           "\\'; select pg_sleep(10); --",
                           "back\\slash \\\\ and \\x41 and E'\\047'",
                           "$1 $2 $$ dollar $$ :name ?",
                           "\"quoted\" identifier\"",
                           "semi; colon; ; ;",
                           "/* comment */ -- comment"};
  int id = 1;
  for (const char *s : hostile) EXPECT_EQ(round_trip(s, id++), s);
  int n = 0;
  pgesql_var out = scalar(PGESQL_T_INT, &n);
  pgesql_stmt count = statement(PGESQL_STMT_NORMAL, "select count(*) from sec_t");
  ASSERT_EQ(pgesql_exec(&count, nullptr, nullptr, 0, nullptr, 1, &out), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(n, id - 1);  // the table survived every one of them
}

TEST_F(Security, HostVariablesAreParametersInTheDebugLog) {
  char path[] = "/tmp/pgesql_sec_logXXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  FILE *log = fdopen(fd, "w");
  ECPGdebug(1, log);
  EXPECT_EQ(round_trip("'); drop table sec_t; --", 1), "'); drop table sec_t; --");
  ECPGdebug(0, nullptr);
  std::fclose(log);
  const std::string text = read_file(path);
  std::remove(path);
  // The statement text the server got has a placeholder where the value is.
  EXPECT_NE(text.find("insert into sec_t values ($1, $2)"), std::string::npos) << text;
  EXPECT_EQ(text.find("values (1, '"), std::string::npos) << text;
}

TEST_F(Security, NulByteEndsACharArrayValue) {
  char in[16] = {'a', 'b', '\0', 'c', 'd'};
  int id = 1;
  pgesql_var vars[2] = {scalar(PGESQL_T_INT, &id), chars(in, sizeof in)};
  pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into sec_t values ($1, $2)");
  ASSERT_EQ(pgesql_exec(&ins, nullptr, nullptr, 2, vars, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  char out[16] = {};
  pgesql_var got = chars(out, sizeof out);
  pgesql_stmt sel = statement(PGESQL_STMT_NORMAL, "select s from sec_t");
  ASSERT_EQ(pgesql_exec(&sel, nullptr, nullptr, 0, nullptr, 1, &got), 0);
  EXPECT_STREQ(out, "ab");
}

TEST_F(Security, NulByteInsideAVarcharEndsTheValueAsInEcpg) {
  struct { int len; char arr[8]; } v = {5, {'a', 'b', '\0', 'c', 'd'}};
  int id = 1;
  pgesql_var vars[2] = {scalar(PGESQL_T_INT, &id),
                        {PGESQL_T_VARCHAR, &v, 8, 1, sizeof v, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}};
  pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into sec_t values ($1, $2)");
  ASSERT_EQ(pgesql_exec(&ins, nullptr, nullptr, 2, vars, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  int len = 0;
  pgesql_var got = scalar(PGESQL_T_INT, &len);
  pgesql_stmt sel = statement(PGESQL_STMT_NORMAL, "select octet_length(s) from sec_t");
  ASSERT_EQ(pgesql_exec(&sel, nullptr, nullptr, 0, nullptr, 1, &got), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(len, 2);  // "ab": nothing after the NUL reaches the server, not even as text
}

TEST_F(Security, InvalidUtf8IsError22021) {
  for (const char *bad : {"\xff\xfe", "ok \xc3\x28 then", "\xe2\x82", "\xed\xa0\x80"}) {
    char in[16] = {};
    std::string(bad).copy(in, sizeof in - 1);
    int id = 1;
    pgesql_var vars[2] = {scalar(PGESQL_T_INT, &id), chars(in, sizeof in)};
    pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into sec_t values ($1, $2)");
    EXPECT_NE(pgesql_exec(&ins, nullptr, nullptr, 2, vars, 0, nullptr), 0);
    EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
    EXPECT_EQ(sqlstate_now(), "22021") << sqlca.sqlerrm.sqlerrmc;
  }
  EXPECT_EQ(run("set search_path = public"), 0);
}

TEST_F(Security, PasswordsStayOutOfTheDebugLogAndSqlca) {
  const std::string password = env("PGESQL_TEST_SCRAM_PASSWORD");
  const std::string base = "postgresql://" + env("PGESQL_TEST_SCRAM_USER") + ":";
  const std::string rest = "@127.0.0.1:" + env("PGESQL_TEST_PORT") + "/" + database() + "?sslmode=disable";
  char path[] = "/tmp/pgesql_sec_logXXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  FILE *log = fdopen(fd, "w");
  ECPGdebug(1, log);
  // The password in the URI, then through USING; then wrong ones both ways.
  EXPECT_EQ(connect_to((base + password + rest).c_str(), "uri"), 0) << sqlca.sqlerrm.sqlerrmc;
  const std::string plain = "tcp:postgresql://127.0.0.1:" + env("PGESQL_TEST_PORT") + "/" + database();
  EXPECT_EQ(connect_to(plain.c_str(), "using", 0, env("PGESQL_TEST_SCRAM_USER").c_str(), password.c_str()), 0)
      << sqlca.sqlerrm.sqlerrmc;
  const std::string wrong = "Wr0ngSecretPassw0rd";
  EXPECT_NE(connect_to((base + wrong + rest).c_str(), "bad_uri"), 0);
  const std::string in_sqlca_1 = sqlca.sqlerrm.sqlerrmc;
  EXPECT_NE(connect_to(plain.c_str(), "bad_using", 0, env("PGESQL_TEST_SCRAM_USER").c_str(), wrong.c_str()), 0);
  const std::string in_sqlca_2 = sqlca.sqlerrm.sqlerrmc;
  // Key=value form with an unusable option: the error must not echo the string.
  const std::string kv = "host=127.0.0.1 port=" + env("PGESQL_TEST_PORT") + " password=" + wrong + " sslmode=bogus";
  EXPECT_NE(connect_to(kv.c_str(), "bad_kv"), 0);
  const std::string in_sqlca_3 = sqlca.sqlerrm.sqlerrmc;
  ECPGdebug(0, nullptr);
  std::fclose(log);
  const std::string text = read_file(path);
  std::remove(path);
  EXPECT_NE(text.find("connect"), std::string::npos) << "the log is empty";
  for (const std::string &secret : {password, wrong}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << "log:\n" << text;
    for (const std::string &m : {in_sqlca_1, in_sqlca_2, in_sqlca_3}) EXPECT_EQ(m.find(secret), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace pgesql::test
