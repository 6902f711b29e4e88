// The formatted parameters of a batch (FOR :n), row after row, packed into one
// buffer: 100,000 rows cost a few growing allocations, not a std::string and a
// zeroed param_value per value, which is what kept FOR :n at twice COPY's time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "exec/value_vocabulary.hpp"

namespace pgesql::exec {

class param_rows {
 public:
  explicit param_rows(std::size_t per_row) : per_row_(per_row) {}

  struct value {
    std::string_view data;
    bool is_null = false;
    bool binary = false;
  };

  std::size_t per_row() const { return per_row_; }
  std::size_t rows() const { return per_row_ == 0 ? 0 : slots_.size() / per_row_; }
  bool any_binary() const { return any_binary_; }
  value at(std::size_t row, std::size_t col) const {
    const slot &s = slots_[row * per_row_ + col];
    return {std::string_view(bytes_.data() + s.offset, s.length), s.is_null, s.binary};
  }
  // Row `row` as param_values of its own (for links that run rows one at a time).
  std::vector<param_value> row_values(std::size_t row) const;

  // Appends the next value (rows fill left to right, top to bottom).
  void push_back(const param_value &p) {
    slots_.push_back({bytes_.size(), p.data.size(), p.is_null, p.binary});
    bytes_ += p.data;
    any_binary_ = any_binary_ || p.binary;
  }
  void reserve(std::size_t values, std::size_t bytes) {
    slots_.reserve(values);
    bytes_.reserve(bytes);
  }

 private:
  struct slot {
    std::size_t offset;
    std::size_t length;
    bool is_null;
    bool binary;
  };
  std::size_t per_row_;
  std::string bytes_;
  std::vector<slot> slots_;
  bool any_binary_ = false;
};

}  // namespace pgesql::exec
