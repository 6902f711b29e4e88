// The preprocessor's semantic facts about statements: which cursor queries may
// read ahead (judged on PostgreSQL's own parse tree) and which cursors the
// source positions on.
#include <gtest/gtest.h>

#include <string>

#include "sema/json_tree.hpp"
#include "sema/positioned_cursors.hpp"
#include "sema/readahead_safety.hpp"

namespace {

using namespace pgesql::pp::sema;

TEST(JsonTree, ReadsWhatLibpgQueryPrints) {
  const auto v = parse_json(R"({"a":[1,-2.5e3,"x\"\u00e9\ud83d\ude00"],"b":{"c":true,"d":null},"e":false})");
  ASSERT_TRUE(v);
  const json_value *a = v->find("a");
  ASSERT_TRUE(a && a->is_array());
  ASSERT_EQ(a->items.size(), 3u);
  EXPECT_EQ(a->items[1].text, "-2.5e3");
  EXPECT_EQ(a->items[2].text, "x\"\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_TRUE(v->find("b")->find("c")->flag);
  EXPECT_EQ(v->find("b")->find("d")->type, json_value::kind::null);
  EXPECT_EQ(v->find("missing"), nullptr);
}

TEST(JsonTree, RejectsWhatIsNotJson) {
  for (const char *bad : {"", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "{\"a\":1} x", "tru", "\"\\x\""})
    EXPECT_FALSE(parse_json(bad)) << bad;
  std::string deep(5000, '[');
  EXPECT_FALSE(parse_json(deep + std::string(5000, ']')));  // bounded, not a stack overflow
}

TEST(ReadaheadSafety, PlainScansAreSafeAndListTheirRelations) {
  auto v = judge_readahead("SELECT id, d, s FROM bench_rows");
  EXPECT_TRUE(v.safe) << v.reason;
  EXPECT_EQ(v.relations, std::vector<std::string>{"\"bench_rows\""});
  v = judge_readahead(
      "select a.id, b.x from Shop.Items a join \"Other\" b on a.id = b.id where a.id > $1 and b.x is not null "
      "and a.k in (1, 2) and a.d between $2 and '2024-01-01'::date order by a.id desc limit 10 offset $3");
  EXPECT_TRUE(v.safe) << v.reason;
  EXPECT_EQ(v.relations, (std::vector<std::string>{"\"shop\".\"items\"", "\"Other\""}));
  v = judge_readahead("select count(*), min(x), max(x) from t group by k having count(*) > 1");
  EXPECT_TRUE(v.safe) << v.reason;
  v = judge_readahead("select distinct k from t where exists (select 1 from u where u.k = t.k)");
  EXPECT_TRUE(v.safe) << v.reason;
  EXPECT_EQ(v.relations, (std::vector<std::string>{"\"t\"", "\"u\""}));
  EXPECT_TRUE(judge_readahead("select 1").safe);
}

TEST(ReadaheadSafety, AnythingObservableIsNot) {
  const char *unsafe[] = {
      "select id, nextval('s') from t",                        // volatile function
      "select id, my_func(id) from t",                         // function of unknown volatility
      "select id, 100 / (5 - id) from t",                      // can fail on a later row
      "select id, code::int from t",                           // cast of a column can fail
      "select id, cast(code as int) from t",
      "select id, big * 1000 from t",                          // overflow
      "select * from t where name like $1",                    // LIKE can reject its pattern
      "select * from t for update",                            // locks rows as they are read
      "select * from t for share of t",
      "with x as (select * from t) select * from x",           // CTEs (data-modifying ones too)
      "select * from generate_series(1, 10) g",                // set-returning function in FROM
      "select sum(x) from t",                                  // may overflow
      "select row_number() over () from t",                    // window
      "select * from t union select * from u",                 // kept simple: not judged
      "select * from otherdb.public.t",                        // another database
      "select * from t where x = any($1)",
      "select * from t where x operator(pg_catalog.=) 1",
      "update t set x = 1",                                    // not a query
      "select * from t; select 1",                             // two statements
      "selec * from t",                                        // does not parse
  };
  for (const char *q : unsafe) {
    const readahead_verdict v = judge_readahead(q);
    EXPECT_FALSE(v.safe) << q;
    EXPECT_FALSE(v.reason.empty()) << q;
    EXPECT_TRUE(v.relations.empty()) << q;
  }
}

TEST(PositionedCursors, FoundAnywhereInTheSource) {
  const positioned_cursors p = find_positioned_cursors(
      "EXEC SQL DELETE FROM t WHERE CURRENT OF Pos;\n"
      "EXEC SQL UPDATE t SET a = 1 where current\n  of \"Quoted\";\n"
      "int currentof; /* recurrent of nothing */ char *s = \"current_of x\";");
  EXPECT_EQ(p.names, (std::set<std::string>{"pos", "\"Quoted\""}));
  EXPECT_FALSE(p.through_host_variable);
  EXPECT_TRUE(p.includes("pos"));
  EXPECT_FALSE(p.includes("other"));
  const positioned_cursors h = find_positioned_cursors("DELETE FROM t WHERE CURRENT OF :cursor_name");
  EXPECT_TRUE(h.through_host_variable);
  EXPECT_TRUE(h.includes("anything"));
  EXPECT_FALSE(find_positioned_cursors("select current_date").any());
}

}  // namespace
