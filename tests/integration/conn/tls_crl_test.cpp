// Certificate revocation lists: sslcrl (file) and sslcrldir (hashed directory),
// against CRLs made here from the cluster's test CA.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

namespace fs = std::filesystem;

std::string scram_tls(const std::string &extra) {
  return tcp("user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD") +
             " sslmode=verify-ca sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT") + " " + extra);
}

// A CRL of the test CA: empty, or revoking the server's certificate. Also a hashed directory holding it.
class Crl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path tls = fs::path(env("PGESQL_TEST_SSLROOTCERT")).parent_path();
    dir_ = fs::temp_directory_path() / ("pgesql-crl-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "empty.d");
    fs::create_directories(dir_ / "revoked.d");
    std::ofstream(dir_ / "ca.cnf") << "[ca]\ndefault_ca = c\n[c]\ndatabase = " << (dir_ / "index.txt").string()
                                   << "\ncrlnumber = " << (dir_ / "crlnumber").string()
                                   << "\ndefault_md = sha256\ndefault_crl_days = 30\n";
    std::ofstream(dir_ / "index.txt");
    std::ofstream(dir_ / "crlnumber") << "01\n";
    const std::string ca = " -config " + (dir_ / "ca.cnf").string() + " -keyfile " + (tls / "ca.key").string() +
                           " -cert " + (tls / "ca.crt").string() + " ";
    const std::string quiet = " 2>/dev/null";
    ok_ = std::system(("openssl ca" + ca + "-gencrl -out " + (dir_ / "empty.d/empty.crl").string() + quiet).c_str()) == 0 &&
          std::system(("openssl ca" + ca + "-revoke " + (tls / "server.crt").string() + quiet).c_str()) == 0 &&
          std::system(("openssl ca" + ca + "-gencrl -out " + (dir_ / "revoked.d/revoked.crl").string() + quiet).c_str()) == 0 &&
          std::system(("openssl rehash " + (dir_ / "empty.d").string() + " " + (dir_ / "revoked.d").string() + quiet).c_str()) == 0;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!ok_) GTEST_SKIP() << "openssl could not make the test CRLs";
  }
  static std::string path(const char *name) { return (dir_ / name).string(); }
  static inline fs::path dir_;
  static inline bool ok_ = false;
};

TEST_F(Crl, AnEmptyListLetsTheServerIn) {
  EXPECT_TRUE(open(scram_tls("sslcrl=" + path("empty.d/empty.crl")))->uses_tls());
  EXPECT_TRUE(open(scram_tls("sslcrldir=" + path("empty.d")))->uses_tls());
}

TEST_F(Crl, ARevokedServerCertificateIsRefusedFromAFile) {
  const conn::Error e = open_error(scram_tls("sslcrl=" + path("revoked.d/revoked.crl")));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("revoked"), std::string::npos) << e.message();
}

TEST_F(Crl, ARevokedServerCertificateIsRefusedFromADirectory) {
  const conn::Error e = open_error(scram_tls("sslcrldir=" + path("revoked.d")));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("revoked"), std::string::npos) << e.message();
}

TEST_F(Crl, ANamedButMissingListMeansNoCheck) {
  EXPECT_TRUE(open(scram_tls("sslcrl=" + path("none.crl") + " sslcrldir=" + path("none.d")))->uses_tls());
}

}  // namespace
}  // namespace pgesql::test
