#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "descriptors/sqlda_native.hpp"
#include "pgesql/pgesql.h"
#include "sqlda-native.h"

namespace pgesql::descriptors {
namespace {

values::query_result two_rows() {
  values::query_result r;
  r.outcome = values::query_result::status::rows;
  r.columns.push_back({"id", 23, false, 4, -1});
  r.columns.push_back({"t", 25, false, -1, -1});
  r.row_count = 2;
  r.fields = {std::string("7"), std::string("seven"), std::string("8"), std::nullopt};
  return r;
}

TEST(NativeSqlda, OneBlockPerRowChained) {
  values::store_options opt;
  sqlda_struct *s = nullptr;
  ASSERT_TRUE(store_native_sqlda(opt, two_rows(), false, &s));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(std::memcmp(s->sqldaid, "SQLDA  ", 8), 0);
  EXPECT_EQ(s->sqld, 2);
  EXPECT_EQ(s->sqlvar[0].sqltype, PGESQL_T_INT);
  EXPECT_EQ(*reinterpret_cast<int *>(s->sqlvar[0].sqldata), 7);
  EXPECT_EQ(s->sqlvar[1].sqltype, PGESQL_T_CHAR);
  EXPECT_STREQ(s->sqlvar[1].sqldata, "seven");
  EXPECT_EQ(s->sqlvar[1].sqllen, 6);
  EXPECT_EQ(std::string(s->sqlvar[1].sqlname.data, s->sqlvar[1].sqlname.length), "t");
  // values live inside the block: freeing it with free() releases everything
  char *begin = reinterpret_cast<char *>(s);
  EXPECT_GT(s->sqlvar[1].sqldata, begin);
  sqlda_struct *second = s->desc_next;
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(*second->sqlvar[1].sqlind, -1);
  EXPECT_EQ(second->desc_next, nullptr);
  std::free(second);
  std::free(s);
}

TEST(NativeSqlda, SqlvarsBecomeParameters) {
  sqlda_struct *s = static_cast<sqlda_struct *>(std::calloc(1, sizeof(sqlda_struct) + sizeof(sqlvar_struct)));
  int id = 5;
  char text[] = "x";
  short null_ind = 1;
  s->sqln = 2;
  s->sqlvar[0].sqltype = PGESQL_T_INT;
  s->sqlvar[0].sqldata = reinterpret_cast<char *>(&id);
  s->sqlvar[1].sqltype = PGESQL_T_CHAR;
  s->sqlvar[1].sqldata = text;
  s->sqlvar[1].sqlind = &null_ind;
  std::vector<values::param_value> params;
  ASSERT_TRUE(native_sqlda_params(values::store_options{}, s, params));
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].data, "5");
  EXPECT_TRUE(params[1].is_null);
  std::free(s);
}

}  // namespace
}  // namespace pgesql::descriptors
