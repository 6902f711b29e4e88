#include "conn/conninfo_parser.hpp"

#include <gtest/gtest.h>

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

using KV = std::pair<std::string, std::string>;

TEST(KeywordValue, PlainQuotedAndEscaped) {
  const Options o = parse_keyword_value("  host=localhost port = 5432 password='a b\\'c' options=-c\\ x=y  ");
  EXPECT_EQ(o, (Options{KV{"host", "localhost"}, KV{"port", "5432"}, KV{"password", "a b'c"}, KV{"options", "-c x=y"}}));
}

TEST(KeywordValue, EmptyQuotedValue) { EXPECT_EQ(parse_keyword_value("dbname=''"), (Options{KV{"dbname", ""}})); }

TEST(KeywordValue, Errors) {
  EXPECT_THROW(parse_keyword_value("host"), ConfigError);
  EXPECT_THROW(parse_keyword_value("host localhost"), ConfigError);
  EXPECT_THROW(parse_keyword_value("password='unterminated"), ConfigError);
}

TEST(Uri, Full) {
  const Options o = parse_uri("postgresql://al%40ice:s%3Acret@db.example.com:6543/my%20db?sslmode=require&application_name=x");
  EXPECT_EQ(o, (Options{KV{"user", "al@ice"}, KV{"password", "s:cret"}, KV{"host", "db.example.com"},
                        KV{"port", "6543"}, KV{"dbname", "my db"}, KV{"sslmode", "require"},
                        KV{"application_name", "x"}}));
}

TEST(Uri, MinimalForms) {
  EXPECT_TRUE(parse_uri("postgresql://").empty());
  EXPECT_EQ(parse_uri("postgres://h"), (Options{KV{"host", "h"}}));
  EXPECT_EQ(parse_uri("postgresql:///db"), (Options{KV{"dbname", "db"}}));
  EXPECT_EQ(parse_uri("postgresql://%2Ftmp%2Fsock/db"), (Options{KV{"host", "/tmp/sock"}, KV{"dbname", "db"}}));
  EXPECT_EQ(parse_uri("postgresql://h?ssl=true"), (Options{KV{"host", "h"}, KV{"sslmode", "require"}}));
}

TEST(Uri, MultipleHostsAndIpv6) {
  EXPECT_EQ(parse_uri("postgresql://a:1,b,[::1]:3/db"),
            (Options{KV{"host", "a,b,::1"}, KV{"port", "1,,3"}, KV{"dbname", "db"}}));
}

TEST(Uri, Errors) {
  EXPECT_THROW(parse_uri("postgresql://h/db?sslmode"), ConfigError);
  EXPECT_THROW(parse_uri("postgresql://h/d%zzb"), ConfigError);
  EXPECT_THROW(parse_uri("postgresql://h/d%4"), ConfigError);
  EXPECT_THROW(parse_uri("postgresql://h/d%00"), ConfigError);
  EXPECT_THROW(parse_uri("postgresql://[::1/db"), ConfigError);
  EXPECT_THROW(parse_uri("mysql://h"), ConfigError);
}

TEST(EcpgTarget, DatabaseOnly) { EXPECT_EQ(parse_target("testdb"), (Options{KV{"dbname", "testdb"}})); }

TEST(EcpgTarget, DatabaseAtHostPort) {
  EXPECT_EQ(parse_target("testdb@localhost:5433"),
            (Options{KV{"dbname", "testdb"}, KV{"port", "5433"}, KV{"host", "localhost"}}));
  EXPECT_EQ(parse_target("testdb@db.example.com"), (Options{KV{"dbname", "testdb"}, KV{"host", "db.example.com"}}));
}

TEST(EcpgTarget, TcpUrlWithOptions) {
  EXPECT_EQ(parse_target("tcp:postgresql://localhost:5432/testdb?connect_timeout=14 & application_name=x"),
            (Options{KV{"dbname", "testdb"}, KV{"port", "5432"}, KV{"host", "localhost"},
                     KV{"connect_timeout", "14 "}, KV{"application_name", "x"}}));
}

TEST(EcpgTarget, UnixUrlOnlyToLocalhost) {
  EXPECT_EQ(parse_target("unix:postgresql://localhost/testdb"), (Options{KV{"dbname", "testdb"}}));
  EXPECT_EQ(parse_target("unix:postgresql://127.0.0.1:5433/testdb"),
            (Options{KV{"dbname", "testdb"}, KV{"port", "5433"}}));
  EXPECT_THROW(parse_target("unix:postgresql://remote/testdb"), ConfigError);
  EXPECT_THROW(parse_target("tcp:mysql://x"), ConfigError);
}

TEST(EcpgTarget, UrisAndConninfoAlsoAccepted) {
  EXPECT_EQ(parse_target("postgresql://h/db"), (Options{KV{"host", "h"}, KV{"dbname", "db"}}));
  EXPECT_EQ(parse_target("dbname=x host=y"), (Options{KV{"dbname", "x"}, KV{"host", "y"}}));
}

TEST(Redact, HidesPasswordsEverywhere) {
  EXPECT_EQ(redact_conninfo("host=h password=secret user=u"), "host=h password=******** user=u");
  EXPECT_EQ(redact_conninfo("password = 'a b' x=1"), "password = ******** x=1");
  EXPECT_EQ(redact_conninfo("postgresql://u:secret@h/db"), "postgresql://u:********@h/db");
  EXPECT_EQ(redact_conninfo("postgresql://h/db?password=secret&sslmode=require"),
            "postgresql://h/db?password=********&sslmode=require");
  EXPECT_EQ(redact_conninfo("sslpassword=x"), "sslpassword=********");
  EXPECT_EQ(redact_conninfo("postgresql://u@h/db"), "postgresql://u@h/db");
}

}  // namespace
}  // namespace pgesql::conn
