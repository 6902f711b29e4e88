// Helpers for calling the C ABI by hand, as generated code would: statement
// descriptors and host-variable descriptors built in the test.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ecpgerrno.h"
#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "sqlca.h"

namespace pgesql::test {

inline pgesql_stmt statement(int kind, const char *sql, int line = __builtin_LINE()) {
  return pgesql_stmt{kind, 0, sql, nullptr, "exec_test", line, 1, 0, nullptr};
}

// A host variable of a scalar type, optionally with an int indicator.
template <typename T>
pgesql_var scalar(int type, T *p, int *ind = nullptr) {
  return {type, p, 1, 1, static_cast<long>(sizeof(T)), ind ? PGESQL_T_INT : PGESQL_T_NO_INDICATOR, ind,
          ind ? 1 : 0, ind ? 1 : 0, ind ? static_cast<long>(sizeof(int)) : 0};
}

// A char array host variable.
inline pgesql_var chars(char *p, long size, int *ind = nullptr) {
  return {PGESQL_T_CHAR, p, size, 1, size, ind ? PGESQL_T_INT : PGESQL_T_NO_INDICATOR, ind,
          ind ? 1 : 0, ind ? 1 : 0, ind ? static_cast<long>(sizeof(int)) : 0};
}

inline std::string sqlstate_now() { return std::string(sqlca.sqlstate, 5); }

// Runs a parameterless statement; returns sqlca.sqlcode.
inline long run(const char *sql, const char *at = nullptr) {
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, sql);
  pgesql_exec(&s, at, nullptr, 0, nullptr, 0, nullptr);
  return sqlca.sqlcode;
}

inline long connect_to(const char *target, const char *name = nullptr, int autocommit = 0,
                       const char *user = nullptr, const char *password = nullptr) {
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, nullptr);
  pgesql_connect(&s, target, user, password, name, autocommit);
  return sqlca.sqlcode;
}

inline void disconnect_all() {
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, nullptr);
  pgesql_disconnect(&s, "ALL");
}

// Each test starts without connections and leaves none behind.
class ExecTest : public ::testing::Test {
 protected:
  void SetUp() override { disconnect_all(); }
  void TearDown() override { disconnect_all(); }
  static std::string database() {
    const char *db = std::getenv("PGESQL_TEST_DATABASE");
    return db ? db : "pgesql_test";
  }
};

}  // namespace pgesql::test
