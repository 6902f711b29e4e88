// Numeric behaviour checked value by value (independent of the ECPG suite).
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <string>

#include <pgtypes_error.h>
#include <pgtypes_numeric.h>

namespace {

std::string text_of(numeric *n, int scale) {
  char *s = PGTYPESnumeric_to_asc(n, scale);
  std::string r = s ? s : "<null>";
  PGTYPESchar_free(s);
  return r;
}

numeric *parse(const char *s) { return PGTYPESnumeric_from_asc(const_cast<char *>(s), nullptr); }

// Applies op to two parsed values and returns the result text (display scale).
template <typename Op>
std::string calc(const char *a, const char *b, Op op) {
  numeric *x = parse(a), *y = parse(b), *r = PGTYPESnumeric_new();
  std::string out = op(x, y, r) == 0 ? text_of(r, -1) : "error " + std::to_string(errno);
  PGTYPESnumeric_free(x);
  PGTYPESnumeric_free(y);
  PGTYPESnumeric_free(r);
  return out;
}

TEST(NumericValue, ParsesAndPrints) {
  numeric *n = parse("  -0012.3400  ");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(text_of(n, -1), "-12.3400");
  EXPECT_EQ(text_of(n, 1), "-12.3");
  EXPECT_EQ(text_of(n, 0), "-12");
  PGTYPESnumeric_free(n);
  n = parse("nan");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->sign, NUMERIC_NAN);
  EXPECT_EQ(text_of(n, 3), "NaN");
  PGTYPESnumeric_free(n);
  n = parse("9.995");
  EXPECT_EQ(text_of(n, 2), "10.00");
  PGTYPESnumeric_free(n);
}

TEST(NumericValue, RejectsBadText) {
  for (const char *bad : {"", "-", ".", "1..2", "1e", "1x", "Infinityx", "- inf", "1e1073741823"}) {
    errno = 0;
    EXPECT_EQ(parse(bad), nullptr) << bad;
    EXPECT_EQ(errno, PGTYPES_NUM_BAD_NUMERIC) << bad;
  }
  errno = 0;
  EXPECT_EQ(parse("1e200000"), nullptr);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
}

TEST(NumericValue, Arithmetic) {
  EXPECT_EQ(calc("0.1", "0.2", PGTYPESnumeric_add), "0.3");
  EXPECT_EQ(calc("999.99", "0.01", PGTYPESnumeric_add), "1000.00");
  EXPECT_EQ(calc("1", "1.000", PGTYPESnumeric_sub), "0.000");
  EXPECT_EQ(calc("-5.5", "2.25", PGTYPESnumeric_mul), "-12.375");
  EXPECT_EQ(calc("1", "3", PGTYPESnumeric_div), "0.33333333333333333");
  EXPECT_EQ(calc("2", "3", PGTYPESnumeric_div), "0.66666666666666667");
  EXPECT_EQ(calc("10", "4", PGTYPESnumeric_div), "2.5000000000000000");
  EXPECT_EQ(calc("1", "0", PGTYPESnumeric_div), "error " + std::to_string(PGTYPES_NUM_DIVIDE_ZERO));
  EXPECT_EQ(calc("NaN", "1", PGTYPESnumeric_add), "NaN");
}

TEST(NumericValue, InfinitiesFollowTheServer) {
  numeric *n = parse(" -inf ");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->sign, NUMERIC_NINF);
  EXPECT_EQ(text_of(n, 2), "-Infinity");
  PGTYPESnumeric_free(n);
  EXPECT_EQ(calc("Infinity", "-Infinity", PGTYPESnumeric_add), "NaN");
  EXPECT_EQ(calc("Infinity", "Infinity", PGTYPESnumeric_sub), "NaN");
  EXPECT_EQ(calc("Infinity", "-5", PGTYPESnumeric_add), "Infinity");
  EXPECT_EQ(calc("-Infinity", "-2", PGTYPESnumeric_mul), "Infinity");
  EXPECT_EQ(calc("Infinity", "0", PGTYPESnumeric_mul), "NaN");
  EXPECT_EQ(calc("5", "-Infinity", PGTYPESnumeric_div), "0");
  EXPECT_EQ(calc("-Infinity", "3", PGTYPESnumeric_div), "-Infinity");
  EXPECT_EQ(calc("Infinity", "0", PGTYPESnumeric_div), "error " + std::to_string(PGTYPES_NUM_DIVIDE_ZERO));
  numeric *pinf = parse("Infinity"), *big = parse("1e1000"), *ninf = parse("-Infinity");
  EXPECT_EQ(PGTYPESnumeric_cmp(pinf, big), 1);
  EXPECT_EQ(PGTYPESnumeric_cmp(ninf, big), -1);
  EXPECT_EQ(PGTYPESnumeric_cmp(pinf, pinf), 0);
  long l = 0;
  EXPECT_EQ(PGTYPESnumeric_to_long(pinf, &l), -1);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
  double d = 0;
  ASSERT_EQ(PGTYPESnumeric_to_double(ninf, &d), 0);
  EXPECT_TRUE(d < 0 && d * 0.5 == d);
  numeric *from = PGTYPESnumeric_new();
  ASSERT_EQ(PGTYPESnumeric_from_double(d, from), 0);
  EXPECT_EQ(from->sign, NUMERIC_NINF);
  for (numeric *x : {pinf, big, ninf, from}) PGTYPESnumeric_free(x);
}

TEST(NumericValue, LongConversionsAtTheLimits) {
  numeric *n = PGTYPESnumeric_new();
  ASSERT_EQ(PGTYPESnumeric_from_long(LONG_MIN, n), 0);
  EXPECT_EQ(text_of(n, -1), std::to_string(LONG_MIN) + ".0");
  long l = 0;
  EXPECT_EQ(PGTYPESnumeric_to_long(n, &l), 0);
  EXPECT_EQ(l, LONG_MIN);
  numeric *one = parse("1");
  numeric *below = PGTYPESnumeric_new();
  PGTYPESnumeric_sub(n, one, below);
  EXPECT_EQ(PGTYPESnumeric_to_long(below, &l), -1);
  EXPECT_EQ(errno, PGTYPES_NUM_UNDERFLOW);
  int i = 0;
  EXPECT_EQ(PGTYPESnumeric_to_int(n, &i), -1);
  EXPECT_EQ(errno, PGTYPES_NUM_OVERFLOW);
  PGTYPESnumeric_free(n);
  PGTYPESnumeric_free(one);
  PGTYPESnumeric_free(below);
}

TEST(NumericValue, CorruptStructIsAnError) {
  numeric bad{};
  bad.ndigits = 3;
  bad.digits = nullptr;
  errno = 0;
  EXPECT_EQ(PGTYPESnumeric_to_asc(&bad, 2), nullptr);
  EXPECT_EQ(errno, PGTYPES_NUM_BAD_NUMERIC);
  NumericDigit digits[2] = {1, 42};
  bad.ndigits = 2;
  bad.digits = digits;
  EXPECT_EQ(PGTYPESnumeric_to_asc(&bad, 2), nullptr);
  bad.sign = 7;
  digits[1] = 2;
  EXPECT_EQ(PGTYPESnumeric_cmp(&bad, &bad), INT_MAX);
}

TEST(NumericValue, DoubleRoundTrip) {
  numeric *n = PGTYPESnumeric_new();
  ASSERT_EQ(PGTYPESnumeric_from_double(0.1, n), 0);
  EXPECT_EQ(text_of(n, -1), "0.1");
  double d = 0;
  ASSERT_EQ(PGTYPESnumeric_to_double(n, &d), 0);
  EXPECT_EQ(d, 0.1);
  PGTYPESnumeric_free(n);
}

}  // namespace

// A numeric marked NULL (ECPGset_noind_null, an SQLDA's NULL column) reads as
// ECPG reads it: the zero around the mark, never an error. Other bad signs stay errors.
TEST(NumericValue, TheNullMarkReadsAsZero) {
  numeric *n = PGTYPESnumeric_new();
  n->sign = NUMERIC_NULL;
  EXPECT_EQ(text_of(n, -1), "0");
  double d = -1;
  EXPECT_EQ(PGTYPESnumeric_to_double(n, &d), 0);
  EXPECT_EQ(d, 0.0);
  n->sign = 0x1234;
  EXPECT_EQ(text_of(n, -1), "<null>");
  PGTYPESnumeric_free(n);
}
