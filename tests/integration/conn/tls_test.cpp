// TLS against the cluster (which has TLS on): every sslmode, verification
// failures, SCRAM-SHA-256-PLUS channel binding, client certificates.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

std::string scram(const std::string &extra) {
  return tcp("user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD") + " " + extra);
}

std::string ssl_in_use(conn::Connection &c) {
  return scalar(c, "select ssl from pg_stat_ssl where pid = pg_backend_pid()");
}

TEST(Tls, EachSslModeAgainstATlsServer) {
  const std::string root = " sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT");
  struct Case {
    const char *mode;
    const char *expect_ssl;
  };
  for (const Case &k : {Case{"disable", "f"}, Case{"allow", "f"}, Case{"prefer", "t"}, Case{"require", "t"},
                        Case{"verify-ca", "t"}, Case{"verify-full", "t"}}) {
    auto c = open(scram(std::string("sslmode=") + k.mode + root));
    EXPECT_EQ(ssl_in_use(*c), k.expect_ssl) << k.mode;
    EXPECT_EQ(c->uses_tls(), std::string(k.expect_ssl) == "t") << k.mode;
  }
}

TEST(Tls, RequireWithoutRootCertDoesNotVerify) {
  auto c = open(scram("sslmode=require sslrootcert="));
  EXPECT_TRUE(c->uses_tls());
}

TEST(Tls, VerifyFullFailsOnAWrongHostName) {
  // The certificate names localhost and 127.0.0.1; connect to the right address under another name.
  const conn::Error e = open_error("host=wrong.example hostaddr=127.0.0.1 port=" + env("PGESQL_TEST_PORT") +
                                   " dbname=" + env("PGESQL_TEST_DATABASE") + " user=" + env("PGESQL_TEST_SCRAM_USER") +
                                   " password=" + env("PGESQL_TEST_SCRAM_PASSWORD") +
                                   " sslmode=verify-full sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("does not match host name \"wrong.example\""), std::string::npos) << e.message();
}

TEST(Tls, VerifyFullAcceptsTheNameAndTheAddressInTheCertificate) {
  auto by_name = open("host=localhost port=" + env("PGESQL_TEST_PORT") + " dbname=" + env("PGESQL_TEST_DATABASE") +
                      " user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD") +
                      " sslmode=verify-full sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT"));
  EXPECT_TRUE(by_name->uses_tls());
  auto by_ip = open(scram("sslmode=verify-full sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT")));
  EXPECT_TRUE(by_ip->uses_tls());
}

TEST(Tls, VerifyCaFailsWithAnUntrustedCa) {
  const conn::Error e = open_error(scram("sslmode=verify-ca sslrootcert=" + env("PGESQL_TEST_OTHER_CA")));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("certificate verify failed"), std::string::npos) << e.message();
}

TEST(Tls, VerifyWithoutARootCertificateFails) {
  const conn::Error e = open_error(scram("sslmode=verify-ca sslrootcert="));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("root certificate"), std::string::npos) << e.message();
}

TEST(Tls, ScramPlusChannelBinding) {
  auto c = open(scram("sslmode=require channel_binding=require"));
  EXPECT_TRUE(c->uses_tls());
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_SCRAM_USER"));
}

TEST(Tls, ChannelBindingRequiredWithoutTlsFails) {
  const conn::Error e = open_error(scram("sslmode=disable channel_binding=require"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("channel binding"), std::string::npos) << e.message();
}

TEST(Tls, ChannelBindingRequiredWithMd5Fails) {
  const conn::Error e = open_error(tcp("sslmode=require channel_binding=require user=" + env("PGESQL_TEST_MD5_USER") +
                                       " password=" + env("PGESQL_TEST_MD5_PASSWORD")));
  EXPECT_EQ(e.sqlstate(), "08001");
}

TEST(Tls, ChannelBindingDisabledStillAuthenticates) {
  auto c = open(scram("sslmode=require channel_binding=disable"));
  EXPECT_TRUE(c->uses_tls());
}

TEST(Tls, ClientCertificateAuthentication) {
  auto c = open(tcp("user=" + env("PGESQL_TEST_CERT_USER") + " sslmode=verify-ca sslrootcert=" +
                    env("PGESQL_TEST_SSLROOTCERT") + " sslcert=" + env("PGESQL_TEST_CERT_SSLCERT") +
                    " sslkey=" + env("PGESQL_TEST_CERT_SSLKEY")));
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_CERT_USER"));
}

// sslcertmode: disable never sends the certificate (the cert role is then refused); require
// insists that the server asks for one, which this server (ssl_ca_file set) does.
TEST(Tls, SslCertModeDisableAndRequire) {
  const std::string cert = "user=" + env("PGESQL_TEST_CERT_USER") + " sslmode=verify-ca sslrootcert=" +
                           env("PGESQL_TEST_SSLROOTCERT") + " sslcert=" + env("PGESQL_TEST_CERT_SSLCERT") +
                           " sslkey=" + env("PGESQL_TEST_CERT_SSLKEY");
  EXPECT_EQ(scalar(*open(tcp(cert + " sslcertmode=require")), "select current_user"), env("PGESQL_TEST_CERT_USER"));
  const conn::Error e = open_error(tcp(cert + " sslcertmode=disable"));
  EXPECT_EQ(e.sqlstate(), "28000") << e.message();
}

// sslkeylogfile (libpq 18): the session's TLS secrets in NSS key log format, in a private file.
TEST(Tls, KeyLogFileGetsTheSessionSecrets) {
  const std::string path = "/tmp/pgesql-keylog." + std::to_string(::getpid());
  ::unlink(path.c_str());
  auto c = open(scram("sslmode=require sslkeylogfile=" + path));
  EXPECT_EQ(ssl_in_use(*c), "t");
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  // TLS 1.3 logs the traffic secrets; 1.2 would log CLIENT_RANDOM.
  EXPECT_TRUE(text.str().find("CLIENT_TRAFFIC_SECRET_0 ") != std::string::npos ||
              text.str().find("CLIENT_RANDOM ") != std::string::npos)
      << text.str();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ::unlink(path.c_str());
}

// sslrootcert=system: OpenSSL's default CAs, and the host name is checked (verify-full);
// the test CA is not among them, so the test server's certificate is refused.
TEST(Tls, SystemRootCertificatesImplyVerifyFull) {
  const conn::Error e = open_error(tcp("sslrootcert=system user=" + env("PGESQL_TEST_SCRAM_USER") +
                                       " password=" + env("PGESQL_TEST_SCRAM_PASSWORD")));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("certificate verify failed"), std::string::npos) << e.message();
}

TEST(Tls, PasswordAndClientCertificate) {
  auto c = open(tcp("user=" + env("PGESQL_TEST_TLS_USER") + " password=" + env("PGESQL_TEST_TLS_PASSWORD") +
                    " sslmode=verify-full sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT") + " sslcert=" +
                    env("PGESQL_TEST_TLS_SSLCERT") + " sslkey=" + env("PGESQL_TEST_TLS_SSLKEY")));
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_TLS_USER"));
}

TEST(Tls, CertificateRoleWithoutCertificateIsRefused) {
  const conn::Error e = open_error(tcp("user=" + env("PGESQL_TEST_CERT_USER") +
                                       " sslmode=require sslcert=/nonexistent sslkey=/nonexistent"));
  EXPECT_EQ(e.origin(), conn::Error::Origin::server);
  EXPECT_EQ(e.sqlstate(), "28000");
}

TEST(Tls, ProtocolVersionBounds) {
  auto c = open(scram("sslmode=require ssl_max_protocol_version=TLSv1.2"));
  EXPECT_EQ(scalar(*c, "select version from pg_stat_ssl where pid = pg_backend_pid()"), "TLSv1.2");
  auto d = open(scram("sslmode=require ssl_min_protocol_version=TLSv1.3"));
  EXPECT_EQ(scalar(*d, "select version from pg_stat_ssl where pid = pg_backend_pid()"), "TLSv1.3");
}

TEST(Tls, LargePipelineOverTls) {
  auto c = open(scram("sslmode=require"));
  c->queue_parse("sel", "select $1::int, repeat('y', 500)");
  constexpr int n = 20000;
  const conn::ParamValue values[] = {std::string_view("7")};
  for (int i = 0; i < n; ++i) {
    c->queue_bind("", "sel", {values});
    c->queue_execute("");
  }
  c->queue_sync();
  c->send_queued();
  int rows = 0;
  while (c->pending_steps() > 0) {
    const conn::StepResult s = c->read_step();
    ASSERT_FALSE(s.error);
    rows += static_cast<int>(s.result.row_count());
  }
  EXPECT_EQ(rows, n);
}

TEST(Tls, QueriesOverTls) {
  auto c = open(scram("sslmode=require"));
  const auto r = c->execute("select repeat('x', 200000)");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.value(0, 0)->size(), 200000u);
}

}  // namespace
}  // namespace pgesql::test
