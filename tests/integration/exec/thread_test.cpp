// Threads: each has its own sqlca and current connection; a connection
// shared by threads is used by one statement at a time.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "exec_fixture.hpp"

namespace {

using namespace pgesql::test;

int statements_per_thread() {
  const char *n = std::getenv("PGESQL_THREAD_STATEMENTS");
  return n ? std::atoi(n) : 10000;
}

TEST_F(ExecTest, SixteenThreadsEachWithItsOwnConnection) {
  constexpr int threads = 16;
  const int per_thread = statements_per_thread();
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::string name = "worker" + std::to_string(t);
      if (connect_to(database().c_str(), name.c_str(), 1) != 0) {
        ++failures;
        return;
      }
      pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select $1::int + 1");
      for (int i = 0; i < per_thread; ++i) {
        int in = i * threads + t, out = 0;
        pgesql_var iv = scalar(PGESQL_T_INT, &in);
        pgesql_var ov = scalar(PGESQL_T_INT, &out);
        // no AT: the thread's current connection is its own
        if (pgesql_exec(&s, nullptr, nullptr, 1, &iv, 1, &ov) != 0 || out != in + 1 || sqlca.sqlerrd[2] != 1)
          ++failures;
      }
      pgesql_stmt d = statement(PGESQL_STMT_NORMAL, nullptr);
      pgesql_disconnect(&d, name.c_str());
    });
  }
  for (std::thread &th : pool) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(ExecTest, ThreadsSharingOneConnectionAreSerialized) {
  ASSERT_EQ(connect_to(database().c_str(), "shared", 1), 0);
  constexpr int threads = 8;
  const int per_thread = statements_per_thread() / 10;
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select $1::text");
      for (int i = 0; i < per_thread; ++i) {
        std::string value = std::to_string(t) + ":" + std::to_string(i);
        char in[32], out[32] = {};
        std::snprintf(in, sizeof in, "%s", value.c_str());
        pgesql_var iv = chars(in, sizeof in);
        pgesql_var ov = chars(out, sizeof out);
        if (pgesql_exec(&s, "shared", nullptr, 1, &iv, 1, &ov) != 0 || value != out) ++failures;
      }
    });
  }
  for (std::thread &th : pool) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(ExecTest, ErrorsStayInTheirThread) {
  ASSERT_EQ(connect_to(database().c_str(), "errs", 1), 0);
  long other_code = -1;
  std::thread t([&] {
    run("set application_name = 'other thread'", "errs");
    other_code = sqlca.sqlcode;
  });
  EXPECT_EQ(run("select * from no_such_table", "errs"), ECPG_PGSQL);
  t.join();
  EXPECT_EQ(other_code, 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
}

}  // namespace
