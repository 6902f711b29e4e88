// GSSAPI transport encryption (gssencmode): after the server accepts GSSENCRequest,
// a context is established with length-prefixed tokens, then every byte each way
// travels in packets of a 4-byte length and a sealed (gss_wrap) token.
#pragma once

#include <memory>
#include <string>

#include <string_view>

#include "net/socket.hpp"

namespace pgesql::net {

// The security context the transport runs on (auth::GssContext, adapted by the connection
// layer). Failures are thrown as std::runtime_error with the GSSAPI library's text.
class SealingContext {
 public:
  virtual ~SealingContext() = default;
  // One step of establishing the context: the server's last token in (empty at the start),
  // the token to send out (empty when there is none).
  virtual std::string step(std::string_view server_token) = 0;
  virtual bool established() const = 0;
  // The largest plaintext whose sealed form fits in `sealed_limit` bytes.
  virtual std::size_t max_plaintext(std::size_t sealed_limit) const = 0;
  virtual std::string seal(std::string_view plain) const = 0;
  virtual std::string open(std::string_view sealed) const = 0;
};

// The largest packet either side sends, length word included (PostgreSQL's
// PQ_GSS_SEND_BUFFER_SIZE): what the server is sure to accept.
inline constexpr std::size_t gss_max_packet = 16384;

class GssTransport final : public Transport {
 public:
  // Establishes `context` over `socket` once the server answered 'G' to GSSENCRequest.
  // Throws NetError (08001) with the GSSAPI or server error text.
  static std::unique_ptr<GssTransport> handshake(Socket socket, std::unique_ptr<SealingContext> context,
                                                 Deadline deadline);

  // Non-blocking writes follow OpenSSL's rule: after want_read/want_write the next call
  // must start with the same bytes (a sealed packet may be half sent).
  IoStatus try_read(char *buffer, std::size_t size, std::size_t &done) override;
  IoStatus try_write(std::string_view data, std::size_t &done) override;
  std::size_t read_some(char *buffer, std::size_t size, Deadline deadline) override;
  void write_all(std::string_view data, Deadline deadline) override;
  bool has_buffered_input() const override;
  int fd() const override { return socket_.fd(); }

 private:
  GssTransport(Socket socket, std::unique_ptr<SealingContext> context);
  // Unwraps the first packet of sealed_ into plain_ when it has arrived whole.
  bool open_complete_packet();
  std::size_t take_plain(char *buffer, std::size_t size);
  void seal_into_packet(std::string_view plain);

  Socket socket_;
  std::unique_ptr<SealingContext> context_;
  std::size_t max_plain_chunk_;
  std::string sealed_;  // received, not yet a whole packet
  std::string plain_;   // opened, not yet read; plain_[plain_read_..] is unread
  std::size_t plain_read_ = 0;
  std::string packet_;  // the packet being sent; packet_[packet_sent_..] is still to go
  std::size_t packet_sent_ = 0;
  std::size_t packet_plain_ = 0;  // how many of the caller's bytes it carries
};

}  // namespace pgesql::net
