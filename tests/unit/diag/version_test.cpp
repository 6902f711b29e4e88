#include <gtest/gtest.h>

#include <string>

#include "pgesql/pgesql.h"

namespace {

// digits '.' digits '.' digits, nothing else
bool is_major_minor_patch(const std::string &v) {
  int parts = 0;
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == start) return false;
    ++parts;
    if (i == v.size()) break;
    if (v[i] != '.' || ++i == v.size()) return false;
  }
  return parts == 3;
}

}  // namespace

TEST(Version, IsMajorMinorPatch) {
  const std::string version = pgesql_version();
  EXPECT_TRUE(is_major_minor_patch(version)) << version;
  EXPECT_FALSE(is_major_minor_patch("1.2"));
  EXPECT_FALSE(is_major_minor_patch("1.2.3."));
  EXPECT_FALSE(is_major_minor_patch("1.x.3"));
}
