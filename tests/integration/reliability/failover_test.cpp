// Failover end to end, through the C ABI: a primary and a synchronous streaming
// standby of its own (scripts/pgcluster start + standby); a multi-host target
// with target_session_attrs=read-write finds the primary; the primary dies
// under a stream of acknowledged inserts, the standby is promoted, a reconnect
// with the same target reaches it, and every acknowledged row is there.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "../exec/exec_fixture.hpp"
#include "shell_output.hpp"

namespace pgesql::test {
namespace {

std::string pgcluster(const std::string &args) {
  return shell_output(std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster " + args + " 2>&1 | tail -1");
}

std::string port_of(const std::string &dir) {
  return shell_output("sed -n \"s/^export PGPORT='\\(.*\\)'$/\\1/p\" " + dir + "/env");
}

class Failover : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string base = "/tmp/pgesql-failover." + std::to_string(::getpid());
    primary_ = pgcluster("start " + base + "-p");
    if (primary_ != base + "-p") {
      std::fprintf(stderr, "pgcluster start: %s\n", primary_.c_str());
      primary_.clear();
      return;
    }
    standby_ = pgcluster("standby " + primary_ + " " + base + "-s");
    if (standby_ != base + "-s") {
      std::fprintf(stderr, "pgcluster standby: %s\n", standby_.c_str());
      standby_.clear();
    }
  }
  static void TearDownTestSuite() {
    disconnect_all();
    if (!standby_.empty()) pgcluster("stop " + standby_);
    if (!primary_.empty()) pgcluster("stop " + primary_);
  }
  void SetUp() override {
    if (primary_.empty() || standby_.empty()) GTEST_FAIL() << "could not start a primary and a standby";
  }

  static std::string target(const std::string &first_port, const std::string &second_port) {
    return "postgresql://postgres:postgres-secret@127.0.0.1:" + first_port + ",127.0.0.1:" + second_port +
           "/pgesql_test?target_session_attrs=read-write&sslmode=disable&connect_timeout=5&pgesql_read_timeout=10000";
  }
  static int server_port(const char *connection) {
    int port = 0;
    pgesql_var out = scalar(PGESQL_T_INT, &port);
    pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select inet_server_port()");
    pgesql_exec(&s, connection, nullptr, 0, nullptr, 1, &out);
    return port;
  }
  static int count_rows(const char *connection) {
    int n = -1;
    pgesql_var out = scalar(PGESQL_T_INT, &n);
    pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select count(*) from failover_rows");
    pgesql_exec(&s, connection, nullptr, 0, nullptr, 1, &out);
    return n;
  }

  static inline std::string primary_, standby_;
};

TEST_F(Failover, AcknowledgedWritesSurvivePromotionAndReconnectFindsTheNewPrimary) {
  const std::string p = port_of(primary_), s = port_of(standby_);
  // The standby is listed first: read-write skips it.
  ASSERT_EQ(connect_to(target(s, p).c_str(), "app", 1), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(server_port("app"), std::stoi(p));
  ASSERT_EQ(run("create table failover_rows (n int primary key)", "app"), 0) << sqlca.sqlerrm.sqlerrmc;

  // Insert until the primary is gone; it is stopped (immediate, like a crash) from another thread.
  std::atomic<int> acknowledged{0};
  std::thread killer([&] {
    while (acknowledged < 100) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    pgcluster("halt " + primary_);
  });
  int n = 0;
  std::string failure;
  const auto start = std::chrono::steady_clock::now();
  for (n = 1; std::chrono::steady_clock::now() - start < std::chrono::seconds(60); ++n) {
    pgesql_var in = scalar(PGESQL_T_INT, &n);
    pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into failover_rows values ($1)");
    if (pgesql_exec(&ins, "app", nullptr, 1, &in, 0, nullptr) != 0) {
      failure = sqlstate_now();
      break;
    }
    ++acknowledged;
  }
  killer.join();
  const int acked = acknowledged;
  // The server's own shutdown message (57P01/57P02 ... FATAL) or a lost connection (08006).
  EXPECT_TRUE(failure.starts_with("08") || failure.starts_with("57")) << failure << " " << sqlca.sqlerrm.sqlerrmc;
  EXPECT_NE(run("set search_path = public", "app"), 0);  // the old connection stays broken

  ASSERT_EQ(pgcluster("promote " + standby_), "");
  pgesql_stmt bye = statement(PGESQL_STMT_NORMAL, nullptr);
  pgesql_disconnect(&bye, "app");
  // Same target, primary first: the dead host is skipped, the promoted one is read-write.
  ASSERT_EQ(connect_to(target(p, s).c_str(), "app", 1), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(server_port("app"), std::stoi(s));
  const int rows = count_rows("app");
  std::printf("failover: %d inserts acknowledged before the primary stopped (the next got %s); %d rows on the new "
              "primary\n", acked, failure.c_str(), rows);
  EXPECT_GE(rows, acked);       // nothing acknowledged is lost
  EXPECT_LE(rows, acked + 1);   // at most the insert whose reply was lost
  int next = 1000000;
  pgesql_var in = scalar(PGESQL_T_INT, &next);
  pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into failover_rows values ($1)");
  EXPECT_EQ(pgesql_exec(&ins, "app", nullptr, 1, &in, 0, nullptr), 0) << sqlca.sqlerrm.sqlerrmc;
}

// Every target_session_attrs value on a real primary/standby pair, each host order, and
// with load_balance_hosts=random: the server chosen, or ECPG's -402/08001 with libpq's reason.
TEST_F(Failover, TargetSessionAttrsChooseBetweenPrimaryAndStandby) {
  const std::string p = port_of(primary_), s = port_of(standby_);
  const auto reached = [](const std::string &hosts, const std::string &attrs) {
    const std::string url = "postgresql://postgres:postgres-secret@" + hosts +
                            "/pgesql_test?sslmode=disable&connect_timeout=5&target_session_attrs=" + attrs;
    if (connect_to(url.c_str(), "tsa", 1) != 0) return "refused: " + sqlstate_now() + " " + pgesql_error_field(PGESQL_ERROR_DETAIL);
    const std::string port = std::to_string(server_port("tsa"));
    pgesql_stmt bye = statement(PGESQL_STMT_NORMAL, nullptr);
    pgesql_disconnect(&bye, "tsa");
    return port;
  };
  const std::string standby_first = "127.0.0.1:" + s + ",127.0.0.1:" + p;
  const std::string primary_first = "127.0.0.1:" + p + ",127.0.0.1:" + s;
  for (const std::string &hosts : {standby_first, primary_first}) {
    SCOPED_TRACE(hosts);
    EXPECT_EQ(reached(hosts, "any"), hosts == standby_first ? s : p);
    EXPECT_EQ(reached(hosts, "read-write"), p);
    EXPECT_EQ(reached(hosts, "primary"), p);
    EXPECT_EQ(reached(hosts, "read-only"), s);
    EXPECT_EQ(reached(hosts, "standby"), s);
    EXPECT_EQ(reached(hosts, "prefer-standby"), s);
  }
  // Only one kind of server listed: prefer-standby settles for the primary, the others refuse.
  const std::string only_primary = "127.0.0.1:" + p, only_standby = "127.0.0.1:" + s;
  EXPECT_EQ(reached(only_primary, "prefer-standby"), p);
  EXPECT_EQ(reached(only_primary, "any"), p);
  EXPECT_EQ(reached(only_standby, "any"), s);
  const auto refused_because = [&](const std::string &hosts, const std::string &attrs, const std::string &reason) {
    const std::string got = reached(hosts, attrs);
    EXPECT_TRUE(got.starts_with("refused: 08001")) << attrs << ": " << got;
    EXPECT_NE(got.find(reason), std::string::npos) << attrs << ": " << got;
  };
  refused_because(only_standby, "read-write", "session is read-only");
  refused_because(only_standby, "primary", "server is in hot standby mode");
  refused_because(only_primary, "read-only", "session is not read-only");
  refused_because(only_primary, "standby", "server is not in hot standby mode");
  // A random order must still honour the attribute, every time.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(reached(primary_first, "standby&load_balance_hosts=random"), s);
    EXPECT_EQ(reached(standby_first, "primary&load_balance_hosts=random"), p);
  }
}

}  // namespace
}  // namespace pgesql::test
