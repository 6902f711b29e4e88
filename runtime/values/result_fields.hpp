// The field values of a result, row-major, packed into one byte buffer: a
// result of many rows costs a few growing allocations instead of one string
// per field, which is what made FETCH into arrays slower than ECPG.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgesql::values {

class result_fields {
 public:
  // A field's bytes, NUL-terminated in the buffer (data() is a C string for
  // text values); std::nullopt is SQL NULL. Valid until the result changes.
  using value = std::optional<std::string_view>;

  result_fields() = default;
  result_fields(std::initializer_list<value> values) {
    for (const value &v : values) push_back(v);
  }

  std::size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  value operator[](std::size_t i) const {
    const slot &s = slots_[i];
    if (s.length == null_length) return std::nullopt;
    return std::string_view(bytes_.data() + s.offset, s.length);
  }

  void push_back(value v) {
    if (!v) {
      slots_.push_back({bytes_.size(), null_length});
      return;
    }
    slots_.push_back({bytes_.size(), v->size()});
    bytes_.append(v->data(), v->size());
    bytes_.push_back('\0');
  }
  // Appends `count` fields of `from` starting at field `first`.
  void append(const result_fields &from, std::size_t first, std::size_t count);
  void reserve(std::size_t fields, std::size_t bytes) {
    slots_.reserve(fields);
    bytes_.reserve(bytes);
  }
  std::size_t byte_size() const { return bytes_.size(); }
  // Memory held: bytes of field data and fields, used or not.
  std::size_t byte_capacity() const { return bytes_.capacity(); }
  std::size_t field_capacity() const { return slots_.capacity(); }
  void swap(result_fields &other) noexcept {
    bytes_.swap(other.bytes_);
    slots_.swap(other.slots_);
  }
  void clear() {
    slots_.clear();
    bytes_.clear();
  }

 private:
  static constexpr std::size_t null_length = static_cast<std::size_t>(-1);
  struct slot {
    std::size_t offset;
    std::size_t length;
  };
  std::string bytes_;
  std::vector<slot> slots_;
};

}  // namespace pgesql::values
