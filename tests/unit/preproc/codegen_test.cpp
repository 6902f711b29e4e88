// Code generation details, on small inputs preprocessed in memory.
#include <gtest/gtest.h>

#include <sstream>

#include "preprocess.hpp"

namespace pgesql::pp {
namespace {

struct Outcome {
  std::string code, errors;
  int nerrors;
};

Outcome run(const std::string &text, Options opt = {}) {
  std::ostringstream err;
  Result r = preprocess_text(opt, "t.pgc", text, err);
  return {r.code, err.str(), r.errors};
}

const char *decl = "EXEC SQL BEGIN DECLARE SECTION; int a; short ai; char s[10]; EXEC SQL END DECLARE SECTION;\n";

TEST(Codegen, HostVariablesBecomeNumberedParameters) {
  Outcome r = run(std::string(decl) + "EXEC SQL SELECT x FROM t WHERE a = :a AND b = :a::int AND c = ':a';\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("\"SELECT x FROM t WHERE a = $1 AND b = $2::int AND c = ':a'\""), std::string::npos) << r.code;
}

TEST(Codegen, IntoListIsRemovedFromTheSql) {
  Outcome r = run(std::string(decl) + "EXEC SQL SELECT x, y INTO :a:ai, :s FROM t;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("\"SELECT x, y FROM t\""), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_var pgesql_out[2]"), std::string::npos);
  EXPECT_NE(r.code.find("PGESQL_T_SHORT, (void *)&(ai)"), std::string::npos);
}

TEST(Codegen, InsertIntoTableIsNotAnIntoList) {
  Outcome r = run(std::string(decl) + "EXEC SQL INSERT INTO t VALUES (:a);\n");
  EXPECT_NE(r.code.find("\"INSERT INTO t VALUES ($1)\""), std::string::npos) << r.code;
}

TEST(Codegen, TrigraphsInSqlAreEscaped) {
  Outcome r = run("EXEC SQL SELECT '?\?=';\n");
  EXPECT_NE(r.code.find("'?\\?='"), std::string::npos) << r.code;
}

TEST(Codegen, WheneverNotFoundOnlyAfterRowStatements) {
  Outcome r = run(std::string(decl) + "EXEC SQL WHENEVER NOT FOUND DO BREAK;\nEXEC SQL DROP TABLE t;\n");
  EXPECT_EQ(r.code.find("ECPG_NOT_FOUND"), std::string::npos) << r.code;
  r = run(std::string(decl) + "EXEC SQL WHENEVER NOT FOUND DO BREAK;\nEXEC SQL SELECT 1 INTO :a;\n");
  EXPECT_NE(r.code.find("if (sqlca.sqlcode == ECPG_NOT_FOUND) break;"), std::string::npos) << r.code;
}

TEST(Codegen, LineDirectivesPointAtTheSource) {
  Outcome r = run("int x;\n\nEXEC SQL COMMIT;\nint y;\n");
  EXPECT_NE(r.code.find("#line 1 \"t.pgc\"\nint x;\n\n"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("\"t.pgc\", 3, 1}"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("#line 3 \"t.pgc\"\n\nint y;"), std::string::npos) << r.code;
}

TEST(Codegen, HostTextPassesThroughUnchanged) {
  std::string host = "#include <stdio.h>\nint main(void) { /* EXEC SQL x; */ return '\\''; } // EXEC SQL y;\n";
  Outcome r = run(host);
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find(host), std::string::npos) << r.code;
}

TEST(Codegen, ErrorsAreCollectedNotFatal) {
  Outcome r = run("EXEC SQL SELECT :nope1;\nEXEC SQL SELECT :nope2;\n");
  EXPECT_EQ(r.nerrors, 2) << r.errors;
}

TEST(Codegen, StatementFlagsCarryCompatibilityMode) {
  Options o;
  o.compat = Compat::Oracle;
  Outcome r = run("EXEC SQL COMMIT;\n", o);
  EXPECT_NE(r.code.find("{PGESQL_STMT_TRANSACTION, 4, \"COMMIT\""), std::string::npos) << r.code;
}

TEST(Codegen, SurvivesGarbage) {
  // Must not crash or hang: every odd input gets diagnostics, never a crash.
  for (const char *t : {"EXEC SQL", "EXEC SQL ;", "EXEC SQL BEGIN DECLARE SECTION; struct {", "EXEC SQL '",
                        "EXEC SQL /* ", "EXEC SQL SELECT $$", "EXEC SQL INCLUDE ;", "EXEC SQL TYPE x IS ;",
                        "EXEC SQL GET DESCRIPTOR d VALUE 1 :x = bogus;", "EXEC SQL FETCH;", "R\"x(", "\"abc",
                        "EXEC SQL DECLARE c CURSOR FOR;", "EXEC SQL OPEN nope;", "EXEC SQL VAR x IS int;"}) {
    Outcome r = run(t);
    EXPECT_GT(r.nerrors, 0) << t;
  }
}

}  // namespace
}  // namespace pgesql::pp
