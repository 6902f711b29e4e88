// TLS over a connected socket with OpenSSL: certificate and host name checks
// as PostgreSQL's sslmode defines them, SNI, client certificates.
#pragma once

#include <memory>
#include <string>

#include "net/socket.hpp"

namespace pgesql::net {

struct TlsOptions {
  bool verify_chain = false;  // verify-ca, verify-full (and require when a root certificate is present)
  bool verify_host = false;   // verify-full
  std::string root_cert;      // file, or "system" for OpenSSL's default store
  std::string cert_file;      // client certificate; skipped when the file does not exist
  std::string key_file;
  std::string crl_file;       // skipped when the file does not exist
  std::string crl_dir;        // hashed directory of CRLs (openssl rehash); skipped when absent
  std::string key_passphrase;
  std::string min_version = "TLSv1.2";  // "TLSv1" .. "TLSv1.3"
  std::string max_version;              // empty: no upper bound
  std::string host;  // the name the server is checked against, and sent as SNI
  bool send_sni = true;
  // sslnegotiation=direct: TLS from the first byte, no SSLRequest; the server must select the
  // ALPN protocol "postgresql" (PostgreSQL 17+), or the connection is refused.
  bool direct = false;
  // sslcertmode=require: the server must ask for the client certificate during the handshake.
  bool require_certificate_request = false;
  // sslkeylogfile: where to append the session keys (NSS key log format); empty: nowhere.
  std::string key_log_file;
};

class TlsTransport final : public Transport {
 public:
  // Runs the handshake on `socket` (after the server accepted SSLRequest). Throws NetError (08001).
  static std::unique_ptr<TlsTransport> handshake(Socket socket, const TlsOptions &options, Deadline deadline);
  ~TlsTransport() override;

  IoStatus try_read(char *buffer, std::size_t size, std::size_t &done) override;
  IoStatus try_write(std::string_view data, std::size_t &done) override;
  std::size_t read_some(char *buffer, std::size_t size, Deadline deadline) override;
  void write_all(std::string_view data, Deadline deadline) override;
  bool has_buffered_input() const override;
  int fd() const override { return socket_.fd(); }
  bool is_tls() const override { return true; }

  // tls-server-end-point channel binding data: the server certificate's hash (RFC 5929).
  std::string server_end_point() const;

 private:
  struct Handles;
  TlsTransport(Socket socket, std::unique_ptr<Handles> handles);
  Socket socket_;
  std::unique_ptr<Handles> handles_;
};

// True when `host` is a numeric IPv4 or IPv6 address.
bool is_ip_address(const std::string &host);

}  // namespace pgesql::net
