// A second cluster of one test's own, reconfigured with ALTER SYSTEM: for server set-ups the
// fixture's cluster must not change for everyone (no TLS, no CA, an expired certificate).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include <unistd.h>

#include "conn_test_support.hpp"
#include "shell_output.hpp"

namespace pgesql::test {

// A second cluster of one test's own (ctest runs each test in its own process, so it
// starts once per test), reconfigured with ALTER SYSTEM and reloaded.
class ReconfiguredServer : public testing::Test {
 protected:
  // `setting` is an ALTER SYSTEM SET clause; the reload is done when `show` gives `expected`.
  static void start(const std::string &setting, const std::string &show, const std::string &expected) {
    const std::string pgcluster = std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster";
    dir_ = shell_output(pgcluster + " start " + cluster_dir() + " 2>&1 | tail -1");
    if (dir_ != cluster_dir()) {
      std::fprintf(stderr, "pgcluster start: %s\n", dir_.c_str());
      shell_output(pgcluster + " stop " + cluster_dir());
      dir_.clear();
      return;
    }
    port_ = shell_output("grep '^port = ' " + dir_ + "/data/postgresql.conf | tail -1 | sed 's/port = //'");
    reconfigure(setting, show, expected);
  }
  // ALTER SYSTEM SET `setting`, reload, and wait until new sessions' `show` gives `expected`.
  static void reconfigure(const std::string &setting, const std::string &show, const std::string &expected) {
    const std::string superuser = "host=" + dir_ + "/socket port=" + port_ + " user=postgres dbname=postgres";
    auto c = open(superuser);
    c->simple_query("alter system set " + setting);
    c->simple_query("select pg_reload_conf()");
    // The reload is asynchronous.
    for (int i = 0; i < 50; ++i) {
      auto probe = open(superuser);
      if (scalar(*probe, show) == expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  // The second cluster's directory (its tls/ has the CA and keys pgcluster made).
  static std::string cluster_dir() { return "/tmp/pgesql-second." + std::to_string(::getpid()); }
  static void TearDownTestSuite() {
    if (!dir_.empty()) shell_output(std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster stop " + dir_);
  }
  void SetUp() override {
    if (dir_.empty() || port_.empty()) GTEST_FAIL() << "could not start a second cluster with scripts/pgcluster";
  }
  static std::string conninfo(const std::string &extra) {
    return "host=127.0.0.1 port=" + port_ + " dbname=pgesql_test user=pgesql_scram password=scram-secret " + extra;
  }
  static inline std::string dir_, port_;
};

}  // namespace pgesql::test
