#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "descriptors/sqlda_compat.hpp"
#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "pgtypes_numeric.h"
#include "sqlda-compat.h"

namespace pgesql::descriptors {
namespace {

values::query_result three_columns() {
  values::query_result r;
  r.outcome = values::query_result::status::rows;
  r.columns.push_back({"id", 23, false, 4, -1});
  r.columns.push_back({"amount", 1700, false, -1, -1});
  r.columns.push_back({"label", 25, false, -1, -1});
  r.row_count = 2;
  r.fields = {std::string("7"), std::string("1.5"), std::string("seven"),
              std::string("8"), std::nullopt, std::nullopt};
  return r;
}

values::store_options informix() {
  values::store_options opt;
  opt.informix = true;
  return opt;
}

TEST(CompatSqlda, OneBlockPerRowWithNamesAndSqlvarInside) {
  sqlda_compat *s = nullptr;
  ASSERT_TRUE(store_compat_sqlda(informix(), three_columns(), false, &s));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->sqld, 3);
  char *begin = reinterpret_cast<char *>(s);
  // sqlvar, names and values all live in the one block free() releases
  EXPECT_EQ(reinterpret_cast<char *>(s->sqlvar), begin + sizeof(sqlda_compat));
  EXPECT_GT(s->desc_occ, static_cast<short>(sizeof(sqlda_compat) + 3 * sizeof(sqlvar_compat)));
  EXPECT_STREQ(s->sqlvar[0].sqlname, "id");
  EXPECT_STREQ(s->sqlvar[1].sqlname, "amount");
  EXPECT_EQ(s->sqlvar[0].sqltype, PGESQL_T_INT);
  EXPECT_EQ(s->sqlvar[0].sqlxid, 23);
  EXPECT_EQ(s->sqlvar[0].sqltypelen, 4);
  EXPECT_EQ(*reinterpret_cast<int *>(s->sqlvar[0].sqldata), 7);
  EXPECT_EQ(s->sqlvar[1].sqltype, PGESQL_T_DECIMAL);  // numeric is decimal in Informix mode
  EXPECT_EQ(s->sqlvar[1].sqllen, static_cast<int>(sizeof(decimal)));
  EXPECT_EQ(s->sqlvar[2].sqltype, PGESQL_T_CHAR);
  EXPECT_STREQ(s->sqlvar[2].sqldata, "seven");
  EXPECT_EQ(s->sqlvar[2].sqllen, 6);
  EXPECT_EQ(*s->sqlvar[2].sqlind, 0);
  EXPECT_EQ(s->sqlvar[2].sqlitype, PGESQL_T_SHORT);
  EXPECT_EQ(s->sqlvar[2].sqlilen, static_cast<short>(sizeof(short)));
  sqlda_compat *second = s->desc_next;
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(*reinterpret_cast<int *>(second->sqlvar[0].sqldata), 8);
  EXPECT_EQ(*second->sqlvar[1].sqlind, -1);
  EXPECT_EQ(*second->sqlvar[2].sqlind, -1);
  // Informix marks NULL values in the data itself as well (risnull)
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_decimal, second->sqlvar[1].sqldata));
  EXPECT_TRUE(ECPGis_noind_null(ECPGt_char, second->sqlvar[2].sqldata));
  EXPECT_EQ(second->desc_next, nullptr);
  std::free(second);
  std::free(s);
}

TEST(CompatSqlda, DescribeGivesMetadataOnlyAndReplacesTheChain) {
  sqlda_compat *s = nullptr;
  ASSERT_TRUE(store_compat_sqlda(informix(), three_columns(), false, &s));
  ASSERT_TRUE(store_compat_sqlda(informix(), three_columns(), true, &s));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->sqld, 3);
  EXPECT_STREQ(s->sqlvar[2].sqlname, "label");
  EXPECT_EQ(s->sqlvar[2].sqldata, nullptr);
  EXPECT_EQ(s->desc_next, nullptr);
  std::free(s);
}

TEST(CompatSqlda, SqlvarsUpToSqldBecomeParameters) {
  sqlda_compat in{};
  sqlvar_compat vars[2]{};
  int id = 5;
  char text[] = "x";
  short null_ind = 1;
  in.sqld = 2;
  in.sqlvar = vars;
  vars[0].sqltype = PGESQL_T_INT;
  vars[0].sqldata = reinterpret_cast<char *>(&id);
  vars[1].sqltype = PGESQL_T_CHAR;
  vars[1].sqldata = text;
  vars[1].sqlind = &null_ind;
  std::vector<values::param_value> params;
  ASSERT_TRUE(compat_sqlda_params(informix(), &in, params));
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].data, "5");
  EXPECT_TRUE(params[1].is_null);
}

}  // namespace
}  // namespace pgesql::descriptors
