#include "conn/message_stream.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

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
    const std::string_view available = unread();
    const protocol::Frame frame = protocol::decode_frame(available);
    if (frame.status == protocol::FrameStatus::message) {
      begin_ += frame.consumed;
      return frame.message;
    }
    if (frame.status == protocol::FrameStatus::malformed)
      throw Error::connection_failure(sqlstate::protocol_violation, "protocol error: " + frame.error);
    fill(frame.needed == 0 ? available.size() + 5 : frame.needed, deadline);
  }
}

bool MessageStream::has_buffered_message() const {
  return protocol::decode_frame(unread()).status != protocol::FrameStatus::need_more;
}

bool MessageStream::wait_readable(net::Deadline deadline) {
  if (begin_ < end_ || transport_->has_buffered_input()) return true;
  try {
    net::wait_for(transport_->fd(), false, deadline, "waiting for the server");
    return true;
  } catch (const net::NetError &e) {
    if (e.timed_out()) return false;
    rethrow_net(e);
  }
}

// Makes at least `needed` unread bytes available, reading as much as the buffer holds.
void MessageStream::fill(std::size_t needed, net::Deadline deadline) {
  const std::size_t unread_size = end_ - begin_;
  if (begin_ + needed > capacity_ || begin_ == end_) {
    // Move the partial message to the front, growing the buffer when one message needs more.
    // Not zeroed: the kernel maps a page in when a read first writes it, so an idle
    // connection holds the few pages its replies used, not the whole 64 kB.
    const std::size_t new_capacity = std::max({capacity_, needed, read_chunk});
    if (new_capacity != capacity_) {
      auto bigger = std::make_unique_for_overwrite<char[]>(new_capacity);
      if (unread_size > 0) std::memcpy(bigger.get(), in_.get() + begin_, unread_size);
      in_ = std::move(bigger);
      capacity_ = new_capacity;
    } else if (unread_size > 0 && begin_ > 0) {
      std::memmove(in_.get(), in_.get() + begin_, unread_size);
    }
    begin_ = 0;
    end_ = unread_size;
  }
  while (end_ - begin_ < needed) {
    std::size_t got = 0;
    try {
      got = transport_->read_some(in_.get() + end_, capacity_ - end_, deadline);
    } catch (const net::NetError &e) {
      rethrow_net(e);
    }
    if (got == 0)
      throw Error::connection_failure(sqlstate::connection_failure,
                                      end_ == begin_ ? "server closed the connection unexpectedly"
                                                     : "server closed the connection unexpectedly in the middle of a message");
    end_ += got;
  }
}

void MessageStream::reserve_input(std::size_t free_bytes) {
  if (capacity_ - end_ >= free_bytes) return;
  const std::size_t unread_size = end_ - begin_;
  const std::size_t new_capacity = std::max({capacity_, read_chunk, unread_size + free_bytes});
  if (new_capacity != capacity_) {
    auto bigger = std::make_unique_for_overwrite<char[]>(new_capacity);
    if (unread_size > 0) std::memcpy(bigger.get(), in_.get() + begin_, unread_size);
    in_ = std::move(bigger);
    capacity_ = new_capacity;
  } else if (unread_size > 0) {
    std::memmove(in_.get(), in_.get() + begin_, unread_size);
  }
  begin_ = 0;
  end_ = unread_size;
}

bool MessageStream::drain_available() {
  for (;;) {
    // Grow geometrically: the replies to a long pipeline may be large.
    reserve_input(std::max(read_chunk, (end_ - begin_) / 2));
    std::size_t got = 0;
    const net::IoStatus status = transport_->try_read(in_.get() + end_, capacity_ - end_, got);
    if (status == net::IoStatus::eof) return false;
    if (status != net::IoStatus::ok) return true;
    end_ += got;
  }
}

void MessageStream::write(std::string_view bytes, net::Deadline deadline) {
  try {
    bool peer_open = true;
    while (!bytes.empty()) {
      std::size_t sent = 0;
      const net::IoStatus status = transport_->try_write(bytes, sent);
      if (status == net::IoStatus::ok) {
        bytes.remove_prefix(sent);
        continue;
      }
      if (status == net::IoStatus::eof)
        throw net::NetError(net::sqlstate::connection_failure, "server closed the connection unexpectedly");
      // Blocked: wait for room to write, and meanwhile take in what the server sends.
      pollfd p{transport_->fd(), static_cast<short>(status == net::IoStatus::want_read ? POLLIN : POLLOUT), 0};
      if (peer_open) p.events |= POLLIN;
      const int timeout_ms =
          deadline ? static_cast<int>(std::max<long long>(
                         0, std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - net::Clock::now()).count()))
                   : -1;
      const int n = ::poll(&p, 1, timeout_ms);
      if (n == 0) throw net::NetError(net::sqlstate::connection_failure, "timeout expired while sending to the server", true);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw net::NetError(net::sqlstate::connection_failure, std::string("poll failed: ") + net::errno_text(errno));
      }
      if (peer_open && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0) peer_open = drain_available();
    }
  } catch (const net::NetError &e) {
    rethrow_net(e);
  }
}

}  // namespace pgesql::conn
