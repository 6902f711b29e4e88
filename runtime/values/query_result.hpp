// What a statement's run produced, as the layers above the connection see it:
// the columns, the fields, the command tag or the server's error. Descriptors
// and SQLDAs read it as host variables do, so it lives with the value code,
// below both exec/ and descriptors/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "values/result_fields.hpp"

namespace pgesql::values {

struct server_message {
  std::string sqlstate;
  std::string message;
  std::string detail = {};  // the ErrorResponse's DETAIL and HINT, when it had them
  std::string hint = {};
  int position = 0;         // the ErrorResponse's position (characters from 1 in `query`), 0 when absent
  std::string query = {};   // with a position: the text the server got
};

struct column_info {
  std::string name;
  std::uint32_t type_oid = 0;
  bool binary = false;  // values in binary format (FETCH from a BINARY cursor)
  std::int16_t type_size = 0;      // pg_type.typlen (GET DESCRIPTOR OCTET_LENGTH)
  std::int32_t type_modifier = -1; // typmod (LENGTH, PRECISION, SCALE)
};

// The outcome of one statement.
struct query_result {
  enum class status { command_ok, rows, empty_query, error };
  status outcome = status::command_ok;
  std::vector<column_info> columns;
  std::size_t row_count = 0;
  // row-major, row_count * columns.size() entries; nullopt is SQL NULL
  result_fields fields;
  std::string command_tag;  // "INSERT 0 3", "SELECT 2", ...
  server_message error;     // when outcome == error
  std::vector<std::uint32_t> param_types;  // a prepared statement's parameters (prepare, describe_prepared)

  result_fields::value field(std::size_t row, std::size_t col) const {
    return fields[row * columns.size() + col];
  }
  // Back to a fresh result's state, keeping the storage the vectors and strings hold:
  // a result reused from one statement to the next is filled without allocating.
  void reset_keeping_storage() {
    outcome = status::command_ok;
    columns.clear();
    row_count = 0;
    fields.clear();
    command_tag.clear();
    if (!error.sqlstate.empty() || !error.message.empty() || !error.detail.empty() || !error.hint.empty() ||
        error.position != 0 || !error.query.empty())
      error = server_message{};
    param_types.clear();
  }
};

// Consecutive rows of a result, not copied: a FETCH served from a cursor's buffer hands
// the program its rows where they lie in the window read ahead. Valid while `result`
// is unchanged.
struct result_rows {
  const query_result *result = nullptr;
  std::size_t first_row = 0;
  std::size_t row_count = 0;

  result_fields::value field(std::size_t row, std::size_t col) const {
    return result->field(first_row + row, col);
  }
  bool whole() const { return first_row == 0 && row_count == result->row_count; }
};

inline result_rows all_rows(const query_result &r) { return {&r, 0, r.row_count}; }

// The rows as a result of their own, in `into` (its storage reused): outcome, columns and
// fields; the command tag is left to the caller.
inline void copy_rows(const result_rows &rows, query_result &into) {
  const query_result &from = *rows.result;
  into.outcome = from.outcome;
  into.columns = from.columns;
  const std::size_t width = from.columns.size();
  into.fields.clear();
  into.fields.append(from.fields, rows.first_row * width, rows.row_count * width);
  into.row_count = rows.row_count;
}

}  // namespace pgesql::values
