#include "net/gss_transport.hpp"

#include <algorithm>
#include <cstdint>

namespace pgesql::net {

namespace {

// A sealed packet longer than this is a broken stream, not a reason to allocate. Servers
// send at most gss_max_packet; the margin leaves room for a future larger limit.
constexpr std::size_t max_incoming_token = 1 << 20;

std::uint32_t read_length(const char *bytes) {
  const auto *b = reinterpret_cast<const unsigned char *>(bytes);
  return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
         static_cast<std::uint32_t>(b[2]) << 8 | static_cast<std::uint32_t>(b[3]);
}

std::string length_prefixed(std::string_view token) {
  std::string packet(4 + token.size(), '\0');
  const auto n = static_cast<std::uint32_t>(token.size());
  packet[0] = static_cast<char>(n >> 24);
  packet[1] = static_cast<char>(n >> 16);
  packet[2] = static_cast<char>(n >> 8);
  packet[3] = static_cast<char>(n);
  std::copy(token.begin(), token.end(), packet.begin() + 4);
  return packet;
}

[[noreturn]] void negotiation_failed(const std::string &message) { throw NetError(sqlstate::unable_to_connect, message); }

void read_exact(Socket &socket, char *buffer, std::size_t size, Deadline deadline) {
  while (size > 0) {
    const std::size_t got = socket.read_some(buffer, size, deadline);
    if (got == 0) negotiation_failed("server closed the connection unexpectedly during GSSAPI negotiation");
    buffer += got;
    size -= got;
  }
}

// The server reports a failed negotiation with an error message instead of a token: in the
// version-2 form ('E', text, NUL) while the protocol version is not yet known, or as a
// version-3 ErrorResponse. Reads what it sent, up to the end of the stream.
std::string server_error_text(Socket &socket, Deadline deadline) {
  std::string rest;
  char chunk[1024];
  while (rest.size() < gss_max_packet) {
    std::size_t got = 0;
    try {
      got = socket.read_some(chunk, sizeof chunk, deadline);
    } catch (const NetError &) {
      break;
    }
    if (got == 0) break;
    rest.append(chunk, got);
  }
  if (rest.size() >= 4 && static_cast<unsigned char>(rest[0]) < 0x20) {  // v3: a length, then typed fields
    for (std::size_t at = 4; at < rest.size() && rest[at] != '\0';) {
      const std::size_t end = rest.find('\0', at + 1);
      if (end == std::string::npos) break;
      if (rest[at] == 'M') return rest.substr(at + 1, end - at - 1);
      at = end + 1;
    }
    return "server sent an error during GSSAPI negotiation";
  }
  std::string text = rest.substr(0, rest.find('\0'));
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

std::unique_ptr<GssTransport> GssTransport::handshake(Socket socket, std::unique_ptr<SealingContext> context,
                                                      Deadline deadline) {
  try {
    std::string server_token;
    for (;;) {
      const std::string token = context->step(server_token);
      if (!token.empty()) socket.write_all(length_prefixed(token), deadline);
      if (context->established()) break;
      char header[4];
      read_exact(socket, header, 1, deadline);
      if (header[0] == 'E') negotiation_failed(server_error_text(socket, deadline));
      read_exact(socket, header + 1, 3, deadline);
      const std::uint32_t length = read_length(header);
      if (length > gss_max_packet - 4)
        negotiation_failed("oversize GSSAPI packet sent by the server (" + std::to_string(length) + " > " +
                           std::to_string(gss_max_packet - 4) + ")");
      server_token.assign(length, '\0');
      read_exact(socket, server_token.data(), length, deadline);
    }
  } catch (const NetError &) {
    throw;
  } catch (const std::runtime_error &e) {
    negotiation_failed(e.what());
  }
  return std::unique_ptr<GssTransport>(new GssTransport(std::move(socket), std::move(context)));
}

GssTransport::GssTransport(Socket socket, std::unique_ptr<SealingContext> context)
    : socket_(std::move(socket)), context_(std::move(context)) {
  try {
    max_plain_chunk_ = context_->max_plaintext(gss_max_packet - 4);
  } catch (const std::runtime_error &e) {
    negotiation_failed(e.what());
  }
  if (max_plain_chunk_ == 0) negotiation_failed("GSSAPI leaves no room for data in a packet");
}

bool GssTransport::open_complete_packet() {
  if (sealed_.size() < 4) return false;
  const std::uint32_t length = read_length(sealed_.data());
  if (length > max_incoming_token)
    throw NetError(sqlstate::protocol_violation, "oversize GSSAPI packet sent by the server (" +
                                                     std::to_string(length) + " bytes)");
  if (sealed_.size() < 4 + static_cast<std::size_t>(length)) return false;
  try {
    std::string opened = context_->open(std::string_view(sealed_).substr(4, length));
    if (plain_read_ == plain_.size()) {
      plain_ = std::move(opened);
      plain_read_ = 0;
    } else {
      plain_.append(opened);
    }
  } catch (const std::runtime_error &e) {
    throw NetError(sqlstate::connection_failure, e.what());
  }
  sealed_.erase(0, 4 + static_cast<std::size_t>(length));
  return true;
}

std::size_t GssTransport::take_plain(char *buffer, std::size_t size) {
  const std::size_t n = std::min(size, plain_.size() - plain_read_);
  std::copy_n(plain_.data() + plain_read_, n, buffer);
  plain_read_ += n;
  return n;
}

bool GssTransport::has_buffered_input() const {
  if (plain_read_ < plain_.size()) return true;
  return sealed_.size() >= 4 && sealed_.size() >= 4 + static_cast<std::size_t>(read_length(sealed_.data()));
}

IoStatus GssTransport::try_read(char *buffer, std::size_t size, std::size_t &done) {
  for (;;) {
    if (plain_read_ < plain_.size()) {
      done = take_plain(buffer, size);
      return IoStatus::ok;
    }
    if (open_complete_packet()) continue;
    char chunk[gss_max_packet];
    std::size_t got = 0;
    const IoStatus status = socket_.try_read(chunk, sizeof chunk, got);
    if (status != IoStatus::ok) return status;
    if (got == 0) return IoStatus::eof;
    sealed_.append(chunk, got);
  }
}

std::size_t GssTransport::read_some(char *buffer, std::size_t size, Deadline deadline) {
  for (;;) {
    if (plain_read_ < plain_.size()) return take_plain(buffer, size);
    if (open_complete_packet()) continue;
    char chunk[gss_max_packet];
    const std::size_t got = socket_.read_some(chunk, sizeof chunk, deadline);
    if (got == 0) return 0;
    sealed_.append(chunk, got);
  }
}

void GssTransport::seal_into_packet(std::string_view plain) {
  try {
    packet_ = length_prefixed(context_->seal(plain));
  } catch (const std::runtime_error &e) {
    throw NetError(sqlstate::connection_failure, e.what());
  }
  packet_sent_ = 0;
  packet_plain_ = plain.size();
}

IoStatus GssTransport::try_write(std::string_view data, std::size_t &done) {
  done = 0;
  if (packet_sent_ == packet_.size()) {
    if (data.empty()) return IoStatus::ok;
    seal_into_packet(data.substr(0, std::min(data.size(), max_plain_chunk_)));
  }
  while (packet_sent_ < packet_.size()) {
    std::size_t sent = 0;
    const IoStatus status = socket_.try_write(std::string_view(packet_).substr(packet_sent_), sent);
    if (status != IoStatus::ok) return status;
    packet_sent_ += sent;
  }
  done = packet_plain_;
  packet_.clear();
  packet_sent_ = 0;
  return IoStatus::ok;
}

void GssTransport::write_all(std::string_view data, Deadline deadline) {
  if (packet_sent_ < packet_.size()) {  // finish the packet a try_write left half sent
    socket_.write_all(std::string_view(packet_).substr(packet_sent_), deadline);
    data.remove_prefix(std::min(data.size(), packet_plain_));
    packet_.clear();
    packet_sent_ = 0;
  }
  while (!data.empty()) {
    const std::size_t n = std::min(data.size(), max_plain_chunk_);
    seal_into_packet(data.substr(0, n));
    socket_.write_all(packet_, deadline);
    packet_.clear();
    data.remove_prefix(n);
  }
}

}  // namespace pgesql::net
