#include "protocol/framing.hpp"

#include "protocol/buffer.hpp"

namespace pgesql::protocol {
namespace {

bool is_backend_tag(char tag) {
  switch (tag) {
    case 'R': case 'K': case 'S': case 'Z': case 'T': case 'D': case 'C': case 'I':
    case 'E': case 'N': case '1': case '2': case '3': case 'n': case 't': case 's':
    case 'G': case 'H': case 'W': case 'd': case 'c': case 'A': case 'v': case 'V':
      return true;
    default:
      return false;
  }
}

}  // namespace

Frame decode_frame(std::string_view input, std::size_t max_message_size) {
  Frame f;
  if (input.empty()) return f;
  const char tag = input[0];
  if (!is_backend_tag(tag)) {
    f.status = FrameStatus::malformed;
    f.error = "unexpected message type 0x" + std::string(1, "0123456789abcdef"[(tag >> 4) & 0xf]) +
              std::string(1, "0123456789abcdef"[tag & 0xf]) + " from the server";
    return f;
  }
  if (input.size() < 5) return f;
  const std::int32_t length = get_i32(input.data() + 1);
  if (length < 4) {
    f.status = FrameStatus::malformed;
    f.error = "invalid message length " + std::to_string(length) + " from the server";
    return f;
  }
  if (static_cast<std::size_t>(length) > max_message_size) {
    f.status = FrameStatus::malformed;
    f.error = "message of " + std::to_string(length) + " bytes from the server exceeds the limit of " +
              std::to_string(max_message_size);
    return f;
  }
  const std::size_t total = 1 + static_cast<std::size_t>(length);
  if (input.size() < total) {
    f.needed = total;
    return f;
  }
  f.status = FrameStatus::message;
  f.message.tag = tag;
  f.message.body = input.substr(5, total - 5);
  f.consumed = total;
  return f;
}

EncryptionResponse decode_encryption_response(char byte) {
  switch (byte) {
    case 'S': case 'G': return EncryptionResponse::accepted;
    case 'N': return EncryptionResponse::refused;
    case 'E': return EncryptionResponse::error;
    default: return EncryptionResponse::malformed;
  }
}

}  // namespace pgesql::protocol
