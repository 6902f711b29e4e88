#include <gtest/gtest.h>

#include <thread>

#include "descriptors/descriptor_store.hpp"
#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "pgesql/pgesql.h"
#include "sql3types.h"

namespace pgesql::descriptors {
namespace {

const pgesql_stmt stmt = {PGESQL_STMT_NORMAL, 0, nullptr, nullptr, "t.pgc", 7, 1, 0, nullptr};

pgesql_var int_var(int *p) {
  return {PGESQL_T_INT, p, 1, 1, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
}

TEST(DescriptorStore, SetValuesBecomeParametersUpToTheHighestValue) {
  ASSERT_EQ(pgesql_allocate_descriptor(&stmt, "d"), 0);
  int a = 42, ind = -1;
  pgesql_desc_item first = {PGESQL_D_DATA, int_var(&a)};
  ASSERT_EQ(pgesql_set_descriptor(&stmt, "d", 1, 1, &first), 0);
  pgesql_desc_item third[2] = {{PGESQL_D_DATA, int_var(&a)}, {PGESQL_D_INDICATOR, int_var(&ind)}};
  ASSERT_EQ(pgesql_set_descriptor(&stmt, "d", 3, 2, third), 0);
  auto params = descriptor_params(*find_descriptor("d"));
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(params[0].data, "42");
  EXPECT_FALSE(params[0].is_null);
  EXPECT_TRUE(params[1].is_null);  // never set
  EXPECT_TRUE(params[2].is_null);  // negative indicator
  EXPECT_EQ(pgesql_deallocate_descriptor(&stmt, "d"), 0);
}

TEST(DescriptorStore, UnknownDescriptorIsError240) {
  int n = 0;
  pgesql_var v = int_var(&n);
  EXPECT_NE(pgesql_get_descriptor_count(&stmt, "missing", &v), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_UNKNOWN_DESCRIPTOR);
  EXPECT_NE(pgesql_deallocate_descriptor(&stmt, "missing"), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_UNKNOWN_DESCRIPTOR);
}

TEST(DescriptorStore, GetItemsFromAStoredResult) {
  ASSERT_EQ(pgesql_allocate_descriptor(&stmt, "r"), 0);
  values::query_result r;
  r.outcome = values::query_result::status::rows;
  r.columns.push_back({"id", 23, false, 4, -1});
  r.columns.push_back({"label", 1043, false, -1, 24});
  r.row_count = 2;
  r.fields = {std::string("1"), std::string("one"), std::string("2"), std::nullopt};
  find_descriptor("r")->result = r;

  int count = 0;
  pgesql_var cv = int_var(&count);
  ASSERT_EQ(pgesql_get_descriptor_count(&stmt, "r", &cv), 0);
  EXPECT_EQ(count, 2);

  int type = 0, length = 0, card = 0;
  int inds[2] = {5, 5};
  char name[16] = "";
  pgesql_desc_item items[5] = {
      {PGESQL_D_TYPE, int_var(&type)},
      {PGESQL_D_LENGTH, int_var(&length)},
      {PGESQL_D_CARDINALITY, int_var(&card)},
      {PGESQL_D_NAME, {PGESQL_T_CHAR, name, sizeof name, 1, sizeof name, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}},
      {PGESQL_D_INDICATOR, {PGESQL_T_INT, inds, 1, 2, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}}};
  ASSERT_EQ(pgesql_get_descriptor(&stmt, "r", 2, 5, items), 0);
  EXPECT_EQ(type, SQL3_CHARACTER_VARYING);
  EXPECT_EQ(length, 20);
  EXPECT_EQ(card, 2);
  EXPECT_STREQ(name, "label");
  EXPECT_EQ(inds[0], 0);
  EXPECT_EQ(inds[1], -1);

  EXPECT_NE(pgesql_get_descriptor(&stmt, "r", 3, 1, items), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_INVALID_DESCRIPTOR_INDEX);
  pgesql_desc_item name_into_int = {PGESQL_D_NAME, int_var(&type)};
  EXPECT_NE(pgesql_get_descriptor(&stmt, "r", 1, 1, &name_into_int), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_VAR_NOT_CHAR);
  pgesql_desc_item type_into_char = items[3];
  type_into_char.item = PGESQL_D_TYPE;
  EXPECT_NE(pgesql_get_descriptor(&stmt, "r", 1, 1, &type_into_char), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_VAR_NOT_NUMERIC);
  pgesql_desc_item unknown = {PGESQL_D_KEY_MEMBER + 100, int_var(&type)};
  EXPECT_NE(pgesql_get_descriptor(&stmt, "r", 1, 1, &unknown), 0);
  EXPECT_EQ(diag::thread_sqlca().sqlcode, ECPG_UNKNOWN_DESCRIPTOR_ITEM);
  EXPECT_EQ(pgesql_deallocate_descriptor(&stmt, "r"), 0);
}

TEST(DescriptorStore, DescriptorsBelongToTheirThread) {
  ASSERT_EQ(pgesql_allocate_descriptor(&stmt, "mine"), 0);
  bool seen = true;
  std::thread([&] { seen = find_descriptor("mine") != nullptr; }).join();
  EXPECT_FALSE(seen);
  EXPECT_EQ(pgesql_deallocate_descriptor(&stmt, "mine"), 0);
}

}  // namespace
}  // namespace pgesql::descriptors
