#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "pgesql/pgesql.h"

TEST(Version, IsMajorMinorPatch) {
  const std::string version = pgesql_version();
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << version;
}
