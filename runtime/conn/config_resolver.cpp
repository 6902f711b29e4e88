#include "conn/config_resolver.hpp"

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "auth/crypto.hpp"
#include "auth/gss_context.hpp"
#include "conn/pgpass.hpp"
#include "conn/service_file.hpp"

namespace pgesql::conn {
namespace {

struct Keyword {
  const char *name;
  const char *env;  // nullptr: no environment variable
};

constexpr Keyword keywords[] = {
    {"host", "PGHOST"},
    {"hostaddr", "PGHOSTADDR"},
    {"port", "PGPORT"},
    {"dbname", "PGDATABASE"},
    {"user", "PGUSER"},
    {"password", "PGPASSWORD"},
    {"passfile", "PGPASSFILE"},
    {"service", "PGSERVICE"},
    {"connect_timeout", "PGCONNECT_TIMEOUT"},
    {"client_encoding", "PGCLIENTENCODING"},
    {"options", "PGOPTIONS"},
    {"application_name", "PGAPPNAME"},
    {"fallback_application_name", nullptr},
    {"keepalives", nullptr},
    {"keepalives_idle", nullptr},
    {"keepalives_interval", nullptr},
    {"keepalives_count", nullptr},
    {"tcp_user_timeout", nullptr},
    {"sslmode", "PGSSLMODE"},
    {"sslcompression", "PGSSLCOMPRESSION"},
    {"sslcert", "PGSSLCERT"},
    {"sslkey", "PGSSLKEY"},
    {"sslpassword", nullptr},
    {"sslrootcert", "PGSSLROOTCERT"},
    {"sslcrl", "PGSSLCRL"},
    {"sslcrldir", "PGSSLCRLDIR"},
    {"sslsni", "PGSSLSNI"},
    {"sslkeylogfile", nullptr},
    // OAuth (libpq 18) is accepted; a server asking for OAUTHBEARER fails the connection as a SASL
    // mechanism pgesql does not offer.
    {"oauth_issuer", nullptr},
    {"oauth_client_id", nullptr},
    {"oauth_client_secret", nullptr},
    {"oauth_scope", nullptr},
    {"ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION"},
    {"ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION"},
    {"requirepeer", "PGREQUIREPEER"},
    {"gssencmode", "PGGSSENCMODE"},
    {"krbsrvname", "PGKRBSRVNAME"},
    {"gsslib", "PGGSSLIB"},
    {"gssdelegation", "PGGSSDELEGATION"},
    {"channel_binding", "PGCHANNELBINDING"},
    {"target_session_attrs", "PGTARGETSESSIONATTRS"},
    {"load_balance_hosts", "PGLOADBALANCEHOSTS"},
    {"sslnegotiation", "PGSSLNEGOTIATION"},
    {"sslcertmode", "PGSSLCERTMODE"},
    {"min_protocol_version", "PGMINPROTOCOLVERSION"},
    {"max_protocol_version", "PGMAXPROTOCOLVERSION"},
    {"require_auth", "PGREQUIREAUTH"},
    {"replication", nullptr},
};

bool is_keyword(const std::string &name) {
  for (const auto &k : keywords)
    if (name == k.name) return true;
  return false;
}

using Values = std::map<std::string, std::string>;

// Adds options to `values` without overriding what is already there.
void fill(Values &values, const Options &options, bool only_unset) {
  for (const auto &[key, value] : options) {
    if (key.starts_with("pgesql_")) {
      if (!only_unset || !values.contains(key)) values[key] = value;
      continue;
    }
    if (!is_keyword(key)) throw ConfigError("invalid connection option \"" + key + "\"");
    if (!only_unset || !values.contains(key)) values[key] = value;
  }
}

std::optional<std::string> read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void apply_service(Values &values, const Environment &env) {
  const auto service = values.find("service");
  if (service == values.end()) return;
  std::vector<std::string> files;
  if (const auto f = env.variable("PGSERVICEFILE")) files.push_back(*f);
  else if (!env.home.empty()) files.push_back(env.home + "/.pg_service.conf");
  const auto sysconf = env.variable("PGSYSCONFDIR");
  files.push_back((sysconf ? *sysconf : std::string("/etc/postgresql-common")) + "/pg_service.conf");
  for (const auto &file : files) {
    const auto text = read_file(file);
    if (!text) continue;
    if (const auto options = find_service(*text, service->second, file)) {
      fill(values, *options, true);
      return;
    }
  }
  throw ConfigError("definition of service \"" + service->second + "\" not found");
}

std::vector<std::string> split_list(const std::string &s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? s.npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

int parse_int(const std::string &key, const std::string &text) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    throw ConfigError("invalid integer value \"" + text + "\" for connection option \"" + key + "\"");
  return v;
}

std::uint16_t parse_port(const std::string &text) {
  if (text.empty()) return default_port;
  const int v = parse_int("port", text);
  if (v < 1 || v > 65535) throw ConfigError("invalid port number: \"" + text + "\"");
  return static_cast<std::uint16_t>(v);
}

std::vector<HostSpec> resolve_hosts(const Values &values) {
  const auto get = [&](const char *key) {
    const auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
  };
  std::vector<std::string> hosts = split_list(get("host"));
  std::vector<std::string> addrs = split_list(get("hostaddr"));
  const std::vector<std::string> ports = split_list(get("port"));
  const bool has_addrs = !get("hostaddr").empty();
  if (has_addrs && get("host").empty()) hosts.assign(addrs.size(), "");
  if (has_addrs && addrs.size() != hosts.size())
    throw ConfigError("could not match " + std::to_string(hosts.size()) + " host names to " +
                      std::to_string(addrs.size()) + " hostaddr values");
  if (ports.size() != 1 && ports.size() != hosts.size())
    throw ConfigError("could not match " + std::to_string(ports.size()) + " port numbers to " +
                      std::to_string(hosts.size()) + " hosts");
  std::vector<HostSpec> out;
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    HostSpec h;
    h.host = hosts[i];
    if (has_addrs) h.hostaddr = addrs[i];
    if (h.host.empty() && h.hostaddr.empty()) h.host = default_socket_dir;
    h.port = parse_port(ports.size() == 1 ? ports[0] : ports[i]);
    out.push_back(std::move(h));
  }
  return out;
}

template <typename Enum, std::size_t N>
Enum parse_enum(const std::string &key, const std::string &text, const std::pair<const char *, Enum> (&names)[N]) {
  for (const auto &[name, value] : names)
    if (text == name) return value;
  throw ConfigError("invalid " + key + " value: \"" + text + "\"");
}

bool parse_bool(const std::string &key, const std::string &text) {
  if (text == "1" || text == "on" || text == "true" || text == "yes") return true;
  if (text == "0" || text == "off" || text == "false" || text == "no") return false;
  throw ConfigError("invalid " + key + " value: \"" + text + "\"");
}

// The keyword values of one connection, as the steps below read them.
struct Lookup {
  const Values &values;
  const std::string *operator()(const char *key) const {
    const auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
};

// Keywords given, then the service file's, then the PG* environment variables: the first wins.
Values gather_values(const Options &given, const Environment &env) {
  Values values;
  fill(values, given, false);
  if (!values.contains("service"))
    if (const auto s = env.variable("PGSERVICE")) values["service"] = *s;
  apply_service(values, env);
  for (const auto &k : keywords) {
    if (k.env == nullptr || values.contains(k.name)) continue;
    if (const auto v = env.variable(k.env)) values[k.name] = *v;
  }
  return values;
}

// Who connects to what, and the session's startup settings.
void resolve_session(Config &c, const Lookup &get, const Environment &env) {
  c.user = get("user") && !get("user")->empty() ? *get("user") : env.os_user;
  c.dbname = get("dbname") && !get("dbname")->empty() ? *get("dbname") : c.user;
  if (const auto *p = get("password"); p && !p->empty()) c.password = *p;
  c.passfile = get("passfile") ? *get("passfile") : (env.home.empty() ? "" : env.home + "/.pgpass");
  if (const auto *a = get("application_name"); a && !a->empty()) c.application_name = *a;
  else if (const auto *f = get("fallback_application_name")) c.application_name = *f;
  if (const auto *o = get("options")) c.options = *o;
  if (const auto *e = get("client_encoding")) c.client_encoding = *e;
  for (const auto &[variable, setting] : {std::pair{"PGDATESTYLE", "datestyle"}, std::pair{"PGTZ", "timezone"}})
    if (const auto v = env.variable(variable); v && !v->empty()) c.environment_settings.emplace_back(setting, *v);
  if (const auto *t = get("connect_timeout"); t && !t->empty()) {
    int seconds = parse_int("connect_timeout", *t);
    if (seconds > 0 && seconds < 2) seconds = 2;  // libpq's minimum, so one slow DNS answer is not fatal
    c.connect_timeout = std::chrono::seconds(seconds < 0 ? 0 : seconds);
  }
  if (const auto *r = get("requirepeer")) c.requirepeer = *r;
}

// "scram-sha-256,md5" or "!password,!md5", as libpq 16 reads require_auth.
RequireAuth parse_require_auth(const std::string &value) {
  RequireAuth r;
  r.text = value;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t comma = value.find(',', start);
    std::string method = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const bool negated = !method.empty() && method[0] == '!';
    if (negated) method.erase(0, 1);
    if (first) r.negated = negated;
    else if (negated != r.negated)
      throw ConfigError("negative require_auth method \"" + method + "\" cannot be mixed with non-negative methods");
    if (method != "password" && method != "md5" && method != "gss" && method != "sspi" && method != "scram-sha-256" &&
        method != "none")
      throw ConfigError("invalid require_auth value: \"" + method + "\"");
    if (std::find(r.methods.begin(), r.methods.end(), method) != r.methods.end())
      throw ConfigError("require_auth method \"" + method + "\" is specified more than once");
    r.methods.push_back(method);
    if (comma == std::string::npos) return r;
    start = comma + 1;
  }
}

void resolve_modes(Config &c, const Lookup &get) {
  if (const auto *t = get("target_session_attrs"))
    c.target_session_attrs = parse_enum<TargetSessionAttrs>("target_session_attrs", *t,
                                                            {{"any", TargetSessionAttrs::any},
                                                             {"read-write", TargetSessionAttrs::read_write},
                                                             {"read-only", TargetSessionAttrs::read_only},
                                                             {"primary", TargetSessionAttrs::primary},
                                                             {"standby", TargetSessionAttrs::standby},
                                                             {"prefer-standby", TargetSessionAttrs::prefer_standby}});
  if (const auto *m = get("sslmode"))
    c.sslmode = parse_enum<SslMode>("sslmode", *m,
                                    {{"disable", SslMode::disable},
                                     {"allow", SslMode::allow},
                                     {"prefer", SslMode::prefer},
                                     {"require", SslMode::require},
                                     {"verify-ca", SslMode::verify_ca},
                                     {"verify-full", SslMode::verify_full}});
  if (const auto *l = get("load_balance_hosts"))
    c.load_balance_hosts = parse_enum<bool>("load_balance_hosts", *l, {{"disable", false}, {"random", true}});
  if (const auto *r = get("require_auth"); r && !r->empty()) c.require_auth = parse_require_auth(*r);
  const auto protocol_minor = [](const char *key, const std::string &v) {
    if (v == "3.0") return 0;
    if (v == "3.2" || v == "latest") return 2;
    throw ConfigError(std::string("invalid ") + key + " value: \"" + v + "\" (expected 3.0, 3.2 or latest)");
  };
  if (const auto *v = get("min_protocol_version"); v && !v->empty()) c.min_protocol_minor = protocol_minor("min_protocol_version", *v);
  if (const auto *v = get("max_protocol_version"); v && !v->empty()) c.max_protocol_minor = protocol_minor("max_protocol_version", *v);
  else c.max_protocol_minor = std::max(c.max_protocol_minor, c.min_protocol_minor);  // unset: at least what min asks
  if (c.min_protocol_minor > c.max_protocol_minor)
    throw ConfigError("min_protocol_version is greater than max_protocol_version");
  if (const auto *n = get("sslnegotiation")) {
    c.ssl_direct = parse_enum<bool>("sslnegotiation", *n, {{"postgres", false}, {"direct", true}});
    if (c.ssl_direct && c.sslmode < SslMode::require)
      throw ConfigError("weak sslmode \"" + std::string(get("sslmode") ? *get("sslmode") : "prefer") +
                        "\" may not be used with sslnegotiation=direct (use \"require\", \"verify-ca\", or \"verify-full\")");
  }
  if (const auto *b = get("channel_binding"))
    c.channel_binding = parse_enum<ChannelBinding>(
        "channel_binding", *b,
        {{"disable", ChannelBinding::disable}, {"prefer", ChannelBinding::prefer}, {"require", ChannelBinding::require}});
}

// TLS files default to ~/.postgresql/ when they exist there, as in libpq.
void resolve_tls(Config &c, const Lookup &get, const Environment &env) {
  const std::string tls_dir = env.home.empty() ? "" : env.home + "/.postgresql/";
  const auto tls_file = [&](const char *key, const char *default_name) {
    if (const auto *v = get(key)) return *v;
    const std::string path = tls_dir + default_name;
    return !tls_dir.empty() && env.file_exists && env.file_exists(path) ? path : std::string();
  };
  c.sslrootcert = tls_file("sslrootcert", "root.crt");
  // sslrootcert=system: the system's CAs vouch for any host name, so the name is checked too
  if (c.sslrootcert == "system") {
    const std::string *mode = get("sslmode");
    if (mode == nullptr) c.sslmode = SslMode::verify_full;
    else if (c.sslmode != SslMode::verify_full)
      throw ConfigError("weak sslmode \"" + *mode + "\" may not be used with sslrootcert=system (use \"verify-full\")");
  }
  if (const auto *m = get("sslcertmode"))
    c.sslcertmode = parse_enum<SslCertMode>(
        "sslcertmode", *m, {{"disable", SslCertMode::disable}, {"allow", SslCertMode::allow}, {"require", SslCertMode::require}});
  c.sslcert = tls_file("sslcert", "postgresql.crt");
  c.sslkey = tls_file("sslkey", "postgresql.key");
  c.sslcrl = tls_file("sslcrl", "root.crl");
  if (const auto *d = get("sslcrldir")) c.sslcrldir = *d;
  if (const auto *s = get("sslsni")) c.sslsni = parse_bool("sslsni", *s);
  if (const auto *k = get("sslkeylogfile")) c.sslkeylogfile = *k;
  if (const auto *p = get("sslpassword")) c.sslpassword = *p;
  const auto tls_version = [&](const char *key, std::string &slot) {
    const auto *v = get(key);
    if (v == nullptr || v->empty()) return;
    if (*v != "TLSv1" && *v != "TLSv1.1" && *v != "TLSv1.2" && *v != "TLSv1.3")
      throw ConfigError("invalid " + std::string(key) + " value: \"" + *v + "\"");
    slot = *v;
  };
  tls_version("ssl_min_protocol_version", c.ssl_min_protocol_version);
  tls_version("ssl_max_protocol_version", c.ssl_max_protocol_version);
}

void resolve_tcp(Config &c, const Lookup &get) {
  if (const auto *k = get("keepalives")) c.keepalives = parse_bool("keepalives", *k);
  if (const auto *k = get("keepalives_idle"); k && !k->empty()) c.keepalives_idle = parse_int("keepalives_idle", *k);
  if (const auto *k = get("keepalives_interval"); k && !k->empty())
    c.keepalives_interval = parse_int("keepalives_interval", *k);
  if (const auto *k = get("keepalives_count"); k && !k->empty()) c.keepalives_count = parse_int("keepalives_count", *k);
  if (const auto *t = get("tcp_user_timeout"); t && !t->empty())
    c.tcp_user_timeout_ms = parse_int("tcp_user_timeout", *t);
}

void resolve_gss(Config &c, const Lookup &get) {
  if (const auto *m = get("gssencmode"))
    c.gssencmode = parse_enum<GssEncMode>(
        "gssencmode", *m, {{"disable", GssEncMode::disable}, {"prefer", GssEncMode::prefer}, {"require", GssEncMode::require}});
  // Refused rather than ignored: a connection must not silently go unencrypted.
  if (c.gssencmode == GssEncMode::require && !auth::gss_supported())
    throw ConfigError("gssencmode value \"require\" invalid when GSSAPI support is not compiled in");
  if (const auto *k = get("krbsrvname"); k && !k->empty()) c.krbsrvname = *k;
  if (const auto *d = get("gssdelegation"); d && !d->empty()) c.gss_delegation = parse_bool("gssdelegation", *d);
}

// Refused rather than ignored: a connection must not silently lack what was asked for.
void refuse_unsupported(const Lookup &get) {
  if (const auto *r = get("replication"); r && !r->empty() && *r != "0" && *r != "false" && *r != "off" && *r != "no")
    throw ConfigError("replication connections are not supported");
}

// pgesql_* keywords, and the timeouts that also come from PGESQL_* variables.
void resolve_pgesql_options(Config &c, const Lookup &get, const Environment &env) {
  for (const auto &[key, value] : get.values)
    if (key.starts_with("pgesql_")) c.pgesql_options[key.substr(7)] = value;
  const auto milliseconds = [&](const char *key, const char *env_name) {
    std::optional<std::string> text;
    if (const auto *v = get(key)) text = *v;
    else text = env.variable(env_name);
    if (!text || text->empty()) return std::chrono::milliseconds(0);
    const int ms = parse_int(key, *text);
    return std::chrono::milliseconds(ms < 0 ? 0 : ms);
  };
  c.statement_timeout = milliseconds("pgesql_statement_timeout", "PGESQL_STATEMENT_TIMEOUT");
  c.read_timeout = milliseconds("pgesql_read_timeout", "PGESQL_READ_TIMEOUT");
}

}  // namespace

Config resolve_config(const Options &given, const Environment &env) {
  const Values values = gather_values(given, env);
  const Lookup get{values};
  Config c;
  c.hosts = resolve_hosts(values);
  resolve_session(c, get, env);
  resolve_modes(c, get);
  resolve_tls(c, get, env);
  resolve_tcp(c, get);
  resolve_gss(c, get);
  refuse_unsupported(get);
  resolve_pgesql_options(c, get, env);
  return c;
}

Config config_from_target(std::string_view target, std::string_view user, std::string_view password) {
  Options options = target.empty() ? Options{} : parse_target(target);
  if (!user.empty()) options.emplace_back("user", std::string(user));
  if (!password.empty()) options.emplace_back("password", std::string(password));
  // The parsed options hold the password too: cleansed whether or not resolving succeeds.
  struct OptionsCleanser {
    Options &options;
    ~OptionsCleanser() {
      for (auto &[key, value] : options)
        if (key == "password" || key == "sslpassword") auth::cleanse(value);
    }
  } cleanser{options};
  return resolve_config(options, process_environment());
}

void cleanse_secrets(Config &config) {
  if (config.password) auth::cleanse(*config.password);
  config.password.reset();
  auth::cleanse(config.sslpassword);
}

std::optional<std::string> password_for_host(const Config &config, const HostSpec &host) {
  if (config.password) return config.password;
  if (config.passfile.empty()) return std::nullopt;
  // Like libpq, a password file others can read is ignored rather than trusted.
  struct stat st {};
  if (::stat(config.passfile.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    return std::nullopt;
  auto text = read_file(config.passfile);
  if (!text) return std::nullopt;
  const auth::CleansedOnExit wipe(*text);
  const std::string name = host.host.empty() ? host.hostaddr : host.host;
  return find_pgpass_password(*text, pgpass_host_name(name), std::to_string(host.port), config.dbname, config.user);
}

const char *to_string(SslMode mode) {
  switch (mode) {
    case SslMode::disable: return "disable";
    case SslMode::allow: return "allow";
    case SslMode::prefer: return "prefer";
    case SslMode::require: return "require";
    case SslMode::verify_ca: return "verify-ca";
    case SslMode::verify_full: return "verify-full";
  }
  return "?";
}

const char *to_string(TargetSessionAttrs attrs) {
  switch (attrs) {
    case TargetSessionAttrs::any: return "any";
    case TargetSessionAttrs::read_write: return "read-write";
    case TargetSessionAttrs::read_only: return "read-only";
    case TargetSessionAttrs::primary: return "primary";
    case TargetSessionAttrs::standby: return "standby";
    case TargetSessionAttrs::prefer_standby: return "prefer-standby";
  }
  return "?";
}

}  // namespace pgesql::conn
