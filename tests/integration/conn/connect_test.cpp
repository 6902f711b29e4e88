// Connecting: each authentication method, refusals with the server's SQLSTATE,
// multiple hosts, target_session_attrs, startup parameters.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

TEST(Connect, TrustOverUnixSocket) {
  auto c = open(unix_socket());
  EXPECT_FALSE(c->uses_tls());
  EXPECT_EQ(scalar(*c, "select current_user"), "postgres");
  EXPECT_GT(c->backend_pid(), 0);
}

// require_auth: a method the rule does not allow is refused when the server asks for it,
// before anything is sent, as a connection failure (08001) that names the rule.
TEST(Connect, RequireAuthRefusesOtherMethodsBeforeAnswering) {
  const std::string scram = "sslmode=disable user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" +
                            env("PGESQL_TEST_SCRAM_PASSWORD");
  EXPECT_EQ(scalar(*open(tcp(scram + " require_auth=scram-sha-256")), "select 1"), "1");
  EXPECT_EQ(scalar(*open(tcp(scram + " require_auth=!md5,!password")), "select 1"), "1");
  conn::Error e = open_error(tcp(scram + " require_auth=md5"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("authentication method requirement \"md5\" failed: server requested SASL authentication"),
            std::string::npos)
      << e.message();
  e = open_error(tcp("sslmode=disable user=" + env("PGESQL_TEST_PASSWORD_USER") + " password=" +
                     env("PGESQL_TEST_PASSWORD_PASSWORD") + " require_auth=!password"));
  EXPECT_NE(e.message().find("server requested a cleartext password"), std::string::npos) << e.message();
  e = open_error(tcp("sslmode=disable user=" + env("PGESQL_TEST_MD5_USER") + " password=" +
                     env("PGESQL_TEST_MD5_PASSWORD") + " require_auth=scram-sha-256"));
  EXPECT_NE(e.message().find("server requested a hashed password"), std::string::npos) << e.message();
  // trust is "none": refused unless allowed
  e = open_error(unix_socket("require_auth=scram-sha-256"));
  EXPECT_NE(e.message().find("server did not complete authentication"), std::string::npos) << e.message();
  EXPECT_EQ(scalar(*open(unix_socket("require_auth=none")), "select 1"), "1");
  EXPECT_FALSE(open_error(tcp(scram + " require_auth=none")).message().empty());
}

// load_balance_hosts=random: over a TCP and a unix-socket route to the server, 40 connections
// take both; without it, always the first.
TEST(Connect, LoadBalanceHostsSpreadsConnections) {
  const std::string hosts = "host=" + env("PGESQL_TEST_HOST") + "," + env("PGESQL_TEST_SOCKET_DIR") + " port=" +
                            env("PGESQL_TEST_PORT") + " dbname=" + env("PGESQL_TEST_DATABASE") +
                            " user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD") +
                            " sslmode=disable";
  int tcp_routes = 0, unix_routes = 0;
  for (int i = 0; i < 40; ++i) {
    auto c = open(hosts + " load_balance_hosts=random");
    (scalar(*c, "select coalesce(host(inet_server_addr()), 'unix')") == "unix" ? unix_routes : tcp_routes)++;
  }
  EXPECT_GT(tcp_routes, 0);
  EXPECT_GT(unix_routes, 0);
  for (int i = 0; i < 5; ++i)
    EXPECT_NE(scalar(*open(hosts + " load_balance_hosts=disable"), "select coalesce(host(inet_server_addr()), 'unix')"),
              "unix");
}

// sslnegotiation=direct against a server older than 17, which reads the TLS ClientHello as
// a startup packet and hangs up: a connection failure, at once, never a hang.
TEST(Connect, DirectSslAgainstAnOlderServerFailsFast) {
  const auto start = std::chrono::steady_clock::now();
  const conn::Error e = open_error(tcp("sslmode=require sslnegotiation=direct connect_timeout=20 user=" +
                                       env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD")));
  EXPECT_EQ(e.sqlstate(), "08001") << e.message();
  EXPECT_NE(e.message().find("SSL"), std::string::npos) << e.message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // the same options with the SSLRequest negotiation connect
  EXPECT_EQ(scalar(*open(tcp("sslmode=require sslnegotiation=postgres user=" + env("PGESQL_TEST_SCRAM_USER") +
                             " password=" + env("PGESQL_TEST_SCRAM_PASSWORD"))),
                   "select 1"),
            "1");
}

// max_protocol_version=3.2 asks for 3.2; this PostgreSQL 15 server answers NegotiateProtocolVersion
// and the session runs on 3.0 (its 4-byte cancel key still cancels). min_protocol_version=3.2
// refuses such a server.
TEST(Connect, ProtocolVersionNegotiatesDownOrRefuses) {
  auto c = open(unix_socket("max_protocol_version=3.2"));
  EXPECT_EQ(c->protocol_version_minor(), 0);
  EXPECT_EQ(scalar(*c, "select 1"), "1");
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    c->cancel_handle().cancel();
  });
  EXPECT_THROW(
      {
        try {
          c->simple_query("select pg_sleep(30)");
        } catch (const conn::Error &e) {
          EXPECT_EQ(e.sqlstate(), "57014");
          throw;
        }
      },
      conn::Error);
  canceller.join();
  EXPECT_EQ(open(unix_socket())->protocol_version_minor(), 0);
  const conn::Error e = open_error(unix_socket("min_protocol_version=3.2"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("server only supports protocol version 3.0, but min_protocol_version was set to 3.2"),
            std::string::npos)
      << e.message();
}

TEST(Connect, Md5OverTcp) {
  auto c = open(tcp("sslmode=disable user=" + env("PGESQL_TEST_MD5_USER") + " password=" + env("PGESQL_TEST_MD5_PASSWORD")));
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_MD5_USER"));
}

TEST(Connect, CleartextPasswordOverTcp) {
  auto c = open(tcp("sslmode=disable user=" + env("PGESQL_TEST_PASSWORD_USER") + " password=" +
                    env("PGESQL_TEST_PASSWORD_PASSWORD")));
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_PASSWORD_USER"));
}

TEST(Connect, ScramOverTcpWithoutTls) {
  auto c = open(tcp("sslmode=disable user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" +
                    env("PGESQL_TEST_SCRAM_PASSWORD")));
  EXPECT_FALSE(c->uses_tls());
  EXPECT_EQ(scalar(*c, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"), "f");
}

TEST(Connect, ScramPasswordIsSaslprepped) {
  // The server prepares the password it stores; "I<soft hyphen>X" and "IX" are then one password.
  auto admin = open(unix_socket());
  admin->simple_query("drop role if exists pgesql_saslprep");
  admin->simple_query("set password_encryption = 'scram-sha-256'");
  admin->simple_query("create role pgesql_saslprep login password 'I\xC2\xAD" "X'");
  for (const char *password : {"I\xC2\xAD" "X", "IX", "\xE2\x85\xA8"}) {
    auto c = open(tcp("sslmode=disable user=pgesql_saslprep password=" + std::string(password)));
    EXPECT_EQ(scalar(*c, "select current_user"), "pgesql_saslprep") << password;
  }
  EXPECT_EQ(open_error(tcp("sslmode=disable user=pgesql_saslprep password=I-X")).sqlstate(), "28P01");
  admin->simple_query("drop role pgesql_saslprep");
}

TEST(Connect, PasswordIsNotKeptOnceConnected) {
  auto c = open(tcp("sslmode=disable user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" +
                    env("PGESQL_TEST_SCRAM_PASSWORD")));
  EXPECT_FALSE(c->config().password.has_value());
  EXPECT_EQ(scalar(*c, "select 1"), "1");
}

TEST(Connect, WrongPasswordGivesTheServersError) {
  const conn::Error e = open_error(tcp("sslmode=disable user=" + env("PGESQL_TEST_SCRAM_USER") + " password=wrong"));
  EXPECT_EQ(e.origin(), conn::Error::Origin::server);
  EXPECT_EQ(e.sqlstate(), "28P01");
  EXPECT_EQ(e.message(), "password authentication failed for user \"" + env("PGESQL_TEST_SCRAM_USER") + "\"");
  EXPECT_EQ(e.fields().severity_nonlocalized, "FATAL");
}

TEST(Connect, WrongMd5PasswordGives28P01) {
  EXPECT_EQ(open_error(tcp("sslmode=disable user=" + env("PGESQL_TEST_MD5_USER") + " password=wrong")).sqlstate(), "28P01");
}

TEST(Connect, MissingPasswordIsAClientSideError) {
  const conn::Error e = open_error(tcp("sslmode=disable passfile=/nonexistent user=" + env("PGESQL_TEST_SCRAM_USER")));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("no password was supplied"), std::string::npos) << e.message();
}

TEST(Connect, UnknownDatabaseGives3D000) {
  const conn::Error e = open_error(unix_socket("dbname=no_such_database"));
  EXPECT_EQ(e.sqlstate(), "3D000");
  EXPECT_EQ(e.message(), "database \"no_such_database\" does not exist");
}

TEST(Connect, NothingListeningGives08001) {
  const conn::Error e = open_error("host=127.0.0.1 port=1 sslmode=disable");
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_EQ(e.origin(), conn::Error::Origin::connection);
  EXPECT_NE(e.message().find("Connection refused"), std::string::npos) << e.message();
  EXPECT_EQ(open_error("host=/nonexistent-dir port=5432").sqlstate(), "08001");
}

TEST(Connect, MultiHostSkipsAHostThatIsDown) {
  auto c = open("host=127.0.0.1,127.0.0.1 port=1," + env("PGESQL_TEST_PORT") + " dbname=" + env("PGESQL_TEST_DATABASE") +
                " sslmode=disable user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD"));
  EXPECT_EQ(c->host().port, std::stoi(env("PGESQL_TEST_PORT")));
  EXPECT_EQ(scalar(*c, "select 1"), "1");
}

TEST(Connect, MultiHostReportsEveryFailure) {
  const conn::Error e = open_error("host=127.0.0.1,/nonexistent-dir port=1 sslmode=disable");
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("port 1"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("/nonexistent-dir"), std::string::npos) << e.message();
}

TEST(Connect, TargetSessionAttrs) {
  EXPECT_TRUE(open(unix_socket("target_session_attrs=read-write")));
  EXPECT_TRUE(open(unix_socket("target_session_attrs=primary")));
  EXPECT_TRUE(open(unix_socket("target_session_attrs=prefer-standby")));
  EXPECT_TRUE(open(unix_socket("target_session_attrs=read-only options='-c default_transaction_read_only=on'")));
  const conn::Error e = open_error(unix_socket("target_session_attrs=read-only"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("session is not read-only"), std::string::npos) << e.message();
  EXPECT_EQ(open_error(unix_socket("target_session_attrs=standby")).sqlstate(), "08001");
  EXPECT_EQ(open_error(unix_socket("target_session_attrs=read-write options='-c default_transaction_read_only=on'"))
                .sqlstate(),
            "08001");
}

TEST(Connect, RequirePeer) {
  auto c = open(unix_socket("requirepeer=postgres"));
  EXPECT_EQ(scalar(*c, "select 1"), "1");
  const conn::Error e = open_error(unix_socket("requirepeer=somebody_else"));
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(e.message().find("requirepeer"), std::string::npos) << e.message();
}

TEST(Connect, StartupParameters) {
  auto c = open(unix_socket("application_name=pgesql-test client_encoding=LATIN1 options='-c search_path=pg_catalog'"));
  EXPECT_EQ(scalar(*c, "show application_name"), "pgesql-test");
  EXPECT_EQ(scalar(*c, "show search_path"), "pg_catalog");
  ASSERT_NE(c->parameter("client_encoding"), nullptr);
  EXPECT_EQ(*c->parameter("client_encoding"), "LATIN1");
}

TEST(Connect, ClientEncodingAutoFollowsTheLocale) {
  // The test program runs in the C locale: its codeset is ASCII.
  auto c = open(unix_socket("client_encoding=auto"));
  EXPECT_EQ(*c->parameter("client_encoding"), "SQL_ASCII");
}

TEST(Connect, ParameterStatusIsTracked) {
  auto c = open(unix_socket());
  for (const char *name : {"server_version", "client_encoding", "DateStyle", "integer_datetimes",
                           "standard_conforming_strings", "TimeZone"})
    EXPECT_NE(c->parameter(name), nullptr) << name;
  EXPECT_EQ(*c->parameter("integer_datetimes"), "on");
  EXPECT_GE(c->server_version(), 150000);
  EXPECT_LT(c->server_version(), 160000);
  c->simple_query("set datestyle = 'German, DMY'");
  EXPECT_EQ(*c->parameter("DateStyle"), "German, DMY");
}

TEST(Connect, PasswordFromPassfile) {
  const auto path = std::filesystem::temp_directory_path() / ("pgesql-pgpass-" + std::to_string(::getpid()));
  std::ofstream(path) << "127.0.0.1:" << env("PGESQL_TEST_PORT") << ":*:" << env("PGESQL_TEST_SCRAM_USER") << ":"
                      << env("PGESQL_TEST_SCRAM_PASSWORD") << "\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto c = open(tcp("sslmode=disable passfile=" + path.string() + " user=" + env("PGESQL_TEST_SCRAM_USER")));
  std::filesystem::remove(path);
  EXPECT_EQ(scalar(*c, "select current_user"), env("PGESQL_TEST_SCRAM_USER"));
}

TEST(Connect, EcpgTargetFormsResolve) {
  // dbname@host:port and tcp:postgresql:// reach the same server.
  setenv("PGPASSWORD", env("PGESQL_TEST_SCRAM_PASSWORD").c_str(), 1);
  setenv("PGSSLMODE", "disable", 1);
  auto a = conn::Connection::open(conn::config_from_target(env("PGESQL_TEST_DATABASE") + "@127.0.0.1:" + env("PGESQL_TEST_PORT"),
                                                           env("PGESQL_TEST_SCRAM_USER")));
  auto b = conn::Connection::open(conn::config_from_target("tcp:postgresql://127.0.0.1:" + env("PGESQL_TEST_PORT") + "/" +
                                                               env("PGESQL_TEST_DATABASE") + "?application_name=ecpgform",
                                                           env("PGESQL_TEST_SCRAM_USER")));
  auto u = conn::Connection::open(conn::config_from_target("unix:postgresql://localhost:" + env("PGESQL_TEST_PORT") + "/" +
                                                           env("PGESQL_TEST_DATABASE")));
  unsetenv("PGPASSWORD");
  unsetenv("PGSSLMODE");
  EXPECT_EQ(scalar(*a, "select current_database()"), env("PGESQL_TEST_DATABASE"));
  EXPECT_EQ(scalar(*b, "show application_name"), "ecpgform");
  EXPECT_EQ(scalar(*u, "select current_user"), "postgres");
}

TEST(Connect, ConnectTimeoutBoundsTheWait) {
  // A non-routable address: either it fails at once or connect_timeout ends the wait.
  const auto start = std::chrono::steady_clock::now();
  const conn::Error e = open_error("host=10.255.255.1 port=5432 connect_timeout=2 sslmode=disable");
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace pgesql::test
