// Character helpers and NULL markers, with the values of ECPG's
// compat_informix/charfuncs and dec_test.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "ecpg_informix.h"
#include "sqltypes.h"

namespace {

TEST(InformixChars, UpshiftAndBlankTrimmedLengths) {
  char t1[] = "abc  def  ghi  ";
  rupshift(t1);
  EXPECT_STREQ(t1, "ABC  DEF  GHI  ");
  char buf[50];
  const int lengths[][2] = {{2, 2}, {5, 3}, {9, 8}, {15, 13}};
  const char *trimmed[] = {"AB", "ABC", "ABC  DEF", "ABC  DEF  GHI"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(byleng(t1, lengths[i][0]), lengths[i][1]);
    ldchar(t1, lengths[i][0], buf);
    EXPECT_STREQ(buf, trimmed[i]);
  }
}

TEST(InformixNulls, DecimalNullMarker) {
  decimal d;
  ASSERT_EQ(deccvint(3, &d), 0);
  EXPECT_FALSE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)));
  EXPECT_EQ(rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)), 0);
  EXPECT_TRUE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)));
}

TEST(InformixNulls, IntAndStringNullMarkers) {
  int i = 7;
  rsetnull(CINTTYPE, reinterpret_cast<char *>(&i));
  EXPECT_TRUE(risnull(CINTTYPE, reinterpret_cast<char *>(&i)));
  char s[4] = "abc";
  rsetnull(CSTRINGTYPE, s);
  EXPECT_TRUE(risnull(CSTRINGTYPE, s));
}

}  // namespace
