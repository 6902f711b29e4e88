// Byte buffers the codec writes into and reads from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pgesql::protocol {

// Outgoing bytes: frontend builders append whole messages to one of these.
using Buffer = std::string;

// Wire integers are big-endian; these append them to a buffer.
inline void put_u8(Buffer &out, std::uint8_t v) { out.push_back(static_cast<char>(v)); }
inline void put_i16(Buffer &out, std::int16_t v) {
  const auto u = static_cast<std::uint16_t>(v);
  out.push_back(static_cast<char>(u >> 8));
  out.push_back(static_cast<char>(u));
}
inline void put_i32(Buffer &out, std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  out.push_back(static_cast<char>(u >> 24));
  out.push_back(static_cast<char>(u >> 16));
  out.push_back(static_cast<char>(u >> 8));
  out.push_back(static_cast<char>(u));
}
// A NUL-terminated string; embedded NULs would corrupt the message, so callers check first.
inline void put_cstring(Buffer &out, std::string_view s) {
  out.append(s);
  out.push_back('\0');
}

inline std::int32_t get_i32(const char *p) {
  const auto *u = reinterpret_cast<const unsigned char *>(p);
  return static_cast<std::int32_t>((std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) |
                                   (std::uint32_t{u[2]} << 8) | std::uint32_t{u[3]});
}
inline std::int16_t get_i16(const char *p) {
  const auto *u = reinterpret_cast<const unsigned char *>(p);
  return static_cast<std::int16_t>((std::uint16_t{u[0]} << 8) | std::uint16_t{u[1]});
}

}  // namespace pgesql::protocol
