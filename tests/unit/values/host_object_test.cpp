// C++ host objects through the runtime's side of the C ABI, without a server:
// parameters read through the adapters, columns written through them.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "pgesql/host_types.hpp"
#include "values/host_object.hpp"

namespace {

using namespace pgesql::values;

field_value text(const char *s) { return {s, static_cast<int>(std::strlen(s)), false}; }
const field_value null_value{"", 0, true};

pgesql_var var(pgesql_host_object *o, long count = 1, long stride = 0) {
  return {PGESQL_T_CXX, o, 1, count, stride, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
}

template <class T>
std::string param_of(T &x) {
  param_value p;
  pgesql_var v = var(pgesql::host::bind(x, [] {}));
  EXPECT_TRUE(format_host_param(store_options{}, v, p));
  return p.is_null ? "<NULL>" : p.data;
}

struct row {
  int id;
  std::string name;
  std::optional<double> score;
  char code[4];
};

// The optional adapter learns whether its inner type is writable without a
// pointer comparison in a constant expression (GCC rejects that under -fsanitize=undefined).
TEST(HostObject, OptionalIsWritableExactlyWhenItsInnerTypeIs) {
  static_assert(pgesql::host::can_set<pgesql::host::adapter<std::string>>::value);
  static_assert(!pgesql::host::can_set<pgesql::host::adapter<std::string_view>>::value);
  EXPECT_NE(pgesql::host::adapter<std::optional<std::string>>::table.set, nullptr);
  EXPECT_NE(pgesql::host::adapter<std::optional<double>>::table.set, nullptr);
  EXPECT_EQ(pgesql::host::adapter<std::optional<std::string_view>>::table.set, nullptr);
}

TEST(HostObject, ParametersOfScalars) {
  std::string s("with\0nul", 8);
  std::optional<int> none, some = -5;
  double d = 0.1;
  bool b = true;
  EXPECT_EQ(param_of(s), std::string("with\0nul", 8));
  EXPECT_EQ(param_of(none), "<NULL>");
  EXPECT_EQ(param_of(some), "-5");
  EXPECT_EQ(param_of(d), "0.1");
  EXPECT_EQ(param_of(b), "t");
  std::chrono::system_clock::time_point epoch{};
  EXPECT_EQ(param_of(epoch), "1970-01-01 00:00:00.000000+00");
}

TEST(HostObject, ContainersAreArrayLiterals) {
  std::vector<std::optional<std::string>> v = {std::string("a,b"), std::nullopt, std::string("q\"b\\")};
  std::array<int, 3> a = {1, 2, 3};
  std::vector<int> empty;
  EXPECT_EQ(param_of(v), "{\"a,b\",NULL,\"q\\\"b\\\\\"}");
  EXPECT_EQ(param_of(a), "{\"1\",\"2\",\"3\"}");
  EXPECT_EQ(param_of(empty), "{}");
}

TEST(HostObject, IndicatorMakesNull) {
  std::string s = "x";
  int ind = -1;
  pgesql_var v = var(pgesql::host::bind(s, [] {}));
  v.ind_type = PGESQL_T_INT;
  v.ind_addr = &ind;
  v.ind_size = 1;
  v.ind_count = 1;
  v.ind_stride = sizeof ind;
  param_value p;
  ASSERT_TRUE(format_host_param(store_options{}, v, p));
  EXPECT_TRUE(p.is_null);
}

TEST(HostObject, StringTakesAnyLength) {
  std::string s = "old";
  std::string big(100000, 'z');
  field_value f[] = {{big.c_str(), static_cast<int>(big.size()), false}};
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(s, [] {})), f, array_kind::none));
  EXPECT_EQ(s, big);
}

TEST(HostObject, NullNeedsOptionalOrIndicator) {
  std::optional<long> o = 3;
  field_value f[] = {null_value};
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(o, [] {})), f, array_kind::none));
  EXPECT_FALSE(o.has_value());
  std::string s = "kept";
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(s, [] {})), f, array_kind::none));
  EXPECT_EQ(pgesql::diag::thread_sqlca().sqlcode, ECPG_MISSING_INDICATOR);
  EXPECT_EQ(s, "kept");
}

TEST(HostObject, VectorResizesToTheRows) {
  std::vector<int> v(10, 7);
  field_value f[] = {text("1"), text("2"), text("3")};
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(v, [] {})), f, array_kind::none));
  EXPECT_EQ(v, (std::vector<int>{1, 2, 3}));
}

TEST(HostObject, ArrayRejectsMoreRowsThanItHolds) {
  std::array<int, 2> a = {0, 0};
  field_value f[] = {text("1"), text("2"), text("3")};
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(a, [] {})), f, array_kind::none));
  EXPECT_EQ(pgesql::diag::thread_sqlca().sqlcode, ECPG_TOO_MANY_MATCHES);
  std::string s;
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(s, [] {})), f, array_kind::none));
}

TEST(HostObject, StructMembersSpreadOverVectorRows) {
  std::vector<row> rows;
  field_value ids[] = {text("1"), text("2")};
  field_value names[] = {text("ann"), text("bob")};
  field_value scores[] = {text("1.5"), null_value};
  field_value codes[] = {text("abcdef"), text("x")};
  auto id = pgesql::host::bind_member(rows, [](auto &r) -> auto & { return r.id; });
  ASSERT_TRUE(store_host_column(store_options{}, var(id), ids, array_kind::none));
  auto name = pgesql::host::bind_member(rows, [](auto &r) -> auto & { return r.name; });
  ASSERT_TRUE(store_host_column(store_options{}, var(name), names, array_kind::none));
  auto score = pgesql::host::bind_member(rows, [](auto &r) -> auto & { return r.score; });
  ASSERT_TRUE(store_host_column(store_options{}, var(score), scores, array_kind::none));
  auto code = pgesql::host::bind_member(rows, [](auto &r) -> auto & { return r.code; });
  ASSERT_TRUE(store_host_column(store_options{}, var(code), codes, array_kind::none));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, 1);
  EXPECT_EQ(rows[1].name, "bob");
  EXPECT_EQ(rows[0].score, 1.5);
  EXPECT_FALSE(rows[1].score.has_value());
  EXPECT_STREQ(rows[0].code, "abc");  // truncated to fit char[4]
  param_value p;
  ASSERT_TRUE(format_host_param(store_options{}, var(name), p));
  EXPECT_EQ(p.data, "{\"ann\",\"bob\"}");
}

TEST(HostObject, TimePointsFromServerText) {
  using namespace std::chrono;
  system_clock::time_point t;
  time_point<system_clock, seconds> coarse;
  field_value f[] = {text("2000-01-01 05:30:00.75+05:30")};
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(t, [] {})), f, array_kind::none));
  EXPECT_EQ(duration_cast<milliseconds>(t.time_since_epoch()).count(), 946684800750LL);
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(coarse, [] {})), f, array_kind::none));
  EXPECT_EQ(coarse.time_since_epoch().count(), 946684800LL);
  field_value late[] = {text("2300-01-01 00:00:00+00")};  // beyond nanoseconds' range
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(t, [] {})), late, array_kind::none));
  EXPECT_EQ(std::string(pgesql::diag::thread_sqlca().sqlstate, 5), "22008");
  ASSERT_TRUE(store_host_column(store_options{}, var(pgesql::host::bind(coarse, [] {})), late, array_kind::none));
  EXPECT_EQ(coarse.time_since_epoch().count(), 10413792000LL);
  field_value bad[] = {text("infinity")};
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(t, [] {})), bad, array_kind::none));
  EXPECT_EQ(pgesql::diag::thread_sqlca().sqlcode, ECPG_TIMESTAMP_FORMAT);
}

TEST(HostObject, StringViewIsInputOnly) {
  std::string_view view = "v";
  field_value f[] = {text("x")};
  EXPECT_FALSE(store_host_column(store_options{}, var(pgesql::host::bind(view, [] {})), f, array_kind::none));
  EXPECT_EQ(pgesql::diag::thread_sqlca().sqlcode, ECPG_UNSUPPORTED);
}

}  // namespace
