// The statement timeout (cancel → 57014) and the read timeout, through the
// statement layer against the real server.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "../exec/exec_fixture.hpp"
#include "test_env.hpp"

namespace pgesql::test {
namespace {

using Clock = std::chrono::steady_clock;

class Timeouts : public ExecTest {
 protected:
  static std::string tcp_target(const std::string &options) {
    return "postgresql://" + env("PGESQL_TEST_SUPERUSER") + ":" + env("PGESQL_TEST_SUPERUSER_PASSWORD") +
           "@127.0.0.1:" + env("PGESQL_TEST_PORT") + "/" + database() + "?sslmode=disable&" + options;
  }
  void TearDown() override {
    unsetenv("PGESQL_STATEMENT_TIMEOUT");
    ExecTest::TearDown();
  }
};

TEST_F(Timeouts, StatementTimeoutCancelsWith57014AndKeepsTheConnection) {
  ASSERT_EQ(connect_to(tcp_target("pgesql_statement_timeout=300").c_str(), nullptr, 1), 0) << sqlca.sqlerrm.sqlerrmc;
  const auto start = Clock::now();
  EXPECT_NE(run("select pg_sleep(20)"), 0);
  const auto took = Clock::now() - start;
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "57014") << sqlca.sqlerrm.sqlerrmc;
  EXPECT_GE(took, std::chrono::milliseconds(300));
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_EQ(run("set search_path = public"), 0) << sqlca.sqlerrm.sqlerrmc;  // fast statements are untouched
}

TEST_F(Timeouts, StatementTimeoutFromTheEnvironmentInsideATransaction) {
  setenv("PGESQL_STATEMENT_TIMEOUT", "300", 1);
  ASSERT_EQ(connect_to(tcp_target("connect_timeout=5").c_str(), nullptr, 0), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_NE(run("select pg_sleep(20)"), 0);
  EXPECT_EQ(sqlstate_now(), "57014") << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(ECPGtransactionStatus(nullptr), ECPG_TRANS_INERROR);
  pgesql_stmt rollback = statement(PGESQL_STMT_TRANSACTION, "rollback");
  EXPECT_EQ(pgesql_exec(&rollback, nullptr, nullptr, 0, nullptr, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(run("set search_path = public"), 0);
}

TEST_F(Timeouts, ReadTimeoutShorterThanAStatementBreaksTheConnection) {
  ASSERT_EQ(connect_to(tcp_target("pgesql_read_timeout=400").c_str(), nullptr, 1), 0) << sqlca.sqlerrm.sqlerrmc;
  const auto start = Clock::now();
  EXPECT_NE(run("select pg_sleep(5)"), 0);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  EXPECT_EQ(sqlstate_now(), "08006") << sqlca.sqlerrm.sqlerrmc;
  EXPECT_NE(run("set search_path = public"), 0);
  EXPECT_EQ(sqlstate_now(), "08003");
}

}  // namespace
}  // namespace pgesql::test
