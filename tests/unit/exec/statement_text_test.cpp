#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "exec/connect_target.hpp"
#include "exec/statement_text.hpp"

namespace {

using namespace pgesql::exec;

TEST(StatementText, IdentifiersArePlainOrQuoted) {
  EXPECT_EQ(identifier_text("cur1"), "cur1");
  EXPECT_EQ(identifier_text("MyCur"), "MyCur");
  EXPECT_EQ(identifier_text("\"Quoted\""), "\"Quoted\"");
  EXPECT_EQ(identifier_text("a b"), "\"a b\"");
  EXPECT_EQ(identifier_text("x\"y"), "\"x\"\"y\"");
  EXPECT_EQ(identifier_text("1abc"), "\"1abc\"");
  EXPECT_EQ(identifier_text("caf\xc3\xa9"), "caf\xc3\xa9");  // non-ASCII letters stay unquoted, as in ECPG
}

// A name that only looks quoted (it closes its quotes early) is quoted whole: it can never
// end the statement and start another.
TEST(StatementText, NamesCannotEscapeTheirQuotes) {
  EXPECT_EQ(identifier_text("\"a\"; drop table t; select \"b\""), "\"\"\"a\"\"; drop table t; select \"\"b\"\"\"");
  EXPECT_EQ(identifier_text("x\"; drop table t; --"), "\"x\"\"; drop table t; --\"");
  EXPECT_EQ(identifier_text("c;drop table t"), "\"c;drop table t\"");
  EXPECT_EQ(identifier_text("\"a\"\"b\""), "\"a\"\"b\"");  // one quoted identifier: a"b
  EXPECT_EQ(identifier_text("\""), "\"\"\"\"");
  EXPECT_TRUE(is_quoted_identifier("\"a\"\"b\""));
  EXPECT_FALSE(is_quoted_identifier("\"a\"b\""));
  EXPECT_FALSE(is_quoted_identifier("\"\""));
  EXPECT_EQ(unquoted_name("\"a\"\"b\""), "a\"b");
  EXPECT_EQ(unquoted_name("\"a\" or \"b\""), "\"a\" or \"b\"");
  EXPECT_EQ(quoted_identifier("a\"b"), "\"a\"\"b\"");
}

TEST(StatementText, ServerNamesAreCutAt63BytesOnACharacterBoundary) {
  EXPECT_EQ(server_name("short"), "short");
  EXPECT_EQ(server_name(std::string(10240, 'k')), std::string(63, 'k'));
  // 62 ASCII bytes, then a two-byte character that would straddle byte 63
  const std::string name = std::string(62, 'a') + "\xc3\xa9" + "tail";
  EXPECT_EQ(server_name(name), std::string(62, 'a'));
  EXPECT_EQ(server_name(std::string(61, 'a') + "\xc3\xa9"), std::string(61, 'a') + "\xc3\xa9");
}

TEST(StatementText, SubstitutesDollarZeroOutsideQuotes) {
  std::vector<std::string> names{"c1"};
  EXPECT_EQ(substitute_names("fetch 3 from $0", names), "fetch 3 from c1");
  EXPECT_EQ(substitute_names("select '$0', $0, $10", names), "select '$0', c1, $10");
  std::vector<std::string> two{"a", "b"};
  EXPECT_EQ(substitute_names("$0 $0 $0", two), "a b b");
}

TEST(StatementText, PlaceholdersBecomeNumberedParameters) {
  EXPECT_EQ(placeholders_to_params("select ? , ?"), "select $1 , $2");
  EXPECT_EQ(placeholders_to_params("select '?', :v, x::text, :p->m"), "select '?', $1, x::text, $2");
}

TEST(ConnectTarget, DatabaseNameOfEveryEcpgForm) {
  EXPECT_EQ(inspect_target("mydb").database, "mydb");
  EXPECT_EQ(inspect_target("mydb@localhost").database, "mydb");
  EXPECT_EQ(inspect_target("mydb@localhost:5432").database, "mydb");
  EXPECT_EQ(inspect_target("tcp:postgresql://localhost:5432/mydb?connect_timeout=10").database, "mydb");
  EXPECT_EQ(inspect_target("unix:postgresql://localhost/mydb").database, "mydb");
  EXPECT_TRUE(inspect_target("unix:postgresql://127.0.0.1:5432/mydb").local_socket_ok);
  EXPECT_FALSE(inspect_target("unix:postgresql://db.example.com/mydb").local_socket_ok);
  EXPECT_EQ(inspect_target("postgresql://u@h:1/uridb?sslmode=disable").database, "uridb");
  EXPECT_EQ(inspect_target("host=h dbname=kvdb").database, "kvdb");
  EXPECT_EQ(inspect_target("").database, "");
}

}  // namespace

namespace {

using namespace pgesql::exec;

std::string set_rewrite(const char *sql) {
  bool rewritten = false;
  std::string out = set_with_parameter(sql, rewritten);
  return rewritten ? out : "unchanged";
}

TEST(StatementText, SetWithParameterBecomesSetConfig) {
  EXPECT_EQ(set_rewrite("SET search_path TO $1"), "select set_config('search_path', $1, false)");
  EXPECT_EQ(set_rewrite("set local work_mem = $1"), "select set_config('work_mem', $1, true)");
  EXPECT_EQ(set_rewrite("SET SESSION my.setting TO $1;"), "select set_config('my.setting', $1, false)");
  EXPECT_EQ(set_rewrite("SET TIME ZONE $1"), "select set_config('timezone', $1, false)");
  EXPECT_EQ(set_rewrite("SET search_path TO $1, public"), "unchanged");
  EXPECT_EQ(set_rewrite("SET search_path TO public"), "unchanged");
  EXPECT_EQ(set_rewrite("select $1"), "unchanged");
  EXPECT_EQ(set_rewrite("SET x'; drop TO $1"), "unchanged");
}

}  // namespace

namespace {

TEST(StatementText, SqlPrepareAsIsRecognised) {
  std::string name, text;
  EXPECT_TRUE(pgesql::exec::sql_prepare_as("PREPARE I AS INSERT INTO T VALUES (1)", name, text));
  EXPECT_EQ(name, "i");
  EXPECT_EQ(text, "INSERT INTO T VALUES (1)");
  EXPECT_TRUE(pgesql::exec::sql_prepare_as("prepare \"Mixed\" (int, text) as select $1, $2", name, text));
  EXPECT_EQ(name, "Mixed");
  EXPECT_EQ(text, "select $1, $2");
  EXPECT_FALSE(pgesql::exec::sql_prepare_as("prepare transaction 'x'", name, text));
  EXPECT_FALSE(pgesql::exec::sql_prepare_as("select 1", name, text));
}

}  // namespace

namespace {

TEST(StatementText, FetchCountsAreSplicedOnlyWhenNumeric) {
  std::string out;
  std::vector<std::string> n{"3"};
  EXPECT_TRUE(pgesql::exec::splice_counts("fetch $1 from c", n, out));
  EXPECT_EQ(out, "fetch 3 from c");
  std::vector<std::string> neg{"-2"};
  EXPECT_TRUE(pgesql::exec::splice_counts("move relative $1 in c", neg, out));
  EXPECT_EQ(out, "move relative -2 in c");
  std::vector<std::string> evil{"1; drop table t"};
  EXPECT_FALSE(pgesql::exec::splice_counts("fetch $1 from c", evil, out));
}

}  // namespace

namespace {

TEST(StatementText, SqlExecuteWithParameterList) {
  std::string name;
  EXPECT_TRUE(pgesql::exec::sql_execute_with_params("execute ident_name($1,$2)", 2, name));
  EXPECT_EQ(name, "ident_name");
  EXPECT_TRUE(pgesql::exec::sql_execute_with_params("EXECUTE \"Q\" ( $1 )", 1, name));
  EXPECT_EQ(name, "Q");
  EXPECT_FALSE(pgesql::exec::sql_execute_with_params("execute q($1, 2)", 1, name));
  EXPECT_FALSE(pgesql::exec::sql_execute_with_params("execute q($2,$1)", 2, name));
  EXPECT_FALSE(pgesql::exec::sql_execute_with_params("execute q", 0, name));
  EXPECT_FALSE(pgesql::exec::sql_execute_with_params("select q($1)", 1, name));
}

TEST(StatementText, ExecuteArgumentsAreTheTextBetweenTheOuterParentheses) {
  std::string name, args;
  EXPECT_TRUE(pgesql::exec::sql_execute_arguments("execute Ins($1 + 1, 'a)(b', f(2, $2))", name, args));
  EXPECT_EQ(name, "ins");
  EXPECT_EQ(args, "$1 + 1, 'a)(b', f(2, $2)");
  EXPECT_TRUE(pgesql::exec::sql_execute_arguments("EXECUTE \"Q q\" ( $1 ) ;", name, args));
  EXPECT_EQ(name, "Q q");
  EXPECT_EQ(args, " $1 ");
  EXPECT_FALSE(pgesql::exec::sql_execute_arguments("execute q($1", name, args));
  EXPECT_FALSE(pgesql::exec::sql_execute_arguments("execute q($1) extra", name, args));
  EXPECT_FALSE(pgesql::exec::sql_execute_arguments("execute q", name, args));
}

}  // namespace
