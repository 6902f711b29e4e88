// TLS and authentication set-ups that must fail, each through EXEC SQL CONNECT's C
// ABI as a program meets them: ECPG's -402/08001 in sqlca, the precise cause in
// PGESQL_ERROR_DETAIL (with the server's SQLSTATE where the server refused), and the
// password nowhere: not in sqlca, the detail, nor the debug log (ECPGdebug).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ecpgerrno.h"
#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "reconfigured_server.hpp"
#include "sqlca.h"

namespace pgesql::test {
namespace {

struct Outcome {
  bool connected = false;
  long sqlcode = 0;
  std::string sqlstate, message, detail, log;
};

// EXEC SQL CONNECT TO :target USER :user USING :password, with the debug log on.
Outcome connect_as_a_program(const std::string &target, const std::string &user, const std::string &password) {
  const std::string log_path = "/tmp/pgesql-tls-negative." + std::to_string(::getpid()) + ".log";
  FILE *log = std::fopen(log_path.c_str(), "w");
  ECPGdebug(1, log);
  Outcome o;
  o.connected = ECPGconnect(__LINE__, 0, target.c_str(), user.empty() ? nullptr : user.c_str(),
                            password.empty() ? nullptr : password.c_str(), "negative", 0);
  o.sqlcode = sqlca.sqlcode;
  o.sqlstate.assign(sqlca.sqlstate, 5);
  o.message.assign(sqlca.sqlerrm.sqlerrmc, static_cast<std::size_t>(sqlca.sqlerrm.sqlerrml));
  o.detail = pgesql_error_field(PGESQL_ERROR_DETAIL);
  if (o.connected) ECPGdisconnect(__LINE__, "negative");
  ECPGdebug(0, nullptr);
  std::fclose(log);
  std::ifstream in(log_path);
  std::stringstream text;
  text << in.rdbuf();
  o.log = text.str();
  std::remove(log_path.c_str());
  return o;
}

void expect_refused(const Outcome &o, const std::string &cause, const std::string &secret) {
  EXPECT_FALSE(o.connected);
  EXPECT_EQ(o.sqlcode, ECPG_CONNECT);
  EXPECT_EQ(o.sqlstate, "08001");
  EXPECT_NE(o.detail.find(cause), std::string::npos) << "detail: " << o.detail;
  EXPECT_NE(o.log.find("connect: opening database"), std::string::npos) << "no debug log to check:\n" << o.log;
  if (!secret.empty()) {
    EXPECT_EQ(o.message.find(secret), std::string::npos) << "sqlca shows the password: " << o.message;
    EXPECT_EQ(o.detail.find(secret), std::string::npos) << "the detail shows the password: " << o.detail;
    EXPECT_EQ(o.log.find(secret), std::string::npos) << "the debug log shows the password:\n" << o.log;
  }
}

std::string tcp_target(const std::string &options) {
  return "host=127.0.0.1 port=" + env("PGESQL_TEST_PORT") + " dbname=" + env("PGESQL_TEST_DATABASE") + " " + options;
}

const std::string scram_user = "pgesql_scram";

TEST(TlsNegative, UnknownCertificateAuthority) {
  const std::string password = env("PGESQL_TEST_SCRAM_PASSWORD");
  expect_refused(connect_as_a_program(tcp_target("sslmode=verify-ca sslrootcert=" + env("PGESQL_TEST_OTHER_CA")),
                                      scram_user, password),
                 "certificate verify failed", password);
}

TEST(TlsNegative, WrongHostNameUnderVerifyFull) {
  const std::string password = env("PGESQL_TEST_SCRAM_PASSWORD");
  const std::string target = "host=wrong.example hostaddr=127.0.0.1 port=" + env("PGESQL_TEST_PORT") + " dbname=" +
                             env("PGESQL_TEST_DATABASE") + " sslmode=verify-full sslrootcert=" +
                             env("PGESQL_TEST_SSLROOTCERT");
  expect_refused(connect_as_a_program(target, scram_user, password),
                 "server certificate does not match host name \"wrong.example\"", password);
}

TEST(TlsNegative, ChannelBindingRequiredAgainstAnMd5User) {
  const std::string password = env("PGESQL_TEST_MD5_PASSWORD");
  expect_refused(connect_as_a_program(tcp_target("sslmode=require channel_binding=require"),
                                      env("PGESQL_TEST_MD5_USER"), password),
                 "channel binding required but not supported by server's authentication request", password);
}

TEST(TlsNegative, ChannelBindingRequiredAgainstTrust) {
  const std::string target = "host=" + env("PGESQL_TEST_SOCKET_DIR") + " port=" + env("PGESQL_TEST_PORT") +
                             " dbname=" + env("PGESQL_TEST_DATABASE") + " channel_binding=require";
  expect_refused(connect_as_a_program(target, "postgres", ""),
                 "channel binding required, but server authenticated client without channel binding", "");
}

// The pgesql_cert role authenticates by certificate: pgesql_tls's certificate is valid
// but names another user, so the server refuses it.
TEST(TlsNegative, ClientCertificateTheServerRejects) {
  const Outcome o = connect_as_a_program(
      tcp_target("sslmode=verify-ca sslrootcert=" + env("PGESQL_TEST_SSLROOTCERT") + " sslcert=" +
                 env("PGESQL_TEST_TLS_SSLCERT") + " sslkey=" + env("PGESQL_TEST_TLS_SSLKEY")),
      env("PGESQL_TEST_CERT_USER"), "");
  expect_refused(o, "certificate authentication failed for user \"pgesql_cert\"", "");
  EXPECT_NE(o.detail.find("(SQLSTATE 28000)"), std::string::npos) << o.detail;
}

// A server asking for the password in clear over plain TCP gets it only when the program
// allows it: require_auth refuses before anything is sent. Either way no log shows it.
TEST(TlsNegative, CleartextPasswordOverPlainTcp) {
  const std::string password = env("PGESQL_TEST_PASSWORD_PASSWORD");
  const std::string user = env("PGESQL_TEST_PASSWORD_USER");
  expect_refused(connect_as_a_program(tcp_target("sslmode=disable require_auth=scram-sha-256"), user, password),
                 "authentication method requirement \"scram-sha-256\" failed: server requested a cleartext password",
                 password);
  const Outcome allowed = connect_as_a_program(tcp_target("sslmode=disable"), user, password);
  EXPECT_TRUE(allowed.connected) << allowed.detail;
  EXPECT_EQ(allowed.log.find(password), std::string::npos) << allowed.log;
}

TEST(TlsNegative, WrongPasswordOverTls) {
  const Outcome o = connect_as_a_program(tcp_target("sslmode=require"), scram_user, "not-the-password-4711");
  expect_refused(o, "password authentication failed for user \"pgesql_scram\"", "not-the-password-4711");
  EXPECT_NE(o.detail.find("(SQLSTATE 28P01)"), std::string::npos) << o.detail;
}

// A second cluster whose certificate expired yesterday, then the same cluster without TLS.
class ExpiredCertificate : public ReconfiguredServer {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = cluster_dir();
    start("log_min_messages = warning", "show log_min_messages", "warning");
    if (dir_.empty()) return;
    const std::string tls = dir + "/tls";
    shell_output("openssl req -new -key " + tls + "/server.key -subj /CN=localhost -out " + tls + "/expired.csr 2>/dev/null && "
        "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > " + tls + "/expired.ext && "
        "openssl x509 -req -in " + tls + "/expired.csr -CA " + tls + "/ca.crt -CAkey " + tls +
        "/ca.key -CAcreateserial -days -1 -extfile " + tls + "/expired.ext -out " + dir +
        "/data/expired.crt 2>/dev/null && chmod 644 " + dir + "/data/expired.crt && "
        "{ [ \"$(id -u)\" != 0 ] || chown postgres: " + dir + "/data/expired.crt; }");
    reconfigure("ssl_cert_file = 'expired.crt'", "show ssl_cert_file", "expired.crt");
  }
};

TEST_F(ExpiredCertificate, IsRefusedUnderVerifyThenRequireFailsWithoutTls) {
  const std::string target = "host=127.0.0.1 port=" + port_ + " dbname=pgesql_test sslmode=verify-full sslrootcert=" +
                             cluster_dir() + "/tls/ca.crt";
  expect_refused(connect_as_a_program(target, "pgesql_scram", "scram-secret"), "certificate has expired",
                 "scram-secret");
  // sslmode=require does not check the chain without a root certificate: it gets in.
  const Outcome unchecked = connect_as_a_program("host=127.0.0.1 port=" + port_ + " dbname=pgesql_test sslmode=require",
                                                 "pgesql_scram", "scram-secret");
  EXPECT_TRUE(unchecked.connected) << unchecked.detail;

  reconfigure("ssl = off", "show ssl", "off");
  expect_refused(connect_as_a_program("host=127.0.0.1 port=" + port_ + " dbname=pgesql_test sslmode=require",
                                      "pgesql_scram", "scram-secret"),
                 "server does not support SSL, but SSL was required", "scram-secret");
}

}  // namespace
}  // namespace pgesql::test
