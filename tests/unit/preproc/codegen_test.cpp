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
  EXPECT_NE(r.code.find("\"SELECT x FROM t WHERE a = $1 AND b = $2::int AND c = ':a'\\000"), std::string::npos) << r.code;
}

TEST(Codegen, IntoListIsRemovedFromTheSql) {
  Outcome r = run(std::string(decl) + "EXEC SQL SELECT x, y INTO :a:ai, :s FROM t;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("\"SELECT x, y FROM t\\000"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_var pgesql_out[2]"), std::string::npos);
  EXPECT_NE(r.code.find("PGESQL_T_SHORT, (void *)&(ai)"), std::string::npos);
}

TEST(Codegen, InsertIntoTableIsNotAnIntoList) {
  Outcome r = run(std::string(decl) + "EXEC SQL INSERT INTO t VALUES (:a);\n");
  EXPECT_NE(r.code.find("\"INSERT INTO t VALUES ($1)\\000"), std::string::npos) << r.code;
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
  EXPECT_NE(r.code.find("\"t.pgc\", 3, 1, PGESQL_FACT_KNOWN | PGESQL_FACT_COMMIT, 0}"), std::string::npos) << r.code;
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
  // 132: PGESQL_F_COMPAT_ORACLE (4) and PGESQL_F_POSITIONS (128)
  EXPECT_NE(r.code.find("{PGESQL_STMT_TRANSACTION, 132, \"COMMIT\\000"), std::string::npos) << r.code;
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

const char *names = "EXEC SQL BEGIN DECLARE SECTION; char q[40]; char sn[10]; int a; EXEC SQL END DECLARE SECTION;\n";

TEST(Codegen, FreeIsDeallocate) {
  Outcome r = run(std::string(names) + "EXEC SQL FREE st;\nEXEC SQL FREE :sn;\nEXEC SQL FREE ALL;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("pgesql_deallocate(&pgesql_st, 0, \"st\");"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_deallocate(&pgesql_st, 0, (const char *)(sn));"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_deallocate(&pgesql_st, 0, 0);"), std::string::npos) << r.code;
}

TEST(Codegen, PrepareAsNamedByHostVariableUsesDollarZero) {
  Outcome r = run(std::string(names) + "EXEC SQL PREPARE :sn(int) AS SELECT $1 + :a;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("\"PREPARE $0(int) AS SELECT $1 + $1\\000"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("(const char *)(sn), 1, pgesql_in"), std::string::npos) << r.code;
}

TEST(Codegen, DeclaredStatementBindsItsConnection) {
  Outcome r = run(std::string(names) +
                  "EXEC SQL AT con1 DECLARE s STATEMENT;\n"
                  "EXEC SQL PREPARE s FROM :q;\n"
                  "EXEC SQL DECLARE c CURSOR FOR s;\n"
                  "EXEC SQL OPEN c;\n"
                  "EXEC SQL EXECUTE s;\n"
                  "EXEC SQL DEALLOCATE s;\n"
                  "EXEC SQL PREPARE other FROM :q;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("pgesql_prepare(&pgesql_st, \"con1\", \"s\""), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_open_prepared(&pgesql_st, \"con1\""), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_exec(&pgesql_st, \"con1\""), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_deallocate(&pgesql_st, \"con1\", \"s\")"), std::string::npos) << r.code;
  EXPECT_NE(r.code.find("pgesql_prepare(&pgesql_st, 0, \"other\""), std::string::npos) << r.code;
}

TEST(Codegen, DeclaredStatementOverridesAtWithAWarning) {
  Outcome r = run(std::string(names) + "EXEC SQL AT con1 DECLARE s STATEMENT;\nEXEC SQL AT con2 EXECUTE s;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.errors.find("warning: connection con2 is overwritten with con1 by DECLARE statement s"),
            std::string::npos) << r.errors;
  EXPECT_NE(r.code.find("pgesql_exec(&pgesql_st, \"con1\""), std::string::npos) << r.code;
}

TEST(Codegen, StatementNameDeclaredTwiceIsAnError) {
  Outcome r = run("EXEC SQL DECLARE s STATEMENT;\nEXEC SQL AT con1 DECLARE s STATEMENT;\n");
  EXPECT_EQ(r.nerrors, 1);
  EXPECT_NE(r.errors.find("name \"s\" is already declared"), std::string::npos) << r.errors;
}

TEST(Codegen, DescriptorIndexMayBeAnUndeclaredVariable) {
  Outcome r = run("EXEC SQL BEGIN DECLARE SECTION; int n; EXEC SQL END DECLARE SECTION;\n"
                  "EXEC SQL GET DESCRIPTOR d VALUE :k :n = TYPE;\n");
  EXPECT_EQ(r.nerrors, 0) << r.errors;
  EXPECT_NE(r.code.find("(int)(k)"), std::string::npos) << r.code;
}

}  // namespace
}  // namespace pgesql::pp
