// Connection::open: per host, the socket, GSSAPI encryption (gssencmode) or TLS
// negotiation (sslmode), the startup packet, authentication, and the
// target_session_attrs check.
#include <memory>

#include "auth/crypto.hpp"
#include "auth/gss_context.hpp"
#include "auth/md5_password.hpp"
#include "auth/scram_client.hpp"
#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"
#include "net/gss_transport.hpp"
#include "net/random_order.hpp"
#include "net/socket.hpp"
#include "net/tls.hpp"

namespace pgesql::conn {

namespace fe = protocol::frontend;
namespace be = protocol::backend;

// The steps of one connection attempt to one host; a friend of Connection.
class ConnectionStarter {
 public:
  ConnectionStarter(const Config &config, const HostSpec &host) : config_(config), host_(host) {}

  // One attempt; `use_gss` decides whether GSSENCRequest is sent first, `use_tls` whether
  // SSLRequest is (TCP only; not once GSSAPI encryption is up).
  std::unique_ptr<Connection> attempt(bool use_gss, bool use_tls);
  // Whether the server turned TLS down or the handshake failed (for prefer's fallback).
  bool tls_unavailable() const { return tls_unavailable_; }
  // Whether GSSAPI encryption could not be set up (the server does not know GSSENCRequest,
  // or the GSSAPI exchange failed): gssencmode=prefer then tries a new connection without it.
  bool gss_failed() const { return gss_failed_; }
  bool gss_encrypted() const { return gss_encrypted_; }

 private:
  std::unique_ptr<Connection> start(bool use_gss, bool use_tls);
  std::unique_ptr<net::Transport> open_transport(bool use_gss, bool use_tls);
  // Sends GSSENCRequest; the GSSAPI transport when the server accepts, else null (the
  // socket stays usable for SSLRequest).
  std::unique_ptr<net::Transport> negotiate_gss(net::Socket &socket);
  void gss_authenticate(Connection &c, const protocol::Authentication &request);
  // The next startup reply that is not asynchronous; an ErrorResponse or a read failure ends
  // the attempt.
  protocol::RawMessage next_reply(Connection &c);
  void authenticate(Connection &c);
  void sasl(Connection &c, const protocol::Authentication &request);
  void finish_startup(Connection &c);
  void check_session_attrs(Connection &c);
  std::string password_or_fail();

  const Config &config_;
  const HostSpec &host_;
  net::Deadline deadline_;
  bool tls_unavailable_ = false;
  bool gss_failed_ = false;
  bool gss_encrypted_ = false;
  std::unique_ptr<auth::GssContext> gss_auth_;  // the `gss` authentication exchange under way
  bool channel_bound_ = false;
  bool auth_requested_ = false;  // the server asked for some authentication (else: "none")
  int protocol_minor_ = 0;       // of protocol 3: asked for, then what the server negotiated
  // require_auth: refuses `method` before anything is sent for it; `asked` says what the server did.
  void require_method(Connection &c, const char *method, const char *asked) const;
};

namespace {

// The transport's view of a GSSAPI context: auth and net do not know each other.
class GssSealing final : public net::SealingContext {
 public:
  explicit GssSealing(std::unique_ptr<auth::GssContext> context) : context_(std::move(context)) {}
  std::string step(std::string_view server_token) override { return context_->step(server_token); }
  bool established() const override { return context_->established(); }
  std::size_t max_plaintext(std::size_t sealed_limit) const override { return context_->max_plaintext(sealed_limit); }
  std::string seal(std::string_view plain) const override { return context_->wrap(plain); }
  std::string open(std::string_view sealed) const override { return context_->unwrap(sealed); }

 private:
  std::unique_ptr<auth::GssContext> context_;
};

[[noreturn]] void connect_error(std::string message, bool timed_out = false) {
  throw Error::connection_failure(sqlstate::unable_to_connect, std::move(message), timed_out);
}

std::string host_label(const HostSpec &h) {
  if (h.is_unix_socket()) return "server on socket \"" + h.socket_path() + "\"";
  return "server at \"" + (h.host.empty() ? h.hostaddr : h.host) + "\", port " + std::to_string(h.port);
}

}  // namespace

std::unique_ptr<net::Transport> ConnectionStarter::negotiate_gss(net::Socket &socket) {
  protocol::Buffer request;
  fe::gssenc_request(request);
  socket.write_all(request, deadline_);
  char answer = 0;
  // Exactly one byte: what follows is the first GSSAPI token or the SSL negotiation.
  if (socket.read_some(&answer, 1, deadline_) == 0) {
    gss_failed_ = true;
    connect_error("server closed the connection during the GSSAPI encryption request");
  }
  if (answer == 'N') {
    if (config_.gssencmode == GssEncMode::require)
      connect_error("server doesn't support GSSAPI encryption, but it was required");
    return nullptr;
  }
  gss_failed_ = true;  // until the context is up
  if (answer == 'E') connect_error("server does not understand the GSSAPI encryption request (it is older than PostgreSQL 12)");
  if (answer != 'G') connect_error(std::string("received invalid response to GSSAPI negotiation: ") + answer);
  std::unique_ptr<auth::GssContext> context;
  try {
    context = std::make_unique<auth::GssContext>(config_.krbsrvname, host_.host, true, config_.gss_delegation);
  } catch (const auth::GssError &e) {
    connect_error(e.what());
  }
  auto transport =
      net::GssTransport::handshake(std::move(socket), std::make_unique<GssSealing>(std::move(context)), deadline_);
  gss_failed_ = false;
  gss_encrypted_ = true;
  return transport;
}

std::unique_ptr<net::Transport> ConnectionStarter::open_transport(bool use_gss, bool use_tls) {
  if (config_.connect_timeout.count() > 0) deadline_ = net::Clock::now() + config_.connect_timeout;
  try {
    if (host_.is_unix_socket()) {
      net::Socket socket = net::Socket::connect_unix(host_.socket_path(), deadline_);
      if (!config_.requirepeer.empty()) {
        const std::string peer = socket.peer_user_name();
        if (peer != config_.requirepeer)
          connect_error("requirepeer specifies \"" + config_.requirepeer + "\", but actual peer user name is \"" +
                        peer + "\"");
      }
      return std::make_unique<net::Socket>(std::move(socket));
    }
    net::KeepaliveOptions k{config_.keepalives, config_.keepalives_idle, config_.keepalives_interval,
                            config_.keepalives_count, config_.tcp_user_timeout_ms};
    net::Socket socket =
        net::Socket::connect_tcp(host_.host, host_.hostaddr, host_.port, deadline_, k, config_.load_balance_hosts);
    if (use_gss)
      if (auto gss = negotiate_gss(socket)) return gss;
    if (!use_tls) return std::make_unique<net::Socket>(std::move(socket));
    // sslnegotiation=direct: the TLS handshake is the first thing sent (no SSLRequest)
    if (!config_.ssl_direct) {
      protocol::Buffer request;
      fe::ssl_request(request);
      socket.write_all(request, deadline_);
      char answer = 0;
      // Exactly one byte: anything the server sent after it must not be read as plaintext.
      if (socket.read_some(&answer, 1, deadline_) == 0) connect_error("server closed the connection during the SSL request");
      switch (protocol::decode_encryption_response(answer)) {
        case protocol::EncryptionResponse::accepted: break;
        case protocol::EncryptionResponse::refused:
          tls_unavailable_ = true;
          if (config_.sslmode >= SslMode::require) connect_error("server does not support SSL, but SSL was required");
          return std::make_unique<net::Socket>(std::move(socket));
        case protocol::EncryptionResponse::error:
        case protocol::EncryptionResponse::malformed:
          tls_unavailable_ = true;
          connect_error(std::string("received invalid response to SSL negotiation: ") + answer);
      }
    }
    net::TlsOptions o;
    o.root_cert = config_.sslrootcert;
    // require with a root certificate present verifies the chain, as libpq does.
    o.verify_chain = config_.sslmode >= SslMode::verify_ca ||
                     (config_.sslmode == SslMode::require && !config_.sslrootcert.empty());
    o.verify_host = config_.sslmode == SslMode::verify_full;
    o.cert_file = config_.sslcertmode == SslCertMode::disable ? std::string() : config_.sslcert;
    o.require_certificate_request = config_.sslcertmode == SslCertMode::require;
    o.key_file = config_.sslkey;
    o.crl_file = config_.sslcrl;
    o.crl_dir = config_.sslcrldir;
    o.key_passphrase = config_.sslpassword;
    o.min_version = config_.ssl_min_protocol_version;
    o.max_version = config_.ssl_max_protocol_version;
    o.host = host_.host.empty() ? host_.hostaddr : host_.host;
    o.send_sni = config_.sslsni;
    o.key_log_file = config_.sslkeylogfile;
    o.direct = config_.ssl_direct;
    try {
      return net::TlsTransport::handshake(std::move(socket), o, deadline_);
    } catch (const net::NetError &) {
      tls_unavailable_ = config_.sslmode < SslMode::require;
      throw;
    }
  } catch (const net::NetError &e) {
    connect_error(e.what(), e.timed_out());
  }
}

std::string ConnectionStarter::password_or_fail() {
  auto password = password_for_host(config_, host_);
  if (!password) throw Error::connection_failure(sqlstate::unable_to_connect, "password authentication requested, but no password was supplied");
  std::string copy = *password;
  auth::cleanse(*password);
  return copy;
}

std::unique_ptr<Connection> ConnectionStarter::attempt(bool use_gss, bool use_tls) {
  try {
    return start(use_gss, use_tls);
  } catch (const Error &e) {
    // A connection lost before it was ready is a failure to connect, not a broken session.
    if (e.origin() != Error::Origin::connection || e.sqlstate() != sqlstate::connection_failure) throw;
    throw Error::connection_failure(sqlstate::unable_to_connect, e.message(), e.timed_out());
  }
}

std::unique_ptr<Connection> ConnectionStarter::start(bool use_gss, bool use_tls) {
  auto stream = std::make_unique<MessageStream>(open_transport(use_gss, use_tls));
  std::unique_ptr<Connection> c(new Connection(config_, host_, std::move(stream)));
  std::vector<protocol::StartupParam> params{{"user", config_.user}, {"database", config_.dbname}};
  if (!config_.application_name.empty()) params.emplace_back("application_name", config_.application_name);
  const std::string encoding = config_.client_encoding == "auto" ? locale_client_encoding() : config_.client_encoding;
  if (!encoding.empty()) params.emplace_back("client_encoding", encoding);
  if (!config_.options.empty()) params.emplace_back("options", config_.options);
  for (const auto &[setting, value] : config_.environment_settings) params.emplace_back(setting, value);
  for (const auto &[name, value] : params)
    if (!protocol::is_protocol_string(name) || !protocol::is_protocol_string(value))
      throw Error::client_error(sqlstate::invalid_parameter_value, "connection parameter contains a zero byte");
  fe::startup(c->out_, params, config_.max_protocol_minor >= 2 ? protocol::protocol_version_3_2 : protocol::protocol_version_3);
  protocol_minor_ = config_.max_protocol_minor;
  c->flush_output();
  authenticate(*c);
  c->protocol_minor_ = protocol_minor_;
  finish_startup(*c);
  check_session_attrs(*c);
  c->forget_secrets();
  return c;
}

protocol::RawMessage ConnectionStarter::next_reply(Connection &c) {
  for (;;) {
    protocol::RawMessage m;
    try {
      m = c.stream_->next(deadline_);
    } catch (Error &e) {
      c.fail(Error::connection_failure(sqlstate::unable_to_connect, e.message(), e.timed_out()));
    }
    if (m.tag == 'E') c.fail(c.server_error(m.body));
    if (!c.handle_async(m)) return m;
  }
}

void ConnectionStarter::require_method(Connection &c, const char *method, const char *asked) const {
  if (config_.require_auth.allows(method)) return;
  c.fail(Error::connection_failure(sqlstate::unable_to_connect, "authentication method requirement \"" +
                                                                    config_.require_auth.text + "\" failed: server " +
                                                                    asked));
}

void ConnectionStarter::authenticate(Connection &c) {
  for (;;) {
    const protocol::RawMessage m = next_reply(c);
    if (m.tag == 'v') {  // NegotiateProtocolVersion: the server speaks an older minor version (PG 15: 3.0)
      const auto n = be::parse_negotiate_protocol_version(m.body);
      // servers send the whole version number (3 << 16 | minor), as libpq reads it
      const std::int32_t minor = n ? (n->newest_minor >= 0x10000 ? n->newest_minor & 0xFFFF : n->newest_minor) : -1;
      if (!n || minor < 0 || minor > protocol_minor_ || (n->newest_minor >= 0x10000 && (n->newest_minor >> 16) != 3))
        c.protocol_violation(m, "(malformed NegotiateProtocolVersion)");
      if (minor < config_.min_protocol_minor)
        c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                         "server only supports protocol version 3." + std::to_string(minor) +
                                             ", but min_protocol_version was set to 3." +
                                             std::to_string(config_.min_protocol_minor)));
      protocol_minor_ = minor;
      continue;
    }
    if (m.tag != 'R') c.protocol_violation(m, "during authentication");
    const auto request = be::parse_authentication(m.body);
    if (!request) c.protocol_violation(m, "(malformed Authentication request)");
    switch (request->request) {
      case protocol::AuthRequest::ok:
        // GSSAPI encryption authenticated the client already, and counts as `gss` (as in libpq).
        if (!auth_requested_ && !(gss_encrypted_ && config_.require_auth.allows("gss")))
          require_method(c, "none", "did not complete authentication");
        if (config_.channel_binding == ChannelBinding::require && !channel_bound_)
          c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                           "channel binding required, but server authenticated client without channel binding"));
        return;
      case protocol::AuthRequest::cleartext_password:
      case protocol::AuthRequest::md5_password: {
        auth_requested_ = true;
        if (request->request == protocol::AuthRequest::md5_password) require_method(c, "md5", "requested a hashed password");
        else require_method(c, "password", "requested a cleartext password");
        if (config_.channel_binding == ChannelBinding::require)
          c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                           "channel binding required but not supported by server's authentication request"));
        std::string password = password_or_fail();
        const auth::CleansedOnExit wipe_password(password);
        std::string response = request->request == protocol::AuthRequest::md5_password
                                   ? auth::md5_password_response(config_.user, password, request->md5_salt)
                                   : password;
        const auth::CleansedOnExit wipe_response(response);
        protocol::Buffer message;
        fe::password(message, response);
        c.send_secret(message);
        break;
      }
      case protocol::AuthRequest::sasl:
        auth_requested_ = true;
        require_method(c, "scram-sha-256", "requested SASL authentication");
        sasl(c, *request);
        break;
      case protocol::AuthRequest::gss:
      case protocol::AuthRequest::gss_continue:
        auth_requested_ = true;
        require_method(c, "gss", "requested GSSAPI authentication");
        if (config_.channel_binding == ChannelBinding::require)
          c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                           "channel binding required but not supported by server's authentication request"));
        gss_authenticate(c, *request);
        break;
      case protocol::AuthRequest::sspi:
        require_method(c, "sspi", "requested SSPI authentication");
        [[fallthrough]];
      default:
        c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                         "authentication method " + std::to_string(static_cast<int>(request->request)) +
                                             " requested by the server is not supported"));
    }
  }
}

// AuthenticationGSS starts the exchange, each AuthenticationGSSContinue carries the server's
// next token; AuthenticationOk ends it.
void ConnectionStarter::gss_authenticate(Connection &c, const protocol::Authentication &request) {
  try {
    if (request.request == protocol::AuthRequest::gss) {
      if (gss_auth_) c.fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: GSSAPI authentication requested twice"));
      gss_auth_ = std::make_unique<auth::GssContext>(config_.krbsrvname, host_.is_unix_socket() ? std::string() : host_.host,
                                                     false, config_.gss_delegation);
    } else if (!gss_auth_ || gss_auth_->established()) {
      c.fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: unexpected GSSAPI continuation"));
    }
    const std::string token = gss_auth_->step(request.request == protocol::AuthRequest::gss ? std::string_view() : request.data);
    if (token.empty()) return;
    fe::gss_response(c.out_, token);
    c.flush_output();
  } catch (const auth::GssError &e) {
    c.fail(Error::connection_failure(sqlstate::unable_to_connect, e.what()));
  }
}

void ConnectionStarter::sasl(Connection &c, const protocol::Authentication &request) {
  bool offers_plain = false, offers_plus = false;
  for (const auto mechanism : request.mechanisms) {
    offers_plain = offers_plain || mechanism == "SCRAM-SHA-256";
    offers_plus = offers_plus || mechanism == "SCRAM-SHA-256-PLUS";
  }
  const bool tls = c.stream_->transport().is_tls();
  auth::ScramClient::Binding binding = auth::ScramClient::Binding::none;
  std::string binding_data;
  if (tls && offers_plus && config_.channel_binding != ChannelBinding::disable) {
    binding = auth::ScramClient::Binding::server_end_point;
    binding_data = static_cast<net::TlsTransport &>(c.stream_->transport()).server_end_point();
    if (binding_data.empty())
      c.fail(Error::connection_failure(sqlstate::unable_to_connect, "could not compute the server certificate hash for channel binding"));
  } else if (config_.channel_binding == ChannelBinding::require) {
    c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                     "channel binding is required, but server did not offer an authentication method "
                                     "that supports channel binding"));
  } else if (!offers_plain) {
    c.fail(Error::connection_failure(sqlstate::unable_to_connect,
                                     "none of the server's SASL authentication mechanisms are supported"));
  } else if (tls && config_.channel_binding != ChannelBinding::disable) {
    binding = auth::ScramClient::Binding::not_offered;
  }
  std::string password = password_or_fail();
  auth::ScramClient scram(password, binding, binding_data);
  auth::cleanse(password);
  fe::sasl_initial_response(c.out_, scram.mechanism(), scram.client_first());
  c.flush_output();
  bool sent_final = false;
  for (;;) {
    const protocol::RawMessage m = next_reply(c);
    if (m.tag != 'R') c.protocol_violation(m, "during SASL authentication");
    const auto step = be::parse_authentication(m.body);
    if (!step) c.protocol_violation(m, "(malformed Authentication request)");
    std::string error;
    if (step->request == protocol::AuthRequest::sasl_continue && !sent_final) {
      std::string final_message;  // carries the client proof
      const auth::CleansedOnExit wipe_final(final_message);
      if (!scram.handle_server_first(step->data, &final_message, &error))
        c.fail(Error::connection_failure(sqlstate::unable_to_connect, error));
      protocol::Buffer message;
      fe::sasl_response(message, final_message);
      c.send_secret(message);
      sent_final = true;
    } else if (step->request == protocol::AuthRequest::sasl_final && sent_final) {
      if (!scram.handle_server_final(step->data, &error))
        c.fail(Error::connection_failure(sqlstate::unable_to_connect, error));
      channel_bound_ = binding == auth::ScramClient::Binding::server_end_point;
      return;  // AuthenticationOk follows
    } else {
      c.fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: unexpected step in SASL authentication"));
    }
  }
}

void ConnectionStarter::finish_startup(Connection &c) {
  for (;;) {
    const protocol::RawMessage m = next_reply(c);
    switch (m.tag) {
      case 'K': {
        const auto key = be::parse_backend_key_data(m.body, protocol_minor_);
        if (!key) c.protocol_violation(m, "(malformed BackendKeyData)");
        c.backend_key_ = *key;
        break;
      }
      case 'Z':
        c.read_ready_for_query(m.body);
        return;
      case 'v':
        break;
      default:
        c.protocol_violation(m, "during connection startup");
    }
  }
}

void ConnectionStarter::check_session_attrs(Connection &c) {
  const TargetSessionAttrs want = config_.target_session_attrs;
  if (want == TargetSessionAttrs::any || want == TargetSessionAttrs::prefer_standby) return;
  const auto reported_on = [&](const char *name) -> std::optional<bool> {
    const std::string *v = c.parameter(name);
    if (v == nullptr) return std::nullopt;
    return *v == "on";
  };
  std::optional<bool> standby = reported_on("in_hot_standby");
  std::optional<bool> read_only = reported_on("default_transaction_read_only");
  // Servers before 14 do not report these; ask.
  if (!standby) {
    const auto r = c.simple_query("SELECT pg_catalog.pg_is_in_recovery()");
    standby = !r.empty() && r[0].row_count() == 1 && r[0].value(0, 0) == "t";
  }
  if (!read_only) {
    const auto r = c.simple_query("SHOW transaction_read_only");
    read_only = !r.empty() && r[0].row_count() == 1 && r[0].value(0, 0) == "on";
  }
  const bool is_read_only = *standby || *read_only;
  const char *mismatch = nullptr;
  switch (want) {
    case TargetSessionAttrs::read_write: if (is_read_only) mismatch = "session is read-only"; break;
    case TargetSessionAttrs::read_only: if (!is_read_only) mismatch = "session is not read-only"; break;
    case TargetSessionAttrs::primary: if (*standby) mismatch = "server is in hot standby mode"; break;
    case TargetSessionAttrs::standby: if (!*standby) mismatch = "server is not in hot standby mode"; break;
    default: break;
  }
  if (mismatch != nullptr) {
    c.close();
    connect_error(mismatch);
  }
}

std::unique_ptr<Connection> Connection::open(const Config &config) {
  if (config.hosts.empty()) throw Error::client_error(sqlstate::unable_to_connect, "no host to connect to");
  std::string failures;
  bool last_timed_out = false;
  const auto try_host = [&](const HostSpec &host, TargetSessionAttrs attrs) -> std::unique_ptr<Connection> {
    Config effective = config;
    const SecretsCleansedOnExit wipe_effective(effective);
    effective.target_session_attrs = attrs;
    const bool tcp = !host.is_unix_socket();
    // TLS is never used over unix-domain sockets (as with libpq); sslmode only governs TCP.
    const bool tls_first = tcp && config.sslmode != SslMode::disable && config.sslmode != SslMode::allow;
    // GSSAPI encryption comes before TLS, over TCP, and only for a user with credentials (as in
    // libpq: without a ticket, prefer costs nothing and require fails at once).
    const bool gss_first = tcp && config.gssencmode != GssEncMode::disable && auth::gss_have_credentials();
    if (config.gssencmode == GssEncMode::require && !gss_first)
      connect_error("GSSAPI encryption required but was impossible (possibly no credential cache, no server support, or "
                    "using a local socket)");
    const auto with_tls_modes = [&](bool gss) -> std::unique_ptr<Connection> {
      ConnectionStarter starter(effective, host);
      try {
        return starter.attempt(gss, tls_first);
      } catch (const Error &e) {
        const bool server_refused = e.origin() == Error::Origin::server;
        // gssencmode=prefer: GSSAPI encryption failed, or the server refused us over it (pg_hba
        // has no hostgssenc line for us): a new connection without it (null), as libpq does.
        if (gss && config.gssencmode == GssEncMode::prefer &&
            (starter.gss_failed() || (starter.gss_encrypted() && server_refused)))
          return nullptr;
        if (starter.gss_encrypted()) throw;  // TLS played no part
        // prefer: retry without TLS when TLS failed or the server refused us over TLS.
        if (tcp && config.sslmode == SslMode::prefer && tls_first && (starter.tls_unavailable() || server_refused) &&
            !(server_refused && starter.tls_unavailable())) {
          ConnectionStarter plain(effective, host);
          return plain.attempt(false, false);
        }
        // allow: retry with TLS when the server refused the plaintext connection.
        if (tcp && config.sslmode == SslMode::allow && server_refused) {
          ConnectionStarter secure(effective, host);
          return secure.attempt(false, true);
        }
        throw;
      }
    };
    if (gss_first)
      if (auto c = with_tls_modes(true)) return c;
    return with_tls_modes(false);
  };
  // load_balance_hosts=random: one random order for this connection, kept across both passes
  std::vector<HostSpec> hosts = config.hosts;
  if (config.load_balance_hosts) net::shuffle_in_place(hosts);
  const auto pass = [&](TargetSessionAttrs attrs) -> std::unique_ptr<Connection> {
    for (const HostSpec &host : hosts) {
      try {
        return try_host(host, attrs);
      } catch (const Error &e) {
        // A server that refused us (bad password, unknown database) ends the search, as in libpq.
        if (e.origin() == Error::Origin::server) throw;
        if (!failures.empty()) failures += "\n";
        // Socket errors already name the server; others get its name here.
        failures += e.message().starts_with("connection to ") ? e.message()
                                                              : "connection to " + host_label(host) + " failed: " + e.message();
        last_timed_out = e.timed_out();
      }
    }
    return nullptr;
  };
  if (config.target_session_attrs == TargetSessionAttrs::prefer_standby) {
    if (auto c = pass(TargetSessionAttrs::standby)) return c;
  }
  if (auto c = pass(config.target_session_attrs == TargetSessionAttrs::prefer_standby ? TargetSessionAttrs::any
                                                                                       : config.target_session_attrs))
    return c;
  throw Error::connection_failure(sqlstate::unable_to_connect, failures, last_timed_out);
}

}  // namespace pgesql::conn
