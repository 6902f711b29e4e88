// Splits a byte stream from the server into messages without blocking:
// the caller feeds whatever it has read and learns whether a whole message
// is there, more bytes are needed, or the stream is not the protocol.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pgesql::protocol {

// A backend message: its type byte and the body after the length field.
struct RawMessage {
  char tag = 0;
  std::string_view body;
};

enum class FrameStatus { need_more, message, malformed };

struct Frame {
  FrameStatus status = FrameStatus::need_more;
  RawMessage message;        // valid when status == message (points into the input)
  std::size_t consumed = 0;  // bytes of input the message occupied
  std::size_t needed = 0;    // when need_more: total bytes the input must hold (0 = unknown yet)
  std::string error;         // when malformed
};

// Longest backend message accepted by default; a bigger length means a broken stream, not a big row.
inline constexpr std::size_t default_max_message_size = std::size_t{1} << 30;

Frame decode_frame(std::string_view input, std::size_t max_message_size = default_max_message_size);

// The server's one-byte answer to SSLRequest / GSSENCRequest ('S', 'N', or an ErrorResponse's 'E').
enum class EncryptionResponse { accepted, refused, error, malformed };
EncryptionResponse decode_encryption_response(char byte);

}  // namespace pgesql::protocol
