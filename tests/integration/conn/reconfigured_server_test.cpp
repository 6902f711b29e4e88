// TLS settings against servers configured otherwise than the fixture's: a second
// cluster per test, with ssl=off, or without a CA to ask for client certificates.
#include "reconfigured_server.hpp"

namespace pgesql::test {
namespace {

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
