#include "conn/result.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace pgesql::conn {

Field Result::value(std::size_t row, std::size_t column) const {
  if (row >= row_count_ || column >= row_width_) throw std::out_of_range("result field out of range");
  const FieldRef &f = fields_[row * row_width_ + column];
  if (f.length < 0) return std::nullopt;
  return std::string_view(f.data, static_cast<std::size_t>(f.length));
}

const char *Result::store(std::string_view bytes) {
  // Blocks start small (most results are a few rows) and double up to 64 KiB.
  static constexpr std::size_t first_block = 256, max_block = 64 * 1024;
  if (bytes.empty()) return "";
  if (blocks_.empty() || block_size_ - block_used_ < bytes.size()) {
    const std::size_t next = blocks_.empty() ? first_block : std::min(max_block, block_size_ * 2);
    block_size_ = std::max(next, bytes.size());
    blocks_.emplace_back(new char[block_size_]);
    block_used_ = 0;
  }
  char *at = blocks_.back().get() + block_used_;
  std::memcpy(at, bytes.data(), bytes.size());
  block_used_ += bytes.size();
  return at;
}

void Result::set_columns(std::span<const ColumnDescription> columns) {
  columns_.assign(columns.begin(), columns.end());
  row_width_ = columns_.size();
  status_ = Status::rows;
}

void Result::add_row(std::span<const Field> fields) {
  if (row_count_ == 0 && columns_.empty()) row_width_ = fields.size();
  if (fields.size() != row_width_) throw std::runtime_error("row has a different number of fields than its columns");
  for (const Field &f : fields) {
    if (!f) {
      fields_.push_back({nullptr, -1});
      continue;
    }
    fields_.push_back({store(*f), static_cast<std::int64_t>(f->size())});
  }
  ++row_count_;
  status_ = Status::rows;
}

void Result::complete(std::string_view tag, Status status) {
  command_tag_ = tag;
  status_ = status;
}

void ResultBuilder::on_complete(std::string_view tag, bool suspended) {
  if (suspended) result_.complete(tag, Result::Status::suspended);
  else if (tag.empty()) result_.complete(tag, Result::Status::empty_query);
  else result_.complete(tag, result_.columns().empty() && result_.row_count() == 0 ? Result::Status::command
                                                                                 : Result::Status::rows);
}

}  // namespace pgesql::conn
