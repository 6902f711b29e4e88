// The schema check's pure parts: which columns a host variable can hold and which
// parameters it can supply, the expressions known never to be NULL, the judgement of
// one statement from a server answer, and the cache's round trip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "check/check_cache.hpp"
#include "check/host_compat.hpp"
#include "check/schema_check.hpp"
#include "diagnostics.hpp"
#include "sema/never_null.hpp"

namespace {

using namespace pgesql::pp;
using namespace pgesql::pp::check;

host_slot host(const std::string &type, long char_len = 0, bool indicator = false) {
  return host_slot{"v", Pos{}, type, char_len, indicator};
}
column_fact column(const std::string &base, const std::string &type, int length = 0) {
  return column_fact{"c", type, base, length, "no"};
}

TEST(HostCompat, TextHostVariablesHoldEverything) {
  for (const char *base : {"int4", "numeric", "timestamptz", "bytea", "jsonb", "uuid", "text"})
    EXPECT_EQ(judge_output(column(base, base), host("PGESQL_T_CHAR", 100)).severity, verdict::ok) << base;
  EXPECT_EQ(judge_output(column("text", "text"), host("cxx:std::string")).severity, verdict::ok);
}

TEST(HostCompat, ShortCharArraysWarnAgainstLongerVarchars) {
  EXPECT_EQ(judge_output(column("varchar", "character varying(20)", 20), host("PGESQL_T_CHAR", 8)).severity,
            verdict::warning);
  EXPECT_EQ(judge_output(column("varchar", "character varying(20)", 20), host("PGESQL_T_CHAR", 21)).severity,
            verdict::ok);
  EXPECT_EQ(judge_output(column("bpchar", "character(4)", 4), host("PGESQL_T_VARCHAR", 5)).severity, verdict::ok);  // VARCHAR v[4]
}

TEST(HostCompat, IntegersRejectFractionsTimesAndText) {
  EXPECT_EQ(judge_output(column("int4", "integer"), host("PGESQL_T_INT")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("int8", "bigint"), host("PGESQL_T_LONG")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("int8", "bigint"), host("PGESQL_T_INT")).severity, verdict::warning);
  for (const char *base : {"numeric", "float8", "timestamptz", "text", "bool"})
    EXPECT_EQ(judge_output(column(base, base), host("PGESQL_T_INT")).severity, verdict::error) << base;
  EXPECT_EQ(judge_output(column("text", "text"), host("cxx:std::optional<int>")).severity, verdict::error);
}

TEST(HostCompat, FloatsWarnWhereDigitsAreLost) {
  EXPECT_EQ(judge_output(column("numeric", "numeric"), host("PGESQL_T_DOUBLE")).severity, verdict::warning);
  EXPECT_EQ(judge_output(column("float8", "double precision"), host("PGESQL_T_DOUBLE")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("float8", "double precision"), host("PGESQL_T_FLOAT")).severity, verdict::warning);
  EXPECT_EQ(judge_output(column("numeric", "numeric"), host("PGESQL_T_NUMERIC")).severity, verdict::ok);
}

TEST(HostCompat, DatesAndTimestamps) {
  EXPECT_EQ(judge_output(column("date", "date"), host("PGESQL_T_DATE")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("timestamp", "timestamp"), host("PGESQL_T_DATE")).severity, verdict::warning);
  EXPECT_EQ(judge_output(column("timestamptz", "timestamptz"), host("PGESQL_T_TIMESTAMP")).severity,
            verdict::warning);
  EXPECT_EQ(judge_output(column("interval", "interval"), host("PGESQL_T_TIMESTAMP")).severity, verdict::error);
}

TEST(HostCompat, ContainersAreJudgedByTheirElements) {
  EXPECT_EQ(judge_output(column("text", "text"), host("cxx:std::vector<int>")).severity, verdict::error);
  EXPECT_EQ(judge_output(column("int4", "integer"), host("cxx:std::vector<std::optional<int>>")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("int4", "integer"), host("cxx:std::array<long, 4>")).severity, verdict::ok);
  EXPECT_EQ(judge_output(column("bytea", "bytea"), host("cxx:std::vector<std::byte>")).severity, verdict::ok);
  EXPECT_FALSE(may_spread(host("cxx:std::vector<int>")));
  EXPECT_TRUE(may_spread(host("cxx:std::vector<shop::item>")));  // a struct the check cannot see into
  EXPECT_FALSE(may_spread(host("PGESQL_T_INT")));
}

TEST(HostCompat, ParametersTheHostVariableCannotSupply) {
  EXPECT_EQ(judge_input("timestamptz", host("PGESQL_T_CHAR", 20)).severity, verdict::ok);
  EXPECT_EQ(judge_input("int4", host("PGESQL_T_INT")).severity, verdict::ok);
  EXPECT_EQ(judge_input("numeric", host("PGESQL_T_INT")).severity, verdict::ok);
  EXPECT_EQ(judge_input("int4", host("PGESQL_T_DOUBLE")).severity, verdict::error);
  EXPECT_EQ(judge_input("timestamptz", host("PGESQL_T_DOUBLE")).severity, verdict::error);
  EXPECT_EQ(judge_input("bytea", host("PGESQL_T_INT")).severity, verdict::error);
  EXPECT_EQ(judge_input("int4", host("")).severity, verdict::ok);  // unknown host type: not judged
}

TEST(NeverNull, CountExistsConstantsAndCoalesce) {
  EXPECT_EQ(sema::never_null_targets(
                "SELECT count(*), max(x), 1, NULL, coalesce(max(x), 0), exists (select 1), 'a'::text FROM t"),
            (std::vector<bool>{true, false, true, false, true, true, true}));
  EXPECT_TRUE(sema::never_null_targets("SELECT * FROM t").empty());  // targets do not line up with columns
  EXPECT_TRUE(sema::never_null_targets("SELECT count(*) FROM t UNION SELECT NULL").empty());
  EXPECT_TRUE(sema::never_null_targets("DELETE FROM t").empty());
}

TEST(OuterJoin, FoundOutsideLiterals) {
  EXPECT_TRUE(has_outer_join("select a from t left join u on true"));
  EXPECT_TRUE(has_outer_join("select a from t FULL OUTER JOIN u on true"));
  EXPECT_FALSE(has_outer_join("select 'left join' from t join u on true"));
  EXPECT_FALSE(has_outer_join("select \"left\" from t"));
}

// One statement judged against an answer, as both the live check and the cache replay do.
class JudgeStatement : public ::testing::Test {
 protected:
  std::string judge(const checked_statement &s, const server_answer &a) {
    std::ostringstream out;
    Diagnostics diag(out);
    diag.add_file("t.pgc", &source_);
    judge_statement(opt_, s, a, diag);
    errors_ = diag.errors();
    return out.str();
  }
  checked_statement select_into(std::vector<host_slot> outputs) {
    checked_statement s;
    s.at = Pos{0, 1, 1, 0, -1};
    s.sql = "select a, b from t";
    s.outputs = std::move(outputs);
    s.into_checked = true;
    s.what = "the statement";
    return s;
  }
  std::string source_ = "EXEC SQL SELECT a, b INTO :x, :y FROM t;\n";
  Options opt_;
  int errors_ = 0;
};

TEST_F(JudgeStatement, ArityIsAnError) {
  server_answer a;
  a.columns = {column("int4", "integer"), column("int4", "integer")};
  const std::string out = judge(select_into({host("PGESQL_T_INT")}), a);
  EXPECT_NE(out.find("error: the statement returns 2 columns but INTO names 1 host variable"), std::string::npos) << out;
  EXPECT_EQ(errors_, 1);
}

TEST_F(JudgeStatement, NullableWithoutIndicatorWarnsUnlessNullsNeedNone) {
  server_answer a;
  a.columns = {column("int4", "integer"), column("int4", "integer")};
  a.columns[1].nullable = "yes";
  std::string out = judge(select_into({host("PGESQL_T_INT"), host("PGESQL_T_INT")}), a);
  EXPECT_NE(out.find("warning: column \"c\" may be NULL"), std::string::npos) << out;
  EXPECT_EQ(errors_, 0);
  EXPECT_EQ(judge(select_into({host("PGESQL_T_INT"), host("PGESQL_T_INT", 0, true)}), a), "");
  opt_.check_strict = true;  // warnings become errors
  out = judge(select_into({host("PGESQL_T_INT"), host("PGESQL_T_INT")}), a);
  EXPECT_NE(out.find("error: column \"c\" may be NULL"), std::string::npos) << out;
  EXPECT_EQ(errors_, 1);
  opt_.check_strict = false;
  opt_.rule_no_indicator = true;  // -r no_indicator stores NULLs without an indicator
  EXPECT_EQ(judge(select_into({host("PGESQL_T_INT"), host("PGESQL_T_INT")}), a), "");
}

TEST_F(JudgeStatement, ServerErrorsAtTheirPositionOnlyWhereReported) {
  checked_statement s = select_into({host("PGESQL_T_INT")});
  s.origins = {sema::sql_origin{0, 6, Pos{0, 1, 10, 9, -1}}, sema::sql_origin{7, 1, Pos{0, 1, 17, 16, -1}}};
  server_answer a;
  a.sqlstate = "42703";
  a.message = "column \"a\" does not exist";
  a.position = 8;  // the 'a' after "select "
  EXPECT_NE(judge(s, a).find("t.pgc:1:17: error: column \"a\" does not exist (SQLSTATE 42703)"), std::string::npos);
  s.report_server_errors = false;  // a FETCH: its cursor's DECLARE reports the query's errors
  EXPECT_EQ(judge(s, a), "");
}

TEST(CheckCache, RoundTripsWhatTheServerSaid) {
  const std::string dir = testing::TempDir() + "/pgesql_check_cache_test";
  std::filesystem::remove_all(dir);
  checked_statement s;
  s.sql = "select a,\tb from t where c = $1";
  s.inputs = {host("PGESQL_T_INT")};
  server_answer a;
  a.params = {"int4"};
  a.columns = {column("varchar", "character varying(20)", 20), column("int4", "integer")};
  a.columns[1].name = "tab\there";
  a.columns[1].nullable = "expression";
  std::string error;
  ASSERT_TRUE(write_cache_entry(dir, s, a, server_identity{"15.0", "abc"}, error)) << error;
  const std::optional<server_answer> back = read_cache_entry(dir, s);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->params, a.params);
  ASSERT_EQ(back->columns.size(), 2u);
  EXPECT_EQ(back->columns[0].type, "character varying(20)");
  EXPECT_EQ(back->columns[0].length, 20);
  EXPECT_EQ(back->columns[1].name, "tab\there");
  EXPECT_EQ(back->columns[1].nullable, "expression");
  checked_statement other = s;
  other.inputs = {host("PGESQL_T_DOUBLE")};  // other host types: another entry
  EXPECT_NE(cache_key(other), cache_key(s));
  EXPECT_FALSE(read_cache_entry(dir, other));
  std::filesystem::remove_all(dir);
}

}  // namespace
