// Rows and outcomes of statements: a streaming sink interface and a buffered Result.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/backend.hpp"

namespace pgesql::conn {

using protocol::ColumnDescription;
using Field = std::optional<std::string_view>;  // std::nullopt is SQL NULL

// Receives a statement's rows as they arrive, without buffering the whole result.
// Field views are valid only during on_row.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void on_columns(std::span<const ColumnDescription> columns) { (void)columns; }
  virtual void on_row(std::span<const Field> fields) = 0;
  // CommandComplete (tag), PortalSuspended (suspended = true, tag empty) or EmptyQueryResponse (empty tag).
  virtual void on_complete(std::string_view command_tag, bool suspended) {
    (void)command_tag;
    (void)suspended;
  }
};

// A fully buffered result of one statement. Move-only: field views point into its storage.
class Result {
 public:
  enum class Status { command, rows, empty_query, suspended };

  Result() = default;
  Result(Result &&) noexcept = default;
  Result &operator=(Result &&) noexcept = default;
  Result(const Result &) = delete;
  Result &operator=(const Result &) = delete;

  Status status() const { return status_; }
  const std::vector<ColumnDescription> &columns() const { return columns_; }
  std::size_t column_count() const { return columns_.size(); }
  std::size_t row_count() const { return row_count_; }
  Field value(std::size_t row, std::size_t column) const;
  bool is_null(std::size_t row, std::size_t column) const { return !value(row, column).has_value(); }
  const std::string &command_tag() const { return command_tag_; }
  // Rows the command reported ("UPDATE 3" → 3), or std::nullopt.
  std::optional<std::uint64_t> affected_rows() const { return protocol::affected_rows(command_tag_); }

  // Building (used by ResultBuilder).
  void set_columns(std::span<const ColumnDescription> columns);
  void add_row(std::span<const Field> fields);
  void complete(std::string_view tag, Status status);

 private:
  struct FieldRef {
    const char *data;
    std::int64_t length;  // -1: NULL
  };
  // Copies bytes into block storage that never moves, so FieldRefs stay valid as rows are added.
  const char *store(std::string_view bytes);
  Status status_ = Status::command;
  std::vector<ColumnDescription> columns_;
  std::size_t row_count_ = 0;
  std::size_t row_width_ = 0;  // fields per row (from the first row)
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::vector<FieldRef> fields_;
  std::string command_tag_;
};

// A RowSink that fills a Result.
class ResultBuilder final : public RowSink {
 public:
  explicit ResultBuilder(Result &result) : result_(result) {}
  void on_columns(std::span<const ColumnDescription> columns) override { result_.set_columns(columns); }
  void on_row(std::span<const Field> fields) override { result_.add_row(fields); }
  void on_complete(std::string_view tag, bool suspended) override;

 private:
  Result &result_;
};

// What Describe reports about a prepared statement.
struct StatementDescription {
  std::vector<std::uint32_t> param_types;
  std::vector<ColumnDescription> columns;  // empty: the statement returns no rows
};

}  // namespace pgesql::conn
