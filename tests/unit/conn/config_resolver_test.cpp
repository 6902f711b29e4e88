#include "auth/gss_context.hpp"
#include "conn/config_resolver.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace pgesql::conn {
namespace {

using KV = std::pair<std::string, std::string>;

Environment fake_env(std::map<std::string, std::string> vars, std::string home = "/nohome") {
  Environment env;
  env.variable = [vars = std::move(vars)](const std::string &name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  env.home = std::move(home);
  env.os_user = "osuser";
  env.file_exists = [](const std::string &) { return false; };
  return env;
}

TEST(ResolveConfig, Defaults) {
  const Config c = resolve_config({}, fake_env({}));
  ASSERT_EQ(c.hosts.size(), 1u);
  EXPECT_EQ(c.hosts[0].host, default_socket_dir);
  EXPECT_TRUE(c.hosts[0].is_unix_socket());
  EXPECT_EQ(c.hosts[0].port, 5432);
  EXPECT_EQ(c.hosts[0].socket_path(), std::string(default_socket_dir) + "/.s.PGSQL.5432");
  EXPECT_EQ(c.user, "osuser");
  EXPECT_EQ(c.dbname, "osuser");
  EXPECT_FALSE(c.password);
  EXPECT_EQ(c.passfile, "/nohome/.pgpass");
  EXPECT_EQ(c.sslmode, SslMode::prefer);
  EXPECT_EQ(c.channel_binding, ChannelBinding::prefer);
  EXPECT_EQ(c.target_session_attrs, TargetSessionAttrs::any);
  EXPECT_EQ(c.connect_timeout.count(), 0);
}

TEST(ResolveConfig, EnvironmentFillsWhatIsNotGiven) {
  const Config c = resolve_config({KV{"dbname", "given"}},
                                  fake_env({{"PGHOST", "envhost"}, {"PGPORT", "6000"}, {"PGDATABASE", "envdb"},
                                            {"PGUSER", "envuser"}, {"PGPASSWORD", "pw"}, {"PGSSLMODE", "require"},
                                            {"PGCONNECT_TIMEOUT", "7"}, {"PGAPPNAME", "app"},
                                            {"PGOPTIONS", "-c geqo=off"}, {"PGPASSFILE", "/pf"},
                                            {"PGTARGETSESSIONATTRS", "read-write"}}));
  EXPECT_EQ(c.hosts[0].host, "envhost");
  EXPECT_FALSE(c.hosts[0].is_unix_socket());
  EXPECT_EQ(c.hosts[0].port, 6000);
  EXPECT_EQ(c.dbname, "given");
  EXPECT_EQ(c.user, "envuser");
  EXPECT_EQ(c.password, "pw");
  EXPECT_EQ(c.sslmode, SslMode::require);
  EXPECT_EQ(c.connect_timeout.count(), 7);
  EXPECT_EQ(c.application_name, "app");
  EXPECT_EQ(c.options, "-c geqo=off");
  EXPECT_EQ(c.passfile, "/pf");
  EXPECT_EQ(c.target_session_attrs, TargetSessionAttrs::read_write);
}

TEST(ResolveConfig, DateStyleAndTimeZoneFromTheEnvironmentAreStartupSettings) {
  const Config c = resolve_config({}, fake_env({{"PGDATESTYLE", "Postgres, MDY"}, {"PGTZ", "PST8PDT"}}));
  const std::vector<std::pair<std::string, std::string>> expected{{"datestyle", "Postgres, MDY"},
                                                                  {"timezone", "PST8PDT"}};
  EXPECT_EQ(c.environment_settings, expected);
  EXPECT_TRUE(resolve_config({}, fake_env({{"PGTZ", ""}})).environment_settings.empty());
}

TEST(ResolveConfig, RequireAuthListsOrForbidsMethods) {
  Config c = resolve_config({KV{"require_auth", "scram-sha-256,md5"}}, fake_env({}));
  EXPECT_FALSE(c.require_auth.negated);
  EXPECT_TRUE(c.require_auth.allows("md5"));
  EXPECT_FALSE(c.require_auth.allows("password"));
  EXPECT_FALSE(c.require_auth.allows("none"));
  c = resolve_config({}, fake_env({{"PGREQUIREAUTH", "!password,!none"}}));
  EXPECT_TRUE(c.require_auth.negated);
  EXPECT_FALSE(c.require_auth.allows("password"));
  EXPECT_TRUE(c.require_auth.allows("scram-sha-256"));
  EXPECT_EQ(c.require_auth.text, "!password,!none");
  EXPECT_TRUE(resolve_config({}, fake_env({})).require_auth.allows("none"));  // not given: anything
  for (const char *bad : {"md5,!password", "kerberos", "md5,md5", "scram-sha-256,", "!"})
    EXPECT_THROW(resolve_config({KV{"require_auth", bad}}, fake_env({})), ConfigError) << bad;
}

TEST(ResolveConfig, LoadBalanceHosts) {
  EXPECT_FALSE(resolve_config({}, fake_env({})).load_balance_hosts);
  EXPECT_TRUE(resolve_config({KV{"load_balance_hosts", "random"}}, fake_env({})).load_balance_hosts);
  EXPECT_TRUE(resolve_config({}, fake_env({{"PGLOADBALANCEHOSTS", "random"}})).load_balance_hosts);
  EXPECT_FALSE(resolve_config({KV{"load_balance_hosts", "disable"}}, fake_env({})).load_balance_hosts);
  EXPECT_THROW(resolve_config({KV{"load_balance_hosts", "sometimes"}}, fake_env({})), ConfigError);
}

TEST(ResolveConfig, DirectSslNegotiationNeedsARequiredSslMode) {
  EXPECT_FALSE(resolve_config({}, fake_env({})).ssl_direct);
  EXPECT_TRUE(resolve_config({KV{"sslmode", "require"}, KV{"sslnegotiation", "direct"}}, fake_env({})).ssl_direct);
  EXPECT_TRUE(resolve_config({KV{"sslmode", "verify-full"}}, fake_env({{"PGSSLNEGOTIATION", "direct"}})).ssl_direct);
  EXPECT_FALSE(resolve_config({KV{"sslnegotiation", "postgres"}}, fake_env({})).ssl_direct);
  for (const char *weak : {"disable", "allow", "prefer"})
    EXPECT_THROW(resolve_config({KV{"sslmode", weak}, KV{"sslnegotiation", "direct"}}, fake_env({})), ConfigError) << weak;
  EXPECT_THROW(resolve_config({KV{"sslnegotiation", "direct"}}, fake_env({})), ConfigError);  // sslmode defaults to prefer
  EXPECT_THROW(resolve_config({KV{"sslnegotiation", "tls"}}, fake_env({})), ConfigError);
}

TEST(ResolveConfig, ProtocolVersions) {
  Config c = resolve_config({}, fake_env({}));
  EXPECT_EQ(c.min_protocol_minor, 0);
  EXPECT_EQ(c.max_protocol_minor, 0);  // 3.0 unless asked, as libpq 18
  EXPECT_EQ(resolve_config({KV{"max_protocol_version", "latest"}}, fake_env({})).max_protocol_minor, 2);
  c = resolve_config({}, fake_env({{"PGMINPROTOCOLVERSION", "3.2"}}));
  EXPECT_EQ(c.min_protocol_minor, 2);
  EXPECT_EQ(c.max_protocol_minor, 2);  // max follows a higher min
  EXPECT_THROW(resolve_config({KV{"min_protocol_version", "3.2"}, KV{"max_protocol_version", "3.0"}}, fake_env({})),
               ConfigError);
  EXPECT_THROW(resolve_config({KV{"max_protocol_version", "3.1"}}, fake_env({})), ConfigError);
}

TEST(ResolveConfig, SystemRootCertAndSslCertMode) {
  EXPECT_EQ(resolve_config({KV{"sslrootcert", "system"}}, fake_env({})).sslmode, SslMode::verify_full);
  EXPECT_THROW(resolve_config({KV{"sslrootcert", "system"}, KV{"sslmode", "require"}}, fake_env({})), ConfigError);
  EXPECT_NO_THROW(resolve_config({KV{"sslrootcert", "system"}, KV{"sslmode", "verify-full"}}, fake_env({})));
  EXPECT_EQ(resolve_config({}, fake_env({})).sslcertmode, SslCertMode::allow);
  EXPECT_EQ(resolve_config({}, fake_env({{"PGSSLCERTMODE", "require"}})).sslcertmode, SslCertMode::require);
  EXPECT_THROW(resolve_config({KV{"sslcertmode", "always"}}, fake_env({})), ConfigError);
}

TEST(ResolveConfig, MultipleHostsWithOneOrManyPorts) {
  Config c = resolve_config({KV{"host", "a,b,/sock"}, KV{"port", "1,2,3"}}, fake_env({}));
  ASSERT_EQ(c.hosts.size(), 3u);
  EXPECT_EQ(c.hosts[1].host, "b");
  EXPECT_EQ(c.hosts[1].port, 2);
  EXPECT_TRUE(c.hosts[2].is_unix_socket());
  c = resolve_config({KV{"host", "a,b"}, KV{"port", "7"}}, fake_env({}));
  EXPECT_EQ(c.hosts[0].port, 7);
  EXPECT_EQ(c.hosts[1].port, 7);
  c = resolve_config(parse_uri("postgresql://a:1,b/db"), fake_env({}));
  EXPECT_EQ(c.hosts[0].port, 1);
  EXPECT_EQ(c.hosts[1].port, 5432);
  EXPECT_THROW(resolve_config({KV{"host", "a,b,c"}, KV{"port", "1,2"}}, fake_env({})), ConfigError);
}

TEST(ResolveConfig, HostAddr) {
  const Config c = resolve_config({KV{"hostaddr", "127.0.0.1"}}, fake_env({}));
  ASSERT_EQ(c.hosts.size(), 1u);
  EXPECT_EQ(c.hosts[0].hostaddr, "127.0.0.1");
  EXPECT_FALSE(c.hosts[0].is_unix_socket());
}

TEST(ResolveConfig, BadValuesAreErrors) {
  const auto env = fake_env({});
  EXPECT_THROW(resolve_config({KV{"sslmode", "sometimes"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"port", "0"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"port", "x"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"connect_timeout", "soon"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"target_session_attrs", "fast"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"channel_binding", "maybe"}}, env), ConfigError);
  EXPECT_THROW(resolve_config({KV{"colour", "blue"}}, env), ConfigError);
}

TEST(ResolveConfig, ErrorsNeverShowThePassword) {
  try {
    resolve_config(parse_keyword_value("password=hunter2 sslmode=hunter2x"), fake_env({}));
    FAIL();
  } catch (const ConfigError &e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2 "), std::string::npos);
  }
}

TEST(ResolveConfig, ConnectTimeoutMinimumAndPgesqlOptions) {
  const Config c = resolve_config({KV{"connect_timeout", "1"}, KV{"pgesql_statement_cache", "off"}}, fake_env({}));
  EXPECT_EQ(c.connect_timeout.count(), 2);
  EXPECT_EQ(c.pgesql_options.at("statement_cache"), "off");
}

TEST(ResolveConfig, StatementAndReadTimeoutsFromOptionsOrEnvironment) {
  Config c = resolve_config({}, fake_env({}));
  EXPECT_EQ(c.statement_timeout.count(), 0);
  EXPECT_EQ(c.read_timeout.count(), 0);
  c = resolve_config({}, fake_env({{"PGESQL_STATEMENT_TIMEOUT", "1500"}, {"PGESQL_READ_TIMEOUT", "9000"}}));
  EXPECT_EQ(c.statement_timeout.count(), 1500);
  EXPECT_EQ(c.read_timeout.count(), 9000);
  c = resolve_config(parse_keyword_value("pgesql_statement_timeout=250 pgesql_read_timeout=0"),
                     fake_env({{"PGESQL_STATEMENT_TIMEOUT", "1500"}, {"PGESQL_READ_TIMEOUT", "9000"}}));
  EXPECT_EQ(c.statement_timeout.count(), 250);
  EXPECT_EQ(c.read_timeout.count(), 0);
  EXPECT_THROW(resolve_config(parse_keyword_value("pgesql_read_timeout=5s"), fake_env({})), ConfigError);
}

TEST(ResolveConfig, TlsAndSocketOptions) {
  const Config c = resolve_config(parse_keyword_value("sslpassword=pp ssl_min_protocol_version=TLSv1.3 "
                                                      "ssl_max_protocol_version=TLSv1.3 tcp_user_timeout=500 "
                                                      "requirepeer=postgres sslsni=0 keepalives=0"),
                                  fake_env({}));
  EXPECT_EQ(c.sslpassword, "pp");
  EXPECT_EQ(c.ssl_min_protocol_version, "TLSv1.3");
  EXPECT_EQ(c.ssl_max_protocol_version, "TLSv1.3");
  EXPECT_EQ(c.tcp_user_timeout_ms, 500);
  EXPECT_EQ(c.requirepeer, "postgres");
  EXPECT_FALSE(c.sslsni);
  EXPECT_FALSE(c.keepalives);
  EXPECT_THROW(resolve_config({KV{"ssl_min_protocol_version", "SSLv3"}}, fake_env({})), ConfigError);
  EXPECT_THROW(resolve_config({KV{"replication", "database"}}, fake_env({})), ConfigError);
  EXPECT_THROW(resolve_config({KV{"gssencmode", "always"}}, fake_env({})), ConfigError);
  // require is refused only by a build without GSSAPI: it must not silently go unencrypted.
  if (auth::gss_supported()) {
    const Config g = resolve_config({KV{"gssencmode", "require"}, KV{"krbsrvname", "pg"}, KV{"gssdelegation", "1"}},
                                    fake_env({}));
    EXPECT_EQ(g.gssencmode, GssEncMode::require);
    EXPECT_EQ(g.krbsrvname, "pg");
    EXPECT_TRUE(g.gss_delegation);
  } else {
    EXPECT_THROW(resolve_config({KV{"gssencmode", "require"}}, fake_env({})), ConfigError);
  }
  EXPECT_EQ(resolve_config({}, fake_env({{"PGGSSENCMODE", "disable"}})).gssencmode, GssEncMode::disable);
  // libpq 18's OAuth keywords are accepted (a server asking for OAUTHBEARER is then refused).
  EXPECT_NO_THROW(resolve_config({KV{"oauth_issuer", "https://issuer"}, KV{"oauth_client_id", "app"}}, fake_env({})));
  EXPECT_EQ(resolve_config({KV{"sslkeylogfile", "/tmp/k"}}, fake_env({})).sslkeylogfile, "/tmp/k");
}

TEST(ResolveConfig, FallbackApplicationName) {
  EXPECT_EQ(resolve_config({KV{"fallback_application_name", "f"}}, fake_env({})).application_name, "f");
  EXPECT_EQ(resolve_config({KV{"fallback_application_name", "f"}, KV{"application_name", "a"}}, fake_env({}))
                .application_name,
            "a");
}

class ResolveWithFiles : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("pgesql-conn-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string &name, const std::string &text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(ResolveWithFiles, ServiceFileSitsBetweenGivenAndEnvironment) {
  const auto file = write("svc.conf", "[svc]\nhost=svchost\ndbname=svcdb\nport=7000\n");
  const Config c = resolve_config({KV{"service", "svc"}, KV{"port", "7001"}},
                                  fake_env({{"PGSERVICEFILE", file}, {"PGHOST", "envhost"}, {"PGUSER", "envuser"}}));
  EXPECT_EQ(c.hosts[0].host, "svchost");
  EXPECT_EQ(c.hosts[0].port, 7001);
  EXPECT_EQ(c.dbname, "svcdb");
  EXPECT_EQ(c.user, "envuser");
}

TEST_F(ResolveWithFiles, PgserviceEnvironmentAndMissingService) {
  const auto file = write("svc.conf", "[svc]\ndbname=svcdb\n");
  EXPECT_EQ(resolve_config({}, fake_env({{"PGSERVICEFILE", file}, {"PGSERVICE", "svc"}})).dbname, "svcdb");
  try {
    resolve_config({KV{"service", "nope"}},
                   fake_env({{"PGSERVICEFILE", file}, {"PGSYSCONFDIR", dir_.string()}}));
    FAIL();
  } catch (const ConfigError &e) {
    EXPECT_STREQ(e.what(), "definition of service \"nope\" not found");
  }
}

TEST_F(ResolveWithFiles, PasswordFromPassfile) {
  const auto file = write("pgpass", "h:5432:db:u:frompass\nlocalhost:5432:db:u:local\n");
  std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  Config c = resolve_config({KV{"host", "h,/var/run/postgresql"}, KV{"dbname", "db"}, KV{"user", "u"},
                             KV{"passfile", file}},
                            fake_env({}));
  EXPECT_EQ(password_for_host(c, c.hosts[0]), "frompass");
  EXPECT_EQ(password_for_host(c, c.hosts[1]), "local");
  std::filesystem::permissions(file, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
  EXPECT_FALSE(password_for_host(c, c.hosts[0])) << "a group-readable password file is ignored";
  c.password = "given";
  EXPECT_EQ(password_for_host(c, c.hosts[0]), "given");
}

}  // namespace
}  // namespace pgesql::conn
