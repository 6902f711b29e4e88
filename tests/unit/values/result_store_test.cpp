#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "diag/auto_memory.hpp"
#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "pgtypes.h"
#include "pgtypes_date.h"
#include "pgtypes_interval.h"
#include "pgtypes_numeric.h"
#include "pgtypes_timestamp.h"
#include "values/result_store.hpp"

namespace {

using namespace pgesql::values;

field_value text(const char *s) { return {s, static_cast<int>(std::strlen(s)), false}; }
const field_value null_value{"", 0, true};

pgesql_var scalar(int type, void *addr, long size, long stride) {
  return {type, addr, size, 1, stride, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
}

pgesql_var with_indicator(pgesql_var v, int *ind) {
  v.ind_type = PGESQL_T_INT;
  v.ind_addr = ind;
  v.ind_size = 1;
  v.ind_count = v.count;
  v.ind_stride = sizeof(int);
  return v;
}

bool store(pgesql_var pv, std::vector<field_value> rows, array_kind k = array_kind::none,
           store_options opt = {}) {
  pgesql::diag::reset_sqlca();
  host_var h = resolve(pv);
  return store_column(opt, h, rows, k);
}

long sqlcode() { return pgesql::diag::thread_sqlca().sqlcode; }
char warn(int i) { return pgesql::diag::thread_sqlca().sqlwarn[i]; }

TEST(StoreIntegers, ParseSignedAndUnsigned) {
  int i = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_INT, &i, 1, sizeof i), {text("-42")}));
  EXPECT_EQ(i, -42);
  unsigned long long ull = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_UNSIGNED_LONG_LONG, &ull, 1, sizeof ull), {text("18446744073709551615")}));
  EXPECT_EQ(ull, ULLONG_MAX);
  short s = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_SHORT, &s, 1, sizeof s), {text("123 ")}));  // bpchar padding
  EXPECT_EQ(s, 123);
}

TEST(StoreIntegers, RejectGarbageWithEcpgMessage) {
  int i = 0;
  EXPECT_FALSE(store(scalar(PGESQL_T_INT, &i, 1, sizeof i), {text("12abc")}));
  EXPECT_EQ(sqlcode(), ECPG_INT_FORMAT);
  EXPECT_STREQ(pgesql::diag::thread_sqlca().sqlerrm.sqlerrmc,
               "invalid input syntax for type int: \"12abc\", on line 0");
  unsigned u = 0;
  EXPECT_FALSE(store(scalar(PGESQL_T_UNSIGNED_INT, &u, 1, sizeof u), {text("1.5")}));
  EXPECT_EQ(sqlcode(), ECPG_UINT_FORMAT);
}

TEST(StoreIntegers, InformixTruncatesFractions) {
  int i = 0;
  store_options informix;
  informix.informix = true;
  EXPECT_TRUE(store(scalar(PGESQL_T_INT, &i, 1, sizeof i), {text("14.7")}, array_kind::none, informix));
  EXPECT_EQ(i, 14);
}

TEST(StoreFloats, SpecialValuesAndPrecision) {
  double d = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d), {text("NaN")}));
  EXPECT_TRUE(std::isnan(d));
  EXPECT_TRUE(store(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d), {text("-Infinity")}));
  EXPECT_TRUE(std::isinf(d) && d < 0);
  EXPECT_TRUE(store(scalar(PGESQL_T_DOUBLE, &d, 1, sizeof d), {text("0.1")}));
  EXPECT_EQ(d, 0.1);
  float f = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_FLOAT, &f, 1, sizeof f), {text("2.5")}));
  EXPECT_EQ(f, 2.5f);
  EXPECT_FALSE(store(scalar(PGESQL_T_FLOAT, &f, 1, sizeof f), {text("x")}));
  EXPECT_EQ(sqlcode(), ECPG_FLOAT_FORMAT);
}

TEST(StoreBool, AcceptsOnlyTAndF) {
  bool b = false;
  EXPECT_TRUE(store(scalar(PGESQL_T_BOOL, &b, 1, sizeof b), {text("t")}));
  EXPECT_TRUE(b);
  EXPECT_TRUE(store(scalar(PGESQL_T_BOOL, &b, 1, sizeof b), {text("f")}));
  EXPECT_FALSE(b);
  EXPECT_FALSE(store(scalar(PGESQL_T_BOOL, &b, 1, sizeof b), {text("yes")}));
  EXPECT_EQ(sqlcode(), ECPG_CONVERT_BOOL);
}

TEST(StoreChars, FitsWithoutWarning) {
  char buf[8];
  int ind = 99;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_CHAR, buf, 8, 8), &ind), {text("abc")}));
  EXPECT_STREQ(buf, "abc");
  EXPECT_EQ(ind, 0);
  EXPECT_EQ(warn(0), 0);
}

TEST(StoreChars, TruncationSetsIndicatorToLengthAndWarns) {
  char buf[5];
  int ind = 0;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_CHAR, buf, 5, 5), &ind), {text("abcdefgh")}));
  EXPECT_EQ(std::string(buf, 5), "abcde");
  EXPECT_EQ(ind, 8);
  EXPECT_EQ(warn(0), 'W');
  EXPECT_EQ(warn(1), 'W');
}

TEST(StoreChars, ExactFitIsNotTruncationButHasNoTerminator) {
  char buf[4] = {'x', 'x', 'x', 'x'};
  int ind = 0;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_CHAR, buf, 3, 3), &ind), {text("abc")}));
  EXPECT_EQ(std::string(buf, 4), "abcx");
  EXPECT_EQ(ind, 0);
  EXPECT_EQ(warn(1), 0);
}

TEST(StoreChars, StringTypeTrimsTrailingBlanks) {
  char buf[10];
  EXPECT_TRUE(store(scalar(PGESQL_T_STRING, buf, 10, 10), {text("ab   ")}));
  EXPECT_STREQ(buf, "ab");
}

TEST(StoreChars, OracleModeBlankPadsAndEmptyIsNull) {
  char buf[6];
  int ind = 0;
  store_options oracle;
  oracle.oracle = true;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_CHAR, buf, 6, 6), &ind), {text("ab")}, array_kind::none, oracle));
  EXPECT_EQ(std::string(buf, 6), std::string("ab   \0", 6));
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_CHAR, buf, 6, 6), &ind), {text("")}, array_kind::none, oracle));
  EXPECT_EQ(ind, -1);
}

TEST(StoreChars, NullPointerIsAllocatedPerRowAndFreedOnRequest) {
  pgesql::diag::forget_auto_memory();
  char *p = nullptr;
  pgesql_var v = {PGESQL_T_CHAR, &p, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(v, {text("hello")}));
  ASSERT_NE(p, nullptr);
  EXPECT_STREQ(p, "hello");
  ECPGfree_auto_mem();
  p = nullptr;
  EXPECT_FALSE(store(v, {text("hello"), text("hi")}));  // one pointer, two rows
  EXPECT_EQ(sqlcode(), ECPG_TOO_MANY_MATCHES);
  EXPECT_EQ(p, nullptr);
}

TEST(StoreChars, NullPointerToPointersGetsAStringList) {
  pgesql::diag::forget_auto_memory();
  char **list = nullptr;
  pgesql_var v = {PGESQL_T_CHAR, &list, 0, 0, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(v, {text("one"), text("three")}));
  ASSERT_NE(list, nullptr);
  EXPECT_STREQ(list[0], "one");
  EXPECT_STREQ(list[1], "three");
  EXPECT_EQ(list[2], nullptr);
  ECPGfree_auto_mem();
}

struct varchar10 {
  int len;
  char arr[10];
};

TEST(StoreVarchar, SetsLengthAndTruncates) {
  varchar10 v{};
  int ind = 0;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_VARCHAR, &v, 10, sizeof v), &ind), {text("hello")}));
  EXPECT_EQ(v.len, 5);
  EXPECT_EQ(std::string(v.arr, 5), "hello");
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_VARCHAR, &v, 10, sizeof v), &ind), {text("0123456789abc")}));
  EXPECT_EQ(v.len, 10);
  EXPECT_EQ(ind, 13);
  EXPECT_EQ(warn(1), 'W');
}

TEST(StoreBytea, DecodesHexAndEscapeForms) {
  varchar10 v{};
  int ind = 0;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_BYTEA, &v, 10, sizeof v), &ind), {text("\\x00ff41")}));
  EXPECT_EQ(v.len, 3);
  EXPECT_EQ(std::string(v.arr, 3), std::string("\0\xff" "A", 3));
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_BYTEA, &v, 10, sizeof v), &ind), {text("a\\\\b\\001")}));
  EXPECT_EQ(v.len, 4);
  EXPECT_EQ(std::string(v.arr, 4), std::string("a\\b\1", 4));
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_BYTEA, &v, 2, sizeof v), &ind), {text("\\x010203")}));
  EXPECT_EQ(v.len, 2);
  EXPECT_EQ(ind, 3);
  EXPECT_EQ(warn(1), 'W');
}

TEST(StoreBinary, BinaryValuesAreCopiedRaw) {
  char buf[8] = {};
  field_value raw{"\x01\x6d\x00\x8a", 4, false, true};
  EXPECT_TRUE(store(scalar(PGESQL_T_CHAR, buf, 8, 8), {raw}));
  EXPECT_EQ(std::string(buf, 4), std::string("\x01\x6d\x00\x8a", 4));
  pgesql::diag::forget_auto_memory();
  char *p = nullptr;
  pgesql_var v = {PGESQL_T_CHAR, &p, 0, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(v, {raw}));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(std::string(p, 4), std::string("\x01\x6d\x00\x8a", 4));
  ECPGfree_auto_mem();
}

TEST(StoreNull, IndicatorMinusOneOrMissingIndicatorError) {
  int i = 5, ind = 0;
  EXPECT_TRUE(store(with_indicator(scalar(PGESQL_T_INT, &i, 1, sizeof i), &ind), {null_value}));
  EXPECT_EQ(ind, -1);
  EXPECT_EQ(i, 5);
  EXPECT_FALSE(store(scalar(PGESQL_T_INT, &i, 1, sizeof i), {null_value}));
  EXPECT_EQ(sqlcode(), ECPG_MISSING_INDICATOR);
  EXPECT_EQ(std::string(pgesql::diag::thread_sqlca().sqlstate, 5), "22002");
  EXPECT_STREQ(pgesql::diag::thread_sqlca().sqlerrm.sqlerrmc, "null value without indicator on line 0");
}

TEST(StoreNull, NoIndicatorModeStoresTheNullValue) {
  int i = 5;
  store_options no_ind;
  no_ind.force_indicator = false;
  EXPECT_TRUE(store(scalar(PGESQL_T_INT, &i, 1, sizeof i), {null_value}, array_kind::none, no_ind));
  EXPECT_EQ(i, INT_MIN);
}

TEST(StoreRows, FetchIntoArrayFillsEachElement) {
  int a[4] = {};
  int ind[4] = {9, 9, 9, 9};
  pgesql_var v = {PGESQL_T_INT, a, 1, 4, sizeof(int), PGESQL_T_INT, ind, 1, 4, sizeof(int)};
  EXPECT_TRUE(store(v, {text("1"), null_value, text("3")}));
  EXPECT_EQ(a[0], 1);
  EXPECT_EQ(ind[1], -1);
  EXPECT_EQ(a[2], 3);
  EXPECT_EQ(ind[3], 9);
}

TEST(StoreRows, TooManyRowsForTheArray) {
  int a[2];
  pgesql_var v = {PGESQL_T_INT, a, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_FALSE(store(v, {text("1"), text("2"), text("3")}));
  EXPECT_EQ(sqlcode(), ECPG_TOO_MANY_MATCHES);
  EXPECT_EQ(std::string(pgesql::diag::thread_sqlca().sqlstate, 5), "21000");
}

TEST(StoreRows, StructMembersUseTheStructStride) {
  struct row {
    int id;
    char name[6];
  } rows[2] = {};
  pgesql_var ids = {PGESQL_T_INT, &rows[0].id, 1, 2, sizeof(row), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_var names = {PGESQL_T_CHAR, rows[0].name, 6, 2, sizeof(row), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(ids, {text("7"), text("8")}));
  EXPECT_TRUE(store(names, {text("ann"), text("bob")}));
  EXPECT_EQ(rows[1].id, 8);
  EXPECT_STREQ(rows[1].name, "bob");
}

TEST(StoreArrays, PostgresArrayIntoCArray) {
  int a[5] = {};
  pgesql_var v = {PGESQL_T_INT, a, 1, 5, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(v, {text("{10,20,30}")}, array_kind::array));
  EXPECT_EQ(a[0], 10);
  EXPECT_EQ(a[2], 30);
  EXPECT_EQ(a[3], 0);
  double d[3] = {};
  pgesql_var dv = {PGESQL_T_DOUBLE, d, 1, 3, sizeof(double), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(dv, {text("{1.5,\"NaN\",-2}")}, array_kind::array));
  EXPECT_EQ(d[0], 1.5);
  EXPECT_TRUE(std::isnan(d[1]));
  EXPECT_EQ(d[2], -2);
  short vec[3] = {};
  pgesql_var sv = {PGESQL_T_SHORT, vec, 1, 3, sizeof(short), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(sv, {text("1 2 3")}, array_kind::vector));
  EXPECT_EQ(vec[2], 3);
}

TEST(StoreArrays, ExtraElementsAreNotWrittenPastTheCArray) {
  int a[3] = {0, 0, 77};
  pgesql_var v = {PGESQL_T_INT, a, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  EXPECT_TRUE(store(v, {text("{1,2,3}")}, array_kind::array));
  EXPECT_EQ(a[1], 2);
  EXPECT_EQ(a[2], 77);
}

TEST(StoreArrays, ScalarForArrayColumnAndNonArrayData) {
  int i = 0;
  int *p = &i;  // a pointer (count 0) cannot take an array column
  EXPECT_FALSE(store({PGESQL_T_INT, &p, 1, 0, sizeof i, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}, {text("{1}")},
                     array_kind::array));
  EXPECT_EQ(sqlcode(), ECPG_NO_ARRAY);
  int a[2];
  EXPECT_FALSE(store({PGESQL_T_INT, a, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}, {text("1")},
                     array_kind::array));
  EXPECT_EQ(sqlcode(), ECPG_DATA_NOT_ARRAY);
}

TEST(StorePgtypes, ValuesFromServerText) {
  numeric *n = PGTYPESnumeric_new();
  EXPECT_TRUE(store(scalar(PGESQL_T_NUMERIC, n, 1, sizeof(numeric)), {text("2369.7000000")}));
  char *s = PGTYPESnumeric_to_asc(n, -1);
  EXPECT_STREQ(s, "2369.7000000");
  PGTYPESchar_free(s);
  PGTYPESnumeric_free(n);
  date d = 0;
  EXPECT_TRUE(store(scalar(PGESQL_T_DATE, &d, 1, sizeof d), {text("1966-01-17")}));
  EXPECT_EQ(d, -12402);
  timestamp ts[2] = {0, 0};
  EXPECT_TRUE(store({PGESQL_T_TIMESTAMP, ts, 1, 2, sizeof(timestamp), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0},
                    {text("{\"2000-01-01 00:00:01\",\"1999-12-31 23:59:59\"}")}, array_kind::array));
  EXPECT_EQ(ts[0], 1000000);
  EXPECT_EQ(ts[1], -1000000);
  interval iv{};
  EXPECT_TRUE(store(scalar(PGESQL_T_INTERVAL, &iv, 1, sizeof iv), {text("1 year 2 mons 3 days 04:05:06")}));
  EXPECT_EQ(iv.month, 14);
  decimal dec{};
  EXPECT_TRUE(store(scalar(PGESQL_T_DECIMAL, &dec, 1, sizeof dec), {text("-3.25")}));
  EXPECT_EQ(dec.sign, NUMERIC_NEG);
  EXPECT_EQ(dec.dscale, 2);
}

TEST(StorePgtypes, BadTextIsTheTypesFormatError) {
  date d = 0;
  EXPECT_FALSE(store(scalar(PGESQL_T_DATE, &d, 1, sizeof d), {text("not a date")}));
  EXPECT_EQ(sqlcode(), ECPG_DATE_FORMAT);
  numeric *n = PGTYPESnumeric_new();
  EXPECT_FALSE(store(scalar(PGESQL_T_NUMERIC, n, 1, sizeof(numeric)), {text("1.2.3")}));
  EXPECT_EQ(sqlcode(), ECPG_NUMERIC_FORMAT);
  PGTYPESnumeric_free(n);
}

}  // namespace
