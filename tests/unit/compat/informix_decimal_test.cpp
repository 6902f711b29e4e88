// Informix decimal functions, with inputs and results of ECPG's
// compat_informix/dec_test.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "ecpg_informix.h"
#include "pgtypes_error.h"
#include "sqltypes.h"

namespace {

decimal dec(const char *text) {
  decimal d;
  EXPECT_EQ(deccvasc(text, static_cast<int>(std::strlen(text)), &d), 0) << text;
  return d;
}

std::string asc(decimal d, int right = -1) {
  char buf[200];
  EXPECT_EQ(dectoasc(&d, buf, sizeof buf - 1, right), 0);
  return buf;
}

TEST(InformixDecimal, ToAscRoundsToTheRequestedScale) {
  decimal d = dec(".794");
  EXPECT_EQ(asc(d), "0.794");
  EXPECT_EQ(asc(d, 0), "1");
  EXPECT_EQ(asc(d, 1), "0.8");
  EXPECT_EQ(asc(d, 2), "0.79");
  EXPECT_EQ(asc(dec("-592.49E-07")), "-0.000059249");
  EXPECT_EQ(asc(dec("1234567890123456789012345678.91")), "1234567890123456789012345678.91");
}

TEST(InformixDecimal, ToAscMarksAValueTooLongForTheBuffer) {
  decimal d = dec("2E394");
  char buf[200];
  errno = 0;
  EXPECT_EQ(dectoasc(&d, buf, sizeof buf - 1, -1), -1);
  EXPECT_STREQ(buf, "*");
  EXPECT_EQ(errno, 0);
  decimal small = dec("3.44");
  EXPECT_EQ(dectoasc(&small, buf, 0, -1), -1);
  EXPECT_EQ(dectoasc(&small, buf, -1, -1), -1);
}

TEST(InformixDecimal, CvascErrors) {
  decimal d;
  const char *wide = "1234567890123456789012345678.921";  // 31 digits
  errno = 0;
  EXPECT_EQ(deccvasc(wide, static_cast<int>(std::strlen(wide)), &d), ECPG_INFORMIX_NUM_OVERFLOW);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
  EXPECT_TRUE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)));
  EXPECT_EQ(deccvasc("not a number", 12, &d), ECPG_INFORMIX_BAD_NUMERIC);
  EXPECT_EQ(errno, PGTYPES_NUM_BAD_NUMERIC);
}

TEST(InformixDecimal, CvascHonoursTheLength) {
  decimal d;
  ASSERT_EQ(deccvasc("12345", 3, &d), 0);
  EXPECT_EQ(asc(d), "123");
  ASSERT_EQ(deccvasc("", 0, &d), 0);
  EXPECT_TRUE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)));
}

TEST(InformixDecimal, ToIntegersRoundAndReportOverflow) {
  long l = 0;
  int i = 0;
  decimal half = dec("-.5000001");
  EXPECT_EQ(dectolong(&half, &l), 0);
  EXPECT_EQ(l, -1);
  EXPECT_EQ(dectoint(&half, &i), 0);
  EXPECT_EQ(i, -1);
  decimal big = dec("592.49E21");
  EXPECT_EQ(dectolong(&big, &l), ECPG_INFORMIX_NUM_OVERFLOW);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
  EXPECT_EQ(dectoint(&big, &i), ECPG_INFORMIX_NUM_OVERFLOW);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
}

TEST(InformixDecimal, ToDouble) {
  double x = 0;
  decimal d = dec("-32.84e4");
  EXPECT_EQ(dectodbl(&d, &x), 0);
  EXPECT_DOUBLE_EQ(x, -328400.0);
  decimal huge = dec("2E394");
  EXPECT_EQ(dectodbl(&huge, &x), -1);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
}

TEST(InformixDecimal, FromIntegersAndDoubles) {
  decimal d;
  ASSERT_EQ(deccvlong(-328400, &d), 0);
  EXPECT_EQ(asc(d, 2), "-328400.00");
  ASSERT_EQ(deccvint(-2, &d), 0);
  EXPECT_EQ(asc(d, 2), "-2.00");
  ASSERT_EQ(deccvdbl(0.5, &d), 0);
  EXPECT_EQ(asc(d, 1), "0.5");
  ASSERT_EQ(deccvint(INT_MIN, &d), 0);  // Informix's NULL int
  EXPECT_TRUE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&d)));
}

TEST(InformixDecimal, Arithmetic) {
  decimal a = dec("-2"), b = dec("3.44"), r;
  ASSERT_EQ(decadd(&a, &b, &r), 0);
  EXPECT_EQ(asc(r), "1.44");
  ASSERT_EQ(decsub(&a, &b, &r), 0);
  EXPECT_EQ(asc(r), "-5.44");
  ASSERT_EQ(decmul(&a, &b, &r), 0);
  EXPECT_EQ(asc(r), "-6.88");
  ASSERT_EQ(decdiv(&a, &b, &r), 0);
  EXPECT_EQ(asc(r), "-0.58139534883720930");
  ASSERT_EQ(decdiv(&b, &a, &r), 0);
  EXPECT_EQ(asc(r), "-1.7200000000000000");
}

TEST(InformixDecimal, DivisionErrorsAndZeroDividend) {
  decimal a = dec("-2"), zero = dec("+.0"), r;
  EXPECT_EQ(decdiv(&a, &zero, &r), ECPG_INFORMIX_DIVIDE_ZERO);
  EXPECT_EQ(errno, PGTYPES_NUM_DIVIDE_ZERO);
  ASSERT_EQ(decdiv(&zero, &a, &r), 0);
  EXPECT_EQ(asc(r), "0");
  ASSERT_EQ(decmul(&zero, &a, &r), 0);
  EXPECT_EQ(asc(r), "0.0");
}

TEST(InformixDecimal, AddOverflowingTheDecimalIsReported) {
  decimal huge = dec("2E394"), two = dec("-2"), r;
  EXPECT_EQ(decadd(&huge, &two, &r), ECPG_INFORMIX_NUM_OVERFLOW);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
  // decsub judges by the numeric result, which succeeded: the result reads NULL
  EXPECT_EQ(decsub(&huge, &two, &r), 0);
  EXPECT_TRUE(risnull(CDECIMALTYPE, reinterpret_cast<char *>(&r)));
}

TEST(InformixDecimal, NullOperandsLeaveTheResultAlone) {
  decimal a = dec("-2"), null_dec, r;
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(&null_dec));
  ASSERT_EQ(deccvint(7654321, &r), 0);
  const std::string before = asc(r);
  EXPECT_EQ(decadd(&a, &null_dec, &r), 0);
  EXPECT_EQ(decsub(&null_dec, &a, &r), 0);
  EXPECT_EQ(decmul(&a, &null_dec, &r), 0);
  EXPECT_EQ(decdiv(&null_dec, &null_dec, &r), 0);
  EXPECT_EQ(asc(r), before);
  char buf[20] = "x";
  EXPECT_EQ(dectoasc(&null_dec, buf, sizeof buf, -1), 0);
  EXPECT_STREQ(buf, "");
}

TEST(InformixDecimal, CompareAndCopy) {
  decimal a = dec("-2"), b = dec("3.44"), null_dec, c;
  EXPECT_EQ(deccmp(&a, &b), -1);
  EXPECT_EQ(deccmp(&b, &a), 1);
  deccopy(&b, &c);
  EXPECT_EQ(deccmp(&b, &c), 0);
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(&null_dec));
  EXPECT_EQ(deccmp(&a, &null_dec), INT_MAX);
  EXPECT_EQ(deccmp(&null_dec, &null_dec), INT_MAX);
}

}  // namespace
