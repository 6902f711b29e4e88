// Everything a connection attempt needs to know, resolved from the target
// string, the PG* environment, the service file and defaults.
#pragma once

#include <algorithm>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pgesql::conn {

// Where the server's socket is when no host is given (Debian's and libpq's default there).
inline constexpr const char *default_socket_dir = "/var/run/postgresql";
inline constexpr std::uint16_t default_port = 5432;

enum class SslMode { disable, allow, prefer, require, verify_ca, verify_full };
enum class ChannelBinding { disable, prefer, require };
enum class SslCertMode { disable, allow, require };  // sslcertmode (libpq 16)
enum class TargetSessionAttrs { any, read_write, read_only, primary, standby, prefer_standby };
enum class GssEncMode { disable, prefer, require };

// require_auth (libpq 16): the authentication methods a server may use, or (negated, "!md5")
// those it may not. Empty: any. Methods: password, md5, gss, sspi, scram-sha-256, none.
struct RequireAuth {
  std::string text;  // as given, for messages
  bool negated = false;
  std::vector<std::string> methods;
  bool allows(const std::string &method) const {
    if (methods.empty()) return true;
    const bool listed = std::find(methods.begin(), methods.end(), method) != methods.end();
    return negated ? !listed : listed;
  }
};

struct HostSpec {
  std::string host;      // name, IP address, or an absolute socket directory
  std::string hostaddr;  // numeric address to connect to instead of resolving host
  std::uint16_t port = 5432;

  bool is_unix_socket() const { return hostaddr.empty() && !host.empty() && host[0] == '/'; }
  // The socket file for a unix-socket host: DIR/.s.PGSQL.PORT.
  std::string socket_path() const { return host + "/.s.PGSQL." + std::to_string(port); }
};

struct Config {
  std::vector<HostSpec> hosts;  // tried in order
  std::string dbname;
  std::string user;
  std::optional<std::string> password;  // unset: look in the password file
  std::string passfile;
  std::string application_name;
  std::string options;          // command-line options sent to the backend
  std::string client_encoding;  // empty: let the server's default stand
  // Server settings libpq takes from PGDATESTYLE and PGTZ and sends at start-up.
  std::vector<std::pair<std::string, std::string>> environment_settings;
  std::chrono::seconds connect_timeout{0};  // 0: wait as long as the OS does, per host
  // pgesql_statement_timeout / PGESQL_STATEMENT_TIMEOUT: after this long without the reply to a
  // request, a CancelRequest is sent (the server then reports 57014). 0: never.
  std::chrono::milliseconds statement_timeout{0};
  // pgesql_read_timeout / PGESQL_READ_TIMEOUT: a server silent this long while a reply (or room to
  // write) is awaited breaks the connection with 08006. 0: wait as long as TCP does.
  std::chrono::milliseconds read_timeout{0};
  TargetSessionAttrs target_session_attrs = TargetSessionAttrs::any;
  bool load_balance_hosts = false;  // load_balance_hosts=random: hosts, and each host's addresses, in random order
  bool ssl_direct = false;          // sslnegotiation=direct (PostgreSQL 17+): TLS without SSLRequest, sslmode>=require
  // min_protocol_version / max_protocol_version (libpq 18): the minor version of protocol 3
  // asked for (max) and accepted when the server negotiates down (min); 3.0 and 3.2 exist.
  int min_protocol_minor = 0;
  int max_protocol_minor = 0;
  RequireAuth require_auth;

  SslMode sslmode = SslMode::prefer;
  std::string sslrootcert;  // "system" uses the OpenSSL default store (and implies verify-full)
  SslCertMode sslcertmode = SslCertMode::allow;  // disable: never send sslcert; require: the server must ask
  std::string sslcert;
  std::string sslkey;
  std::string sslcrl;
  std::string sslcrldir;
  std::string sslpassword;  // passphrase of an encrypted sslkey
  std::string ssl_min_protocol_version = "TLSv1.2";
  std::string ssl_max_protocol_version;  // empty: the newest OpenSSL offers
  bool sslsni = true;
  std::string sslkeylogfile;  // libpq 18: append TLS session keys there (debugging with Wireshark)
  ChannelBinding channel_binding = ChannelBinding::prefer;

  // GSSAPI: transport encryption (asked for before TLS, TCP only; prefer asks only when the
  // user holds Kerberos credentials), the server's service name, credential delegation.
  GssEncMode gssencmode = GssEncMode::prefer;
  std::string krbsrvname = "postgres";
  bool gss_delegation = false;

  bool keepalives = true;
  int keepalives_idle = 0;  // seconds; 0 keeps the OS default
  int keepalives_interval = 0;
  int keepalives_count = 0;
  int tcp_user_timeout_ms = 0;  // 0 keeps the OS default

  std::string requirepeer;  // unix sockets: the OS user the server must run as

  // Options of pgesql itself, spelled pgesql_<name> in a connection string (e.g. pgesql_statement_cache=off).
  std::map<std::string, std::string> pgesql_options;
};

// A connection string or option that cannot be used. Messages never contain a password.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Cleanses a Config's password and key passphrase (OPENSSL_cleanse), e.g. once connected.
void cleanse_secrets(Config &config);

// Cleanses a Config's secrets when the scope ends.
class SecretsCleansedOnExit {
 public:
  explicit SecretsCleansedOnExit(Config &config) : config_(config) {}
  ~SecretsCleansedOnExit() { cleanse_secrets(config_); }
  SecretsCleansedOnExit(const SecretsCleansedOnExit &) = delete;
  SecretsCleansedOnExit &operator=(const SecretsCleansedOnExit &) = delete;

 private:
  Config &config_;
};

const char *to_string(SslMode mode);
const char *to_string(TargetSessionAttrs attrs);

}  // namespace pgesql::conn
