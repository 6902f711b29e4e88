// The runtime's table of built-in type OIDs (runtime/values/type_oids.hpp) against the
// running server's pg_type: every OID names the type the table says, with the shape the
// runtime reads its text in.
#include <gtest/gtest.h>

#include <string>

#include "server_session.hpp"
#include "values/type_oids.hpp"

namespace oid_of = pgesql::values::type_oid;

namespace {

TEST(TypeOids, EveryRowIsTheServersType) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  for (const oid_of::entry &e : oid_of::all) {
    SCOPED_TRACE(e.typname);
    const auto rows = server.rows("SELECT typname, typcategory, typelem <> 0 FROM pg_type WHERE oid = " +
                                  std::to_string(e.oid));
    ASSERT_EQ(rows.size(), 1u) << "no type with OID " << e.oid;
    EXPECT_EQ(rows[0][0], e.typname);
    const bool array_category = rows[0][1] == "A", has_element = rows[0][2] == "t";
    switch (e.form) {
      case oid_of::shape::array:
        EXPECT_TRUE(array_category && has_element && e.typname[0] == '_');
        break;
      case oid_of::shape::vector:  // int2vector, oidvector, and the geometric types: elements, no braces
        EXPECT_TRUE(has_element && e.typname[0] != '_');
        break;
      case oid_of::shape::scalar:
        EXPECT_FALSE(array_category);
        break;
    }
    EXPECT_EQ(oid_of::shape_of(e.oid), e.form);
  }
}

TEST(TypeOids, OidsAreListedOnce) {
  for (const oid_of::entry &a : oid_of::all) {
    int seen = 0;
    for (const oid_of::entry &b : oid_of::all) seen += a.oid == b.oid;
    EXPECT_EQ(seen, 1) << a.typname;
  }
  EXPECT_FALSE(oid_of::shape_of(0).has_value());
}

}  // namespace
