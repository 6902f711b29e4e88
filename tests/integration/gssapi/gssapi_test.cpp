// GSSAPI against a real KDC: this suite starts its own cluster and an MIT Kerberos
// KDC beside it (scripts/pgcluster start + kerberos), then connects as the two
// Kerberos users: pgesql_gss_enc may only come over GSSAPI encryption
// (hostgssenc), pgesql_gss_auth only without it (hostnogssenc ... gss).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

#include <unistd.h>

#include "conn/config_resolver.hpp"
#include "conn/conninfo_parser.hpp"
#include "conn/connection.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "shell_output.hpp"
#include "sqlca.h"

namespace pgesql::test {
namespace {

class Gssapi : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string pgcluster = std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster";
    const std::string dir = "/tmp/pgesql-gss." + std::to_string(::getpid());
    dir_ = shell_output(pgcluster + " start " + dir + " 2>&1 | tail -1");
    if (dir_ != dir) {
      setup_error_ = "pgcluster start: " + dir_;
      shell_output(pgcluster + " stop " + dir);
      dir_.clear();
      return;
    }
    const std::string kdc = shell_output(pgcluster + " kerberos " + dir_ + " 2>&1");
    if (kdc != dir_ + "/kerberos") {
      setup_error_ = "pgcluster kerberos: " + kdc;
      return;
    }
    // DIR/env holds lines of: export NAME='value'
    std::ifstream env(dir_ + "/env");
    for (std::string line; std::getline(env, line);) {
      const auto eq = line.find('=');
      if (!line.starts_with("export ") || eq == std::string::npos) continue;
      std::string value = line.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '\'') value = value.substr(1, value.size() - 2);
      vars_[line.substr(7, eq - 7)] = value;
    }
    ::setenv("KRB5_CONFIG", vars_["PGESQL_TEST_KRB5_CONFIG"].c_str(), 1);
  }
  static void TearDownTestSuite() {
    if (!dir_.empty()) shell_output(std::string(PGESQL_SOURCE_DIR) + "/scripts/pgcluster stop " + dir_);
  }
  void SetUp() override {
    if (!setup_error_.empty()) GTEST_FAIL() << setup_error_;
    ::unsetenv("KRB5CCNAME");
  }

  // The Kerberos ticket cache the next connection uses: "enc", "auth", or none at all.
  static void use_ticket(const std::string &which) {
    if (which == "none") ::setenv("KRB5CCNAME", ("FILE:" + dir_ + "/kerberos/no-such-ccache").c_str(), 1);
    else ::setenv("KRB5CCNAME", vars_[which == "enc" ? "PGESQL_TEST_KRB5CCNAME_ENC" : "PGESQL_TEST_KRB5CCNAME_AUTH"].c_str(), 1);
  }
  // TCP to the server by the name its principal has (postgres/localhost).
  static std::string conninfo(const std::string &user, const std::string &extra) {
    return "host=localhost hostaddr=127.0.0.1 port=" + vars_["PGESQL_TEST_PORT"] + " dbname=pgesql_test user=" + user +
           " " + extra;
  }
  static std::unique_ptr<conn::Connection> open(const std::string &conninfo) {
    return conn::Connection::open(conn::resolve_config(conn::parse_keyword_value(conninfo), conn::process_environment()));
  }
  static conn::Error open_error(const std::string &conninfo) {
    try {
      open(conninfo);
    } catch (const conn::Error &e) {
      return e;
    }
    ADD_FAILURE() << "connecting succeeded: " << conninfo;
    return conn::Error::client_error("00000", "connected");
  }
  static std::string scalar(conn::Connection &c, const std::string &sql) {
    const auto results = c.simple_query(sql);
    if (results.empty() || results.back().row_count() == 0) return "<no rows>";
    const auto v = results.back().value(0, 0);
    return v ? std::string(*v) : "<null>";
  }
  // What the server says about this session: "authenticated|principal|encrypted|ssl".
  static std::string session(conn::Connection &c) {
    return scalar(c,
                  "select concat_ws('|', g.gss_authenticated, g.principal, g.encrypted, s.ssl) from pg_stat_gssapi g "
                  "join pg_stat_ssl s using (pid) where pid = pg_backend_pid()");
  }

  static inline std::string dir_, setup_error_;
  static inline std::map<std::string, std::string> vars_;
};

TEST_F(Gssapi, EncryptionWhenRequired) {
  use_ticket("enc");
  auto c = open(conninfo("pgesql_gss_enc", "gssencmode=require"));
  EXPECT_EQ(session(*c), "t|pgesql_gss_enc@PGESQL.TEST|t|f");
  EXPECT_EQ(scalar(*c, "select current_user"), "pgesql_gss_enc");
}

// prefer is the default: with a ticket, GSSAPI encryption comes before TLS (sslmode=prefer).
TEST_F(Gssapi, PreferredByDefaultWhenTheUserHasATicket) {
  use_ticket("enc");
  auto c = open(conninfo("pgesql_gss_enc", ""));
  EXPECT_EQ(session(*c), "t|pgesql_gss_enc@PGESQL.TEST|t|f");
}

// Values far larger than one sealed packet (16 kB), both ways, and a COPY in and out.
TEST_F(Gssapi, LargeValuesCrossInManyPackets) {
  use_ticket("enc");
  auto c = open(conninfo("pgesql_gss_enc", "gssencmode=require"));
  std::string big(300000, 'x');
  for (std::size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(scalar(*c, "select '" + big + "'"), big);
  EXPECT_EQ(scalar(*c, "select length(string_agg(md5(g::text), '')) from generate_series(1, 100000) g"), "3200000");
  const auto results = c->simple_query("select g, repeat('y', 500) from generate_series(1, 5000) g");
  ASSERT_EQ(results.back().row_count(), 5000u);
  EXPECT_EQ(std::string(*results.back().value(4999, 0)), "5000");
  EXPECT_EQ(std::string(*results.back().value(4999, 1)), std::string(500, 'y'));
}

TEST_F(Gssapi, AuthenticationWithoutEncryption) {
  use_ticket("auth");
  auto c = open(conninfo("pgesql_gss_auth", "gssencmode=disable sslmode=disable"));
  EXPECT_EQ(session(*c), "t|pgesql_gss_auth@PGESQL.TEST|f|f");
}

TEST_F(Gssapi, AuthenticationInsideTls) {
  use_ticket("auth");
  auto c = open(conninfo("pgesql_gss_auth", "gssencmode=disable sslmode=require"));
  EXPECT_EQ(session(*c), "t|pgesql_gss_auth@PGESQL.TEST|f|t");
}

// The server turns GSSAPI encryption down for this user (hostgssenc ... reject): prefer then
// connects again without it, as libpq does; require fails with the server's reason.
TEST_F(Gssapi, PreferFallsBackWhenTheServerRefusesEncryption) {
  use_ticket("auth");
  auto c = open(conninfo("pgesql_gss_auth", "gssencmode=prefer sslmode=disable"));
  EXPECT_EQ(session(*c), "t|pgesql_gss_auth@PGESQL.TEST|f|f");
  const conn::Error e = open_error(conninfo("pgesql_gss_auth", "gssencmode=require"));
  EXPECT_EQ(e.sqlstate(), "28000") << e.message();
  EXPECT_NE(e.message().find("GSS encryption"), std::string::npos) << e.message();
}

TEST_F(Gssapi, RequireAuthCountsGss) {
  use_ticket("auth");
  open(conninfo("pgesql_gss_auth", "gssencmode=disable sslmode=disable require_auth=gss"));
  conn::Error e = open_error(conninfo("pgesql_gss_auth", "gssencmode=disable sslmode=disable require_auth=scram-sha-256"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("authentication method requirement \"scram-sha-256\" failed: server requested GSSAPI"),
            std::string::npos)
      << e.message();
  // Encryption authenticates implicitly: it satisfies gss, and only gss.
  use_ticket("enc");
  open(conninfo("pgesql_gss_enc", "gssencmode=require require_auth=gss"));
  e = open_error(conninfo("pgesql_gss_enc", "gssencmode=require require_auth=scram-sha-256"));
  EXPECT_NE(e.message().find("did not complete authentication"), std::string::npos) << e.message();
}

TEST_F(Gssapi, RequiredEncryptionWithoutATicketOrOverAUnixSocketFails) {
  use_ticket("none");
  conn::Error e = open_error(conninfo("pgesql_gss_enc", "gssencmode=require"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("GSSAPI encryption required but was impossible"), std::string::npos) << e.message();
  use_ticket("enc");
  e = open_error("host=" + dir_ + "/socket port=" + vars_["PGESQL_TEST_PORT"] + " dbname=pgesql_test gssencmode=require");
  EXPECT_NE(e.message().find("GSSAPI encryption required but was impossible"), std::string::npos) << e.message();
  // Without a ticket, prefer does not even ask (the user then fails hba's gss line as usual).
  use_ticket("none");
  e = open_error(conninfo("pgesql_gss_auth", "sslmode=disable"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("GSSAPI"), std::string::npos) << e.message();
}

TEST_F(Gssapi, UnknownServicePrincipalIsReportedFromKerberos) {
  use_ticket("enc");
  const conn::Error e = open_error(conninfo("pgesql_gss_enc", "gssencmode=require krbsrvname=nosuchservice"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("GSSAPI"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("not found in Kerberos database"), std::string::npos) << e.message();
}

// What a program sees through EXEC SQL CONNECT (the C ABI): a working session, or ECPG's
// -402/08001 with the cause in PGESQL_ERROR_DETAIL.
TEST_F(Gssapi, EmbeddedSqlConnect) {
  use_ticket("enc");
  const std::string target = "tcp:postgresql://localhost:" + vars_["PGESQL_TEST_PORT"] + "/pgesql_test?hostaddr=127.0.0.1";
  ASSERT_TRUE(ECPGconnect(__LINE__, 0, (target + "&gssencmode=require").c_str(), "pgesql_gss_enc", nullptr, "gss", 0))
      << sqlca.sqlerrm.sqlerrmc << " / " << pgesql_error_field(PGESQL_ERROR_DETAIL);
  EXPECT_EQ(sqlca.sqlcode, 0);
  ECPGdisconnect(__LINE__, "gss");
  use_ticket("none");
  EXPECT_FALSE(ECPGconnect(__LINE__, 0, (target + "&gssencmode=require").c_str(), "pgesql_gss_enc", nullptr, "gss", 0));
  EXPECT_EQ(sqlca.sqlcode, ECPG_CONNECT);
  EXPECT_EQ(std::string(sqlca.sqlstate, 5), "08001");
  EXPECT_NE(std::string(pgesql_error_field(PGESQL_ERROR_DETAIL)).find("GSSAPI encryption required"), std::string::npos)
      << pgesql_error_field(PGESQL_ERROR_DETAIL);
}

}  // namespace
}  // namespace pgesql::test
