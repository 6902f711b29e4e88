// A bounds-checked cursor over one message body: every read either succeeds
// inside the body or marks the reader failed, so parsers never read past it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "protocol/buffer.hpp"

namespace pgesql::protocol {

class Reader {
 public:
  explicit Reader(std::string_view body) : rest_(body) {}

  bool ok() const { return ok_; }
  // True when every byte was consumed and no read failed: the message had no trailing garbage.
  bool done() const { return ok_ && rest_.empty(); }
  std::size_t remaining() const { return rest_.size(); }

  std::uint8_t u8() {
    if (!need(1)) return 0;
    const auto v = static_cast<std::uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return v;
  }
  std::int16_t i16() {
    if (!need(2)) return 0;
    const auto v = get_i16(rest_.data());
    rest_.remove_prefix(2);
    return v;
  }
  std::int32_t i32() {
    if (!need(4)) return 0;
    const auto v = get_i32(rest_.data());
    rest_.remove_prefix(4);
    return v;
  }
  std::string_view bytes(std::size_t n) {
    if (!need(n)) return {};
    const auto v = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return v;
  }
  std::string_view rest() {
    const auto v = rest_;
    rest_ = {};
    return v;
  }
  // A NUL-terminated string; a missing terminator is malformed input.
  std::string_view cstring() {
    const auto *nul = ok_ ? static_cast<const char *>(std::memchr(rest_.data(), 0, rest_.size())) : nullptr;
    if (nul == nullptr) {
      ok_ = false;
      rest_ = {};
      return {};
    }
    const auto n = static_cast<std::size_t>(nul - rest_.data());
    const auto v = rest_.substr(0, n);
    rest_.remove_prefix(n + 1);
    return v;
  }

 private:
  bool need(std::size_t n) {
    if (ok_ && rest_.size() >= n) return true;
    ok_ = false;
    rest_ = {};
    return false;
  }

  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace pgesql::protocol
