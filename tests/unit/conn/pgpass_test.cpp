#include "conn/pgpass.hpp"

#include <gtest/gtest.h>

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

constexpr std::string_view file =
    "# comment\n"
    "db.example.com:5432:sales:alice:first\n"
    "*:5433:*:alice:second\n"
    "host\\:with\\:colons:*:*:*:third\n"
    "*:*:*:bob:pass\\:word\\\\x\r\n"
    "short:line\n";

TEST(Pgpass, FirstMatchingLineWins) {
  EXPECT_EQ(find_pgpass_password(file, "db.example.com", "5432", "sales", "alice"), "first");
  EXPECT_EQ(find_pgpass_password(file, "db.example.com", "5433", "sales", "alice"), "second");
  EXPECT_EQ(find_pgpass_password(file, "other", "5433", "x", "alice"), "second");
}

TEST(Pgpass, EscapesInFieldsAndPassword) {
  EXPECT_EQ(find_pgpass_password(file, "host:with:colons", "1", "d", "u"), "third");
  EXPECT_EQ(find_pgpass_password(file, "h", "1", "d", "bob"), "pass:word\\x");
}

TEST(Pgpass, NoMatch) {
  EXPECT_FALSE(find_pgpass_password(file, "db.example.com", "5432", "sales", "carol"));
  EXPECT_FALSE(find_pgpass_password("", "h", "1", "d", "u"));
}

TEST(Pgpass, DefaultSocketDirectoryIsLocalhost) {
  EXPECT_EQ(pgpass_host_name(default_socket_dir), "localhost");
  EXPECT_EQ(pgpass_host_name(""), "localhost");
  EXPECT_EQ(pgpass_host_name("/tmp/other"), "/tmp/other");
  EXPECT_EQ(pgpass_host_name("db"), "db");
}

}  // namespace
}  // namespace pgesql::conn
