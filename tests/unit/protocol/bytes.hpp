// Builds byte sequences for codec tests from readable pieces.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace pgesql::test {

inline std::string be32(std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  return {static_cast<char>(u >> 24), static_cast<char>(u >> 16), static_cast<char>(u >> 8),
          static_cast<char>(u)};
}
inline std::string be16(std::int16_t v) {
  const auto u = static_cast<std::uint16_t>(v);
  return {static_cast<char>(u >> 8), static_cast<char>(u)};
}
inline std::string cstr(std::string_view s) { return std::string(s) + '\0'; }
// A whole tagged message: tag, length (body + 4), body.
inline std::string msg(char tag, const std::string &body) {
  return std::string(1, tag) + be32(static_cast<std::int32_t>(body.size() + 4)) + body;
}

}  // namespace pgesql::test
