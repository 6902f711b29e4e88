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
