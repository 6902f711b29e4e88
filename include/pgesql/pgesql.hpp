// C++ helpers for programs preprocessed to C++: the host-type adapters and
// pgesql::sql_error, which `EXEC SQL WHENEVER SQLERROR THROW;` throws after a
// failing statement. The runtime itself stays a C ABI (pgesql.h): the
// exception is built and thrown by the generated code, after the runtime call
// has returned and released everything it held.
#ifndef PGESQL_PGESQL_HPP
#define PGESQL_PGESQL_HPP

#include <stdexcept>
#include <string>

#include "pgesql/host_types.hpp"
#include "pgesql/pgesql.h"
#include "sqlca.h"

namespace pgesql {

// A statement failed (sqlca.sqlcode < 0).
class sql_error : public std::runtime_error {
 public:
  sql_error(std::string sqlstate, long sqlcode, std::string message, std::string detail, std::string hint,
            std::string file, int line)
      : std::runtime_error(file + ":" + std::to_string(line) + ": SQLSTATE " + sqlstate + ": " + message),
        sqlstate_(std::move(sqlstate)),
        sqlcode_(sqlcode),
        message_(std::move(message)),
        detail_(std::move(detail)),
        hint_(std::move(hint)),
        file_(std::move(file)),
        line_(line) {}

  const std::string &sqlstate() const noexcept { return sqlstate_; }
  long sqlcode() const noexcept { return sqlcode_; }
  // The full message (sqlca.sqlerrm.sqlerrmc is truncated and ends in "on line N").
  const std::string &message() const noexcept { return message_; }
  // The server's DETAIL and HINT fields ("" when it sent none).
  const std::string &detail() const noexcept { return detail_; }
  const std::string &hint() const noexcept { return hint_; }
  // Where the statement is in the .pgc source.
  const std::string &file() const noexcept { return file_; }
  int line() const noexcept { return line_; }

 private:
  std::string sqlstate_;
  long sqlcode_;
  std::string message_, detail_, hint_, file_;
  int line_;
};

// Throws the calling thread's last error for the statement st.
[[noreturn]] inline void throw_sql_error(const pgesql_stmt *st) {
  const struct sqlca_t &ca = sqlca;
  throw sql_error(std::string(ca.sqlstate, sizeof ca.sqlstate), ca.sqlcode, pgesql_error_field(PGESQL_ERROR_MESSAGE),
                  pgesql_error_field(PGESQL_ERROR_DETAIL), pgesql_error_field(PGESQL_ERROR_HINT),
                  st->file ? st->file : "", st->line);
}

}  // namespace pgesql

#endif  // PGESQL_PGESQL_HPP
