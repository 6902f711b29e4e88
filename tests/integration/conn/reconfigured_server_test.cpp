// TLS settings against servers configured otherwise than the fixture's: a second
// cluster per test, with ssl=off, or without a CA to ask for client certificates.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <thread>

#include <unistd.h>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

std::string run(const std::string &command) {
  std::string out;
  FILE *p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 512> buf;
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), p) != nullptr) out += buf.data();
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// A second cluster of one test's own (ctest runs each test in its own process, so it
// starts once per test), reconfigured with ALTER SYSTEM and reloaded.
class ReconfiguredServer : public testing::Test {
 protected:
  // `setting` is an ALTER SYSTEM SET clause; the reload is done when `show` gives `expected`.
  static void start(const std::string &setting, const std::string &show, const std::string &expected) {
    const std::string pgcluster = std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster";
    dir_ = run(pgcluster + " start " + cluster_dir() + " 2>&1 | tail -1");
    if (dir_ != cluster_dir()) {
      std::fprintf(stderr, "pgcluster start: %s\n", dir_.c_str());
      run(pgcluster + " stop " + cluster_dir());
      dir_.clear();
      return;
    }
    port_ = run("grep '^port = ' " + dir_ + "/data/postgresql.conf | tail -1 | sed 's/port = //'");
    const std::string superuser = "host=" + dir_ + "/socket port=" + port_ + " user=postgres dbname=postgres";
    auto c = open(superuser);
    c->simple_query("alter system set " + setting);
    c->simple_query("select pg_reload_conf()");
    // The reload is asynchronous; wait until new sessions see the setting.
    for (int i = 0; i < 50; ++i) {
      auto probe = open(superuser);
      if (scalar(*probe, show) == expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  static std::string cluster_dir() { return "/tmp/pgesql-second." + std::to_string(::getpid()); }
  static void TearDownTestSuite() {
    if (!dir_.empty()) run(std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster stop " + dir_);
  }
  void SetUp() override {
    if (dir_.empty() || port_.empty()) GTEST_FAIL() << "could not start a second cluster with scripts/pgcluster";
  }
  static std::string conninfo(const std::string &extra) {
    return "host=127.0.0.1 port=" + port_ + " dbname=pgesql_test user=pgesql_scram password=scram-secret " + extra;
  }
  static inline std::string dir_, port_;
};

class NoTlsServer : public ReconfiguredServer {
 protected:
  static void SetUpTestSuite() { start("ssl = off", "show ssl", "off"); }
};

// Without ssl_ca_file the server never asks for a client certificate.
class NoClientCertificateRequest : public ReconfiguredServer {
 protected:
  static void SetUpTestSuite() { start("ssl_ca_file = ''", "show ssl_ca_file", ""); }
};

// One test, so ctest (one process per test) starts the second cluster once.
TEST_F(NoTlsServer, EachSslMode) {
  for (const char *mode : {"disable", "allow", "prefer"}) {
    auto c = open(conninfo(std::string("sslmode=") + mode));
    EXPECT_FALSE(c->uses_tls()) << mode;
    EXPECT_EQ(scalar(*c, "select 1"), "1") << mode;
  }
  const conn::Error e = open_error(conninfo("sslmode=require"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("server does not support SSL, but SSL was required"), std::string::npos) << e.message();
  for (const char *mode : {"verify-ca", "verify-full"}) {
    const conn::Error v =
        open_error(conninfo(std::string("sslmode=") + mode + " sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT")));
    EXPECT_EQ(v.sqlstate(), "08001") << mode;
    EXPECT_NE(v.message().find("server does not support SSL"), std::string::npos) << v.message();
  }
}

// sslcertmode=require (libpq 16) insists that the server asks for a certificate.
TEST_F(NoClientCertificateRequest, SslCertModeRequireRefusesTheServer) {
  const std::string cert = "sslmode=require sslcert=" + env("PGESQL_TEST_CERT_SSLCERT") + " sslkey=" +
                           env("PGESQL_TEST_CERT_SSLKEY");
  const conn::Error e = open_error(conninfo(cert + " sslcertmode=require"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("server accepted connection without a valid SSL certificate"), std::string::npos)
      << e.message();
  for (const char *mode : {"allow", "disable"}) {
    auto c = open(conninfo(cert + " sslcertmode=" + mode));
    EXPECT_TRUE(c->uses_tls()) << mode;
  }
}

}  // namespace
}  // namespace pgesql::test
