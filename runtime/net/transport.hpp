// A byte stream to the server: a plain socket or TLS over one.
#pragma once

#include <cstddef>
#include <string_view>

#include "net/net_error.hpp"

namespace pgesql::net {

// What a non-blocking attempt did: moved bytes, would have to wait for the socket to
// become readable / writable, or met the end of the stream.
enum class IoStatus { ok, want_read, want_write, eof };

class Transport {
 public:
  virtual ~Transport() = default;
  // Non-blocking forms: never wait; `done` gets the bytes moved when the status is ok.
  // Throw NetError on failure.
  virtual IoStatus try_read(char *buffer, std::size_t size, std::size_t &done) = 0;
  virtual IoStatus try_write(std::string_view data, std::size_t &done) = 0;
  // Reads at least one byte (up to `size`) into `buffer`; returns 0 at end of stream.
  // Throws NetError on failure or when the deadline passes.
  virtual std::size_t read_some(char *buffer, std::size_t size, Deadline deadline) = 0;
  // Writes every byte or throws NetError.
  virtual void write_all(std::string_view data, Deadline deadline) = 0;
  // Whether bytes are waiting that a read would return without blocking (TLS may buffer them).
  virtual bool has_buffered_input() const { return false; }
  virtual int fd() const = 0;
  virtual bool is_tls() const { return false; }
};

}  // namespace pgesql::net
