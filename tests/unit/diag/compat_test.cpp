#include <gtest/gtest.h>

#include <climits>
#include <cstring>

#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"

namespace {

TEST(NoIndicatorNull, RoundTripsEveryScalarType) {
  int i = 5;
  ECPGset_noind_null(ECPGt_int, &i);
  EXPECT_EQ(i, INT_MIN);
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_int, &i));
  short s = 1;
  EXPECT_FALSE(ECPGis_noind_null(ECPGt_short, &s));
  ECPGset_noind_null(ECPGt_unsigned_short, &s);
  EXPECT_EQ(s, SHRT_MIN);
  long long ll = 0;
  ECPGset_noind_null(ECPGt_long_long, &ll);
  EXPECT_EQ(ll, LLONG_MIN);
  double d = 1.5;
  EXPECT_FALSE(ECPGis_noind_null(ECPGt_double, &d));
  ECPGset_noind_null(ECPGt_double, &d);
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_double, &d));
  char c[4] = "ab";
  ECPGset_noind_null(ECPGt_char, c);
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_char, c));
  struct {
    int len;
    char arr[8];
  } v = {3, "abc"};
  ECPGset_noind_null(ECPGt_varchar, &v);
  EXPECT_EQ(v.len, 0);
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_varchar, &v));
  struct {
    int ndigits, weight, rscale, dscale, sign;
    void *buf, *digits;
  } num = {1, 0, 0, 0, 0, nullptr, nullptr};
  EXPECT_FALSE(ECPGis_noind_null(ECPGt_numeric, &num));
  ECPGset_noind_null(ECPGt_numeric, &num);
  EXPECT_EQ(num.sign, 0xF000);
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_numeric, &num));
}

TEST(NumberedVars, RegisterAndLookUp) {
  int a = 0, b = 0;
  ECPGset_var(1, &a, 10);
  ECPGset_var(2, &b, 11);
  EXPECT_EQ(ECPGget_var(1), &a);
  EXPECT_EQ(ECPGget_var(2), &b);
  ECPGset_var(1, &b, 12);
  EXPECT_EQ(ECPGget_var(1), &b);
  EXPECT_EQ(ECPGget_var(99), nullptr);
}

TEST(Sqlprint, PrintsSqlErrorLine) {
  pgesql::diag::reset_sqlca();
  pgesql::diag::raise_error(3, ECPG_EMPTY, "YE000");
  testing::internal::CaptureStderr();
  sqlprint();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "SQL error: empty query on line 3\n");
}

TEST(Debug, LogsToTheGivenStream) {
  FILE *f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  ECPGdebug(1, f);
  pgesql::diag::raise_error(4, ECPG_EMPTY, "YE000");
  ECPGdebug(0, nullptr);
  std::rewind(f);
  char buf[512] = {};
  std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string text(buf, n);
  EXPECT_NE(text.find("ECPGdebug: set to 1"), std::string::npos);
  EXPECT_NE(text.find("raising sqlcode -212 on line 4: empty query on line 4"), std::string::npos);
}

}  // namespace

extern "C" {
int byleng(char *str, int len);
void ldchar(char *src, int len, char *dest);
void rupshift(char *str);
int risnull(int t, const char *ptr);
int rsetnull(int t, char *ptr);
}

namespace {

TEST(InformixFunctions, BlankTrimmedLengthAndCopy) {
  char s[] = "abc   ";
  EXPECT_EQ(byleng(s, 6), 3);
  char blanks[] = "   ";
  EXPECT_EQ(byleng(blanks, 3), 0);
  char dest[8];
  ldchar(s, 6, dest);
  EXPECT_STREQ(dest, "abc");
  char up[] = "MiXed 1x";
  rupshift(up);
  EXPECT_STREQ(up, "MIXED 1X");
}

TEST(InformixFunctions, NullMarkers) {
  int i = 3;
  EXPECT_EQ(risnull(ECPGt_int, reinterpret_cast<char *>(&i)), 0);
  EXPECT_EQ(rsetnull(ECPGt_int, reinterpret_cast<char *>(&i)), 0);
  EXPECT_EQ(risnull(ECPGt_int, reinterpret_cast<char *>(&i)), 1);
}

}  // namespace
