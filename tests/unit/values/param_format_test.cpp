#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstring>

#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "pgtypes_date.h"
#include "pgtypes_interval.h"
#include "pgtypes_numeric.h"
#include "pgtypes_timestamp.h"
#include "values/param_format.hpp"

namespace {

using namespace pgesql::values;

param_value format(pgesql_var pv, store_options opt = {}) {
  param_value out;
  EXPECT_TRUE(format_param(opt, resolve(pv), out));
  return out;
}

static pgesql_var scalar(int type, void *addr, long size, long stride) {
  return {type, addr, size, 1, stride, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
}

TEST(FormatParam, Integers) {
  int i = -7;
  EXPECT_EQ(format(scalar(PGESQL_T_INT, &i, 1, sizeof i)).data, "-7");
  unsigned long long u = ULLONG_MAX;
  EXPECT_EQ(format(scalar(PGESQL_T_UNSIGNED_LONG_LONG, &u, 1, sizeof u)).data, "18446744073709551615");
  short s = SHRT_MIN;
  EXPECT_EQ(format(scalar(PGESQL_T_SHORT, &s, 1, sizeof s)).data, "-32768");
}

TEST(FormatParam, CArrayBecomesArrayLiteral) {
  int a[3] = {1, 2, 3};
  EXPECT_EQ(format({PGESQL_T_INT, a, 1, 3, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data, "{1,2,3}");
  bool b[2] = {true, false};
  EXPECT_EQ(format({PGESQL_T_BOOL, b, 1, 2, sizeof(bool), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data, "{t,f}");
}

TEST(FormatParam, FloatsKeepFullPrecision) {
  double d = 0.1;
  EXPECT_EQ(format(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d)).data, "0.1");
  d = 3.141592653589793;
  EXPECT_EQ(std::stod(format(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d)).data), d);
  d = -INFINITY;
  EXPECT_EQ(format(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d)).data, "-Infinity");
  d = NAN;
  EXPECT_EQ(format(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d)).data, "NaN");
  float f = 1.1f;
  EXPECT_EQ(std::stof(format(scalar(PGESQL_T_FLOAT, &f, 1, sizeof f)).data), f);
}

TEST(FormatParam, BoolAsTOrF) {
  bool b = true;
  EXPECT_EQ(format(scalar(PGESQL_T_BOOL, &b, 1, sizeof b)).data, "t");
  int ib = 0;
  EXPECT_EQ(format(scalar(PGESQL_T_BOOL, &ib, 1, sizeof ib)).data, "f");
}

TEST(FormatParam, CharArrayStopsAtNulOrDeclaredSize) {
  char buf[8] = "abc";
  EXPECT_EQ(format(scalar(PGESQL_T_CHAR, buf, 8, 8)).data, "abc");
  char full[3] = {'x', 'y', 'z'};
  EXPECT_EQ(format(scalar(PGESQL_T_CHAR, full, 3, 3)).data, "xyz");
  const char *p = "it's";
  EXPECT_EQ(format({PGESQL_T_CHAR, &p, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data, "it's");
}

TEST(FormatParam, VarcharAndByteaUseTheirLength) {
  struct {
    int len;
    char arr[8];
  } v = {2, "abcdef"};
  EXPECT_EQ(format(scalar(PGESQL_T_VARCHAR, &v, 8, sizeof v)).data, "ab");
  v.len = 3;
  std::memcpy(v.arr, "a\0b", 3);
  param_value b = format(scalar(PGESQL_T_BYTEA, &v, 8, sizeof v));
  EXPECT_TRUE(b.binary);
  EXPECT_EQ(b.data, std::string("a\0b", 3));
}

TEST(FormatParam, NullFromIndicatorOrNoIndicatorValue) {
  int i = 3;
  short ind = -1;
  pgesql_var v = {PGESQL_T_INT, &i, 1, 1, sizeof i, PGESQL_T_SHORT, &ind, 1, 1, sizeof ind};
  EXPECT_TRUE(format(v).is_null);
  ind = 0;
  EXPECT_FALSE(format(v).is_null);
  i = INT_MIN;
  store_options no_ind;
  no_ind.force_indicator = false;
  EXPECT_TRUE(format(scalar(PGESQL_T_INT, &i, 1, sizeof i), no_ind).is_null);
  EXPECT_FALSE(format(scalar(PGESQL_T_INT, &i, 1, sizeof i)).is_null);
}

TEST(FormatParam, PgtypesValuesAsServerText) {
  date d[2] = {-1, -730119};  // 1999-12-31 and 0001-01-01
  EXPECT_EQ(format(scalar(PGESQL_T_DATE, d, 1, sizeof(date))).data, "1999-12-31");
  EXPECT_EQ(format({PGESQL_T_DATE, d, 1, 2, sizeof(date), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data,
            "{1999-12-31,0001-01-01}");
  numeric *n = PGTYPESnumeric_from_asc(const_cast<char *>("-12.50"), nullptr);
  EXPECT_EQ(format(scalar(PGESQL_T_NUMERIC, n, 1, sizeof(numeric))).data, "-12.50");
  PGTYPESnumeric_free(n);
  timestamp ts = 1500000;
  EXPECT_EQ(format(scalar(PGESQL_T_TIMESTAMP, &ts, 1, sizeof ts)).data, "2000-01-01 00:00:01.50");
  interval iv{90061000000, 14};
  EXPECT_EQ(format(scalar(PGESQL_T_INTERVAL, &iv, 1, sizeof iv)).data, "@ 1 year 2 mons 1 day 1 hour 1 min 1 sec");
}

TEST(FormatParam, CorruptPgtypesValueIsAnError) {
  numeric bad{};
  bad.ndigits = 5;  // digits missing
  param_value out;
  pgesql::diag::reset_sqlca();
  EXPECT_FALSE(format_param({}, resolve(scalar(PGESQL_T_NUMERIC, &bad, 1, sizeof bad)), out));
  EXPECT_NE(pgesql::diag::thread_sqlca().sqlcode, 0);
}

}  // namespace

namespace {

TEST(FormatParam, LiteralsOfUsingAreValues) {
  char one[] = "1";
  EXPECT_EQ(format({PGESQL_T_CONST, one, 1, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data, "1");
  char quoted[] = "'it''s'";
  EXPECT_EQ(format({PGESQL_T_CONST, quoted, 1, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}).data, "it's");
}

}  // namespace
