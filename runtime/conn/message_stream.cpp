#include "conn/message_stream.hpp"

#include <algorithm>

#include "conn/error.hpp"
#include "net/socket.hpp"

namespace pgesql::conn {
namespace {

constexpr std::size_t read_chunk = 64 * 1024;

[[noreturn]] void rethrow_net(const net::NetError &e) {
  throw Error::connection_failure(e.sqlstate(), e.what(), e.timed_out());
}

}  // namespace

protocol::RawMessage MessageStream::next(net::Deadline deadline) {
  for (;;) {
    const std::string_view available = std::string_view(in_).substr(pos_);
    const protocol::Frame frame = protocol::decode_frame(available);
    if (frame.status == protocol::FrameStatus::message) {
      pos_ += frame.consumed;
      return frame.message;
    }
    if (frame.status == protocol::FrameStatus::malformed)
      throw Error::connection_failure(sqlstate::protocol_violation, "protocol error: " + frame.error);
    fill(frame.needed == 0 ? available.size() + 5 : frame.needed, deadline);
  }
}

bool MessageStream::has_buffered_message() const {
  return protocol::decode_frame(std::string_view(in_).substr(pos_)).status != protocol::FrameStatus::need_more;
}

bool MessageStream::wait_readable(net::Deadline deadline) {
  if (pos_ < in_.size() || transport_->has_buffered_input()) return true;
  try {
    net::wait_for(transport_->fd(), false, deadline, "waiting for the server");
    return true;
  } catch (const net::NetError &e) {
    if (e.timed_out()) return false;
    rethrow_net(e);
  }
}

// Makes at least `needed` unconsumed bytes available, reading in large chunks.
void MessageStream::fill(std::size_t needed, net::Deadline deadline) {
  if (pos_ > 0) {
    // Keep consumed bytes out of the way so the buffer does not grow without bound.
    in_.erase(0, pos_);
    pos_ = 0;
  }
  while (in_.size() < needed) {
    const std::size_t old_size = in_.size();
    const std::size_t want = std::max(read_chunk, needed - old_size);
    in_.resize(old_size + want);
    std::size_t got = 0;
    try {
      got = transport_->read_some(in_.data() + old_size, want, deadline);
    } catch (const net::NetError &e) {
      in_.resize(old_size);
      rethrow_net(e);
    }
    in_.resize(old_size + got);
    if (got == 0)
      throw Error::connection_failure(sqlstate::connection_failure,
                                      old_size == 0 ? "server closed the connection unexpectedly"
                                                    : "server closed the connection unexpectedly in the middle of a message");
  }
}

void MessageStream::write(std::string_view bytes, net::Deadline deadline) {
  try {
    transport_->write_all(bytes, deadline);
  } catch (const net::NetError &e) {
    rethrow_net(e);
  }
}

}  // namespace pgesql::conn
