// Reads whole backend messages from a transport and writes frontend bytes to it:
// the only place the connection meets the byte stream.
#pragma once

#include <memory>
#include <string>

#include "net/transport.hpp"
#include "protocol/framing.hpp"

namespace pgesql::conn {

class MessageStream {
 public:
  explicit MessageStream(std::unique_ptr<net::Transport> transport) : transport_(std::move(transport)) {}

  // The next message; its body stays valid until the next call. Throws conn::Error
  // (08006 on EOF or socket failure, 08P01 on a malformed stream).
  protocol::RawMessage next(net::Deadline deadline = {});
  // Whether a complete message is already buffered (no read needed).
  bool has_buffered_message() const;
  // Waits until input is available or the deadline passes; false on timeout.
  bool wait_readable(net::Deadline deadline);

  // Writes every byte; while the socket is full it keeps reading the server's replies into
  // the input buffer, so a long pipeline cannot deadlock on two full socket buffers.
  void write(std::string_view bytes, net::Deadline deadline = {});
  net::Transport &transport() { return *transport_; }

 private:
  void fill(std::size_t needed, net::Deadline deadline);
  // Reads whatever the socket has without waiting (into the input buffer); false at end of stream.
  bool drain_available();
  void reserve_input(std::size_t free_bytes);

  std::string_view unread() const { return {in_.get() + begin_, end_ - begin_}; }

  std::unique_ptr<net::Transport> transport_;
  // Input buffer: bytes [begin_, end_) are unread. Not a std::string, whose resize would zero-fill.
  std::unique_ptr<char[]> in_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace pgesql::conn
