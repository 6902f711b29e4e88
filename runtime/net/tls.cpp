#include "net/tls.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

namespace pgesql::net {

struct TlsTransport::Handles {
  SSL_CTX *ctx = nullptr;
  SSL *ssl = nullptr;
  bool certificate_requested = false;  // the server asked for a client certificate (sslcertmode=require)
  std::string key_log_file;            // sslkeylogfile
  ~Handles() {
    if (ssl != nullptr) SSL_free(ssl);
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

namespace {

std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "no error details";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

[[noreturn]] void fail(const std::string &message) { throw NetError(sqlstate::unable_to_connect, message); }

bool file_exists(const std::string &path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

int tls_version(const std::string &name) {
  if (name == "TLSv1") return TLS1_VERSION;
  if (name == "TLSv1.1") return TLS1_1_VERSION;
  if (name == "TLSv1.3") return TLS1_3_VERSION;
  return TLS1_2_VERSION;
}

void configure(SSL_CTX *ctx, const TlsOptions &o) {
  // Read whole socket buffers rather than a record header and body apart: half the recv calls.
  SSL_CTX_set_read_ahead(ctx, 1);
  SSL_CTX_set_min_proto_version(ctx, tls_version(o.min_version));
  if (!o.max_version.empty()) SSL_CTX_set_max_proto_version(ctx, tls_version(o.max_version));
  // OpenSSL's default callback reads the passphrase from this pointer; it must outlive the context use.
  if (!o.key_passphrase.empty())
    SSL_CTX_set_default_passwd_cb_userdata(ctx, const_cast<char *>(o.key_passphrase.c_str()));
  if (!o.root_cert.empty()) {
    const bool loaded = o.root_cert == "system" ? SSL_CTX_set_default_verify_paths(ctx) == 1
                                                : SSL_CTX_load_verify_locations(ctx, o.root_cert.c_str(), nullptr) == 1;
    if (!loaded) fail("could not read root certificate file \"" + o.root_cert + "\": " + openssl_error());
  }
  if (o.verify_chain) {
    if (o.root_cert.empty())
      fail("root certificate file is not set, so the server certificate cannot be verified: set sslrootcert "
           "(or sslrootcert=system), or use an sslmode that does not verify");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  } else {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  }
  // As libpq: a CRL file or directory that is named but absent means no revocation check.
  const bool use_crl_file = !o.crl_file.empty() && file_exists(o.crl_file);
  const bool use_crl_dir = !o.crl_dir.empty() && file_exists(o.crl_dir);
  if (use_crl_file || use_crl_dir) {
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    if (use_crl_file && X509_STORE_load_file(store, o.crl_file.c_str()) != 1)
      fail("could not load SSL certificate revocation list \"" + o.crl_file + "\": " + openssl_error());
    if (use_crl_dir && X509_STORE_load_path(store, o.crl_dir.c_str()) != 1)
      fail("could not load SSL certificate revocation list directory \"" + o.crl_dir + "\": " + openssl_error());
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  }
  if (!o.cert_file.empty() && file_exists(o.cert_file)) {
    if (SSL_CTX_use_certificate_chain_file(ctx, o.cert_file.c_str()) != 1)
      fail("could not read certificate file \"" + o.cert_file + "\": " + openssl_error());
    const std::string &key = o.key_file.empty() ? o.cert_file : o.key_file;
    if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1)
      fail("could not load private key file \"" + key + "\": " + openssl_error());
    if (SSL_CTX_check_private_key(ctx) != 1)
      fail("certificate does not match private key file \"" + key + "\": " + openssl_error());
  }
}

// Host name checks as PostgreSQL defines them: DNS names in the subjectAltName (a
// wildcard only as a whole leftmost label), IP addresses against iPAddress entries,
// the common name only when there are no SAN names of the same kind.
void check_host(SSL *ssl, const std::string &host) {
  X509 *cert = SSL_get1_peer_certificate(ssl);
  if (cert == nullptr) fail("server did not present a certificate");
  const int ok = is_ip_address(host)
                     ? X509_check_ip_asc(cert, host.c_str(), 0)
                     : X509_check_host(cert, host.c_str(), host.size(), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr);
  X509_free(cert);
  if (ok != 1) fail("server certificate does not match host name \"" + host + "\"");
}

// sslkeylogfile (libpq 18): the session keys in NSS key log format, for Wireshark. Created
// private (0600); a file that cannot be written costs a warning, not the connection.
void log_session_key(const SSL *ssl, const char *line) {
  const auto *path = static_cast<const std::string *>(SSL_get_app_data(ssl));
  if (path == nullptr || path->empty()) return;
  const int fd = ::open(path->c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::fprintf(stderr, "WARNING: could not open SSL key logging file \"%s\": %s\n", path->c_str(), std::strerror(errno));
    return;
  }
  // No allocation here: this runs inside OpenSSL, where no exception may pass.
  char newline[] = "\n";
  iovec parts[2] = {{const_cast<char *>(line), std::strlen(line)}, {newline, 1}};
  const ssize_t written = ::writev(fd, parts, 2);
  if (written != static_cast<ssize_t>(parts[0].iov_len + 1))
    std::fprintf(stderr, "WARNING: could not write to SSL key logging file \"%s\"\n", path->c_str());
  ::close(fd);
}

}  // namespace

bool is_ip_address(const std::string &host) {
  unsigned char buf[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, host.c_str(), buf) == 1 || ::inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

TlsTransport::TlsTransport(Socket socket, std::unique_ptr<Handles> handles)
    : socket_(std::move(socket)), handles_(std::move(handles)) {}

TlsTransport::~TlsTransport() {
  // A close_notify is courtesy; never wait for the server's.
  if (handles_ && handles_->ssl != nullptr) {
    SSL_set_quiet_shutdown(handles_->ssl, 1);
    SSL_shutdown(handles_->ssl);
  }
}

std::unique_ptr<TlsTransport> TlsTransport::handshake(Socket socket, const TlsOptions &options, Deadline deadline) {
  auto h = std::make_unique<Handles>();
  ERR_clear_error();
  h->ctx = SSL_CTX_new(TLS_client_method());
  if (h->ctx == nullptr) fail("could not create SSL context: " + openssl_error());
  configure(h->ctx, options);
  // Writes interleave with reads (see MessageStream::write): allow partial writes and a retried
  // write to come from a different buffer address.
  SSL_CTX_set_mode(h->ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  h->ssl = SSL_new(h->ctx);
  if (h->ssl == nullptr || SSL_set_fd(h->ssl, socket.fd()) != 1) fail("could not establish SSL connection: " + openssl_error());
  if (!options.key_log_file.empty()) {
    h->key_log_file = options.key_log_file;
    SSL_set_app_data(h->ssl, &h->key_log_file);
    SSL_CTX_set_keylog_callback(h->ctx, log_session_key);
  }
  if (options.send_sni && !options.host.empty() && !is_ip_address(options.host) && options.host[0] != '/')
    SSL_set_tlsext_host_name(h->ssl, options.host.c_str());
  static const unsigned char alpn_postgresql[] = {10, 'p', 'o', 's', 't', 'g', 'r', 'e', 's', 'q', 'l'};
  if (options.require_certificate_request)
    SSL_set_cert_cb(
        h->ssl,
        [](SSL *, void *handles) {
          static_cast<Handles *>(handles)->certificate_requested = true;
          return 1;
        },
        h.get());
  if (options.direct && SSL_set_alpn_protos(h->ssl, alpn_postgresql, sizeof alpn_postgresql) != 0)
    fail("could not set the SSL ALPN extension: " + openssl_error());
  for (;;) {
    const int rc = SSL_connect(h->ssl);
    if (rc == 1) break;
    const int err = SSL_get_error(h->ssl, rc);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
      wait_for(socket.fd(), err == SSL_ERROR_WANT_WRITE, deadline, "establishing the SSL connection");
      continue;
    }
    const long verify = SSL_get_verify_result(h->ssl);
    if (verify != X509_V_OK)
      fail(std::string("SSL error: certificate verify failed: ") + X509_verify_cert_error_string(verify));
    if (err == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)
      fail("SSL SYSCALL error: EOF detected during the SSL handshake");
    fail("SSL error: " + openssl_error());
  }
  if (options.direct) {
    const unsigned char *selected = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(h->ssl, &selected, &length);
    if (length != 10 || std::memcmp(selected, alpn_postgresql + 1, 10) != 0)
      fail("direct SSL connection was established without ALPN protocol negotiation extension");
  }
  if (options.require_certificate_request && !h->certificate_requested)
    fail("server accepted connection without a valid SSL certificate");
  if (options.verify_host) check_host(h->ssl, options.host);
  return std::unique_ptr<TlsTransport>(new TlsTransport(std::move(socket), std::move(h)));
}

IoStatus TlsTransport::try_read(char *buffer, std::size_t size, std::size_t &done) {
  ERR_clear_error();
  const int rc = SSL_read_ex(handles_->ssl, buffer, size, &done);
  if (rc == 1) return IoStatus::ok;
  switch (SSL_get_error(handles_->ssl, rc)) {
    case SSL_ERROR_WANT_READ: return IoStatus::want_read;
    case SSL_ERROR_WANT_WRITE: return IoStatus::want_write;
    case SSL_ERROR_ZERO_RETURN: return IoStatus::eof;
    case SSL_ERROR_SYSCALL:
      if (ERR_peek_error() == 0) return IoStatus::eof;
      [[fallthrough]];
    default:
      throw NetError(sqlstate::connection_failure, "SSL error while receiving: " + openssl_error());
  }
}

IoStatus TlsTransport::try_write(std::string_view data, std::size_t &done) {
  ERR_clear_error();
  const int rc = SSL_write_ex(handles_->ssl, data.data(), data.size(), &done);
  if (rc == 1) return IoStatus::ok;
  switch (SSL_get_error(handles_->ssl, rc)) {
    case SSL_ERROR_WANT_READ: return IoStatus::want_read;
    case SSL_ERROR_WANT_WRITE: return IoStatus::want_write;
    default:
      throw NetError(sqlstate::connection_failure, "SSL error while sending: " + openssl_error());
  }
}

std::size_t TlsTransport::read_some(char *buffer, std::size_t size, Deadline deadline) {
  // Nothing buffered (the usual case right after a request): wait first instead of a recv that fails.
  if (SSL_has_pending(handles_->ssl) == 0) wait_for(fd(), false, deadline, "waiting for the server");
  for (;;) {
    std::size_t got = 0;
    ERR_clear_error();
    const int rc = SSL_read_ex(handles_->ssl, buffer, size, &got);
    if (rc == 1) return got;
    const int err = SSL_get_error(handles_->ssl, rc);
    switch (err) {
      case SSL_ERROR_WANT_READ:
        wait_for(fd(), false, deadline, "waiting for the server");
        continue;
      case SSL_ERROR_WANT_WRITE:
        wait_for(fd(), true, deadline, "waiting for the server");
        continue;
      case SSL_ERROR_ZERO_RETURN:
        return 0;
      case SSL_ERROR_SYSCALL:
        if (ERR_peek_error() == 0) return 0;  // the peer closed the socket without close_notify
        [[fallthrough]];
      default:
        throw NetError(sqlstate::connection_failure, "SSL error while receiving: " + openssl_error());
    }
  }
}

void TlsTransport::write_all(std::string_view data, Deadline deadline) {
  while (!data.empty()) {
    std::size_t sent = 0;
    ERR_clear_error();
    const int rc = SSL_write_ex(handles_->ssl, data.data(), data.size(), &sent);
    if (rc == 1) {
      data.remove_prefix(sent);
      continue;
    }
    const int err = SSL_get_error(handles_->ssl, rc);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
      wait_for(fd(), err == SSL_ERROR_WANT_WRITE, deadline, "sending to the server");
      continue;
    }
    throw NetError(sqlstate::connection_failure, "SSL error while sending: " + openssl_error());
  }
}

bool TlsTransport::has_buffered_input() const { return SSL_has_pending(handles_->ssl) == 1; }

std::string TlsTransport::server_end_point() const {
  X509 *cert = SSL_get1_peer_certificate(handles_->ssl);
  if (cert == nullptr) return {};
  int md_nid = NID_undef;
  int pkey_nid = NID_undef;
  if (OBJ_find_sigid_algs(X509_get_signature_nid(cert), &md_nid, &pkey_nid) != 1) md_nid = NID_undef;
  // RFC 5929: MD5 and SHA-1 are replaced by SHA-256.
  if (md_nid == NID_md5 || md_nid == NID_sha1 || md_nid == NID_undef) md_nid = NID_sha256;
  const EVP_MD *md = EVP_get_digestbynid(md_nid);
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const bool ok = md != nullptr && X509_digest(cert, md, hash, &len) == 1;
  X509_free(cert);
  return ok ? std::string(reinterpret_cast<char *>(hash), len) : std::string();
}

}  // namespace pgesql::net
