#include "conn/service_file.hpp"

#include <gtest/gtest.h>

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

using KV = std::pair<std::string, std::string>;

constexpr std::string_view file =
    "# services\n"
    "[first]\n"
    "host=a\n"
    "\n"
    "[mydb]\n"
    "  host = db.example.com  \n"
    "port=5433\n"
    "[other]\n"
    "dbname=x\n";

TEST(ServiceFile, FindsTheSection) {
  const auto o = find_service(file, "mydb", "f");
  ASSERT_TRUE(o);
  EXPECT_EQ(*o, (Options{KV{"host", "db.example.com"}, KV{"port", "5433"}}));
}

TEST(ServiceFile, MissingSection) { EXPECT_FALSE(find_service(file, "nope", "f")); }

TEST(ServiceFile, SyntaxErrorsNameTheLine) {
  try {
    find_service("[s]\nhost\n", "s", "svc.conf");
    FAIL();
  } catch (const ConfigError &e) {
    EXPECT_STREQ(e.what(), "syntax error in service file \"svc.conf\", line 2");
  }
  EXPECT_THROW(find_service("[s]\nservice=t\n", "s", "f"), ConfigError);
}

}  // namespace
}  // namespace pgesql::conn
