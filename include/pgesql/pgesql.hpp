// C++ helpers for programs preprocessed to C++: the host-type adapters and
// pgesql::sql_error, which `EXEC SQL WHENEVER SQLERROR THROW;` throws after a
// failing statement. The runtime itself stays a C ABI (pgesql.h): the
// exception is built and thrown by the generated code, after the runtime call
// has returned and released everything it held.
#ifndef PGESQL_PGESQL_HPP
#define PGESQL_PGESQL_HPP

#include <cstddef>
#include <exception>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "pgesql/host_types.hpp"
#include "pgesql/pgesql.h"
#include "sqlca.h"

namespace pgesql {

// A statement failed (sqlca.sqlcode < 0).
class sql_error : public std::runtime_error {
 public:
  sql_error(std::string sqlstate, long sqlcode, std::string message, std::string detail, std::string hint,
            std::string file, int line, int column = 0)
      : std::runtime_error(where(file, line, column, sqlstate, message)),
        sqlstate_(std::move(sqlstate)),
        sqlcode_(sqlcode),
        message_(std::move(message)),
        detail_(std::move(detail)),
        hint_(std::move(hint)),
        file_(std::move(file)),
        line_(line),
        column_(column) {}

  // "file:line[:column]: SQLSTATE xxxxx: message", appended piece by piece: GCC 12 warns
  // (-Wrestrict, a false positive) on "x" + std::string&& chains once inlined at -O3.
  static std::string where(const std::string &file, int line, int column, const std::string &sqlstate,
                           const std::string &message) {
    std::string s = file;
    s.append(":").append(std::to_string(line));
    if (column > 0) s.append(":").append(std::to_string(column));
    s.append(": SQLSTATE ").append(sqlstate).append(": ").append(message);
    return s;
  }

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
  // Where the server's error position points (the offending token), 0 when it gave none;
  // line() is then that token's line.
  int column() const noexcept { return column_; }

 private:
  std::string sqlstate_;
  long sqlcode_;
  std::string message_, detail_, hint_, file_;
  int line_;
  int column_;
};

// The SQLSTATE classes programs catch by name. Each is an sql_error; catch the most specific
// first (unique_violation before integrity_error before sql_error).
#define PGESQL_SQL_ERROR_CLASS(name, base)   \
  class name : public base {                \
   public:                                  \
    using base::base;                       \
  };
// class 08, and 57P01-57P03: the server ended the session (an administrator, a crash)
PGESQL_SQL_ERROR_CLASS(connection_error, sql_error)
PGESQL_SQL_ERROR_CLASS(data_error, sql_error)                // class 22: a value the column or conversion refuses
PGESQL_SQL_ERROR_CLASS(integrity_error, sql_error)           // class 23: a constraint refused the change
PGESQL_SQL_ERROR_CLASS(not_null_violation, integrity_error)  // 23502
PGESQL_SQL_ERROR_CLASS(foreign_key_violation, integrity_error)  // 23503
PGESQL_SQL_ERROR_CLASS(unique_violation, integrity_error)    // 23505
PGESQL_SQL_ERROR_CLASS(check_violation, integrity_error)     // 23514
PGESQL_SQL_ERROR_CLASS(transaction_rollback, sql_error)      // class 40: retry the transaction
PGESQL_SQL_ERROR_CLASS(serialization_failure, transaction_rollback)  // 40001
PGESQL_SQL_ERROR_CLASS(deadlock_detected, transaction_rollback)      // 40P01
PGESQL_SQL_ERROR_CLASS(syntax_or_access_error, sql_error)    // class 42: the statement itself (an unknown table, no privilege)
#undef PGESQL_SQL_ERROR_CLASS

// Throws the calling thread's last error for the statement st, as the class its SQLSTATE names.
[[noreturn]] inline void throw_sql_error(const pgesql_stmt *st) {
  const struct sqlca_t &ca = sqlca;
  std::string state(ca.sqlstate, sizeof ca.sqlstate);
  std::string message = pgesql_error_field(PGESQL_ERROR_MESSAGE), detail = pgesql_error_field(PGESQL_ERROR_DETAIL),
              hint = pgesql_error_field(PGESQL_ERROR_HINT), file = st->file ? st->file : "";
  const long code = ca.sqlcode;
  // the offending token's line and column when the server pointed at one, else the statement's line
  const std::string at_line = pgesql_error_field(PGESQL_ERROR_LINE), at_column = pgesql_error_field(PGESQL_ERROR_COLUMN);
  const int line = at_line.empty() ? st->line : std::stoi(at_line);
  const int column = at_column.empty() ? 0 : std::stoi(at_column);
  auto raise = [&](auto *kind) {
    using error = std::remove_pointer_t<decltype(kind)>;
    throw error(std::move(state), code, std::move(message), std::move(detail), std::move(hint), std::move(file), line,
                column);
  };
  if (state == "23502") raise(static_cast<not_null_violation *>(nullptr));
  if (state == "23503") raise(static_cast<foreign_key_violation *>(nullptr));
  if (state == "23505") raise(static_cast<unique_violation *>(nullptr));
  if (state == "23514") raise(static_cast<check_violation *>(nullptr));
  if (state == "40001") raise(static_cast<serialization_failure *>(nullptr));
  if (state == "40P01") raise(static_cast<deadlock_detected *>(nullptr));
  const std::string cls = state.substr(0, 2);
  if (cls == "08" || state == "57P01" || state == "57P02" || state == "57P03")
    raise(static_cast<connection_error *>(nullptr));
  if (cls == "22") raise(static_cast<data_error *>(nullptr));
  if (cls == "23") raise(static_cast<integrity_error *>(nullptr));
  if (cls == "40") raise(static_cast<transaction_rollback *>(nullptr));
  if (cls == "42") raise(static_cast<syntax_or_access_error *>(nullptr));
  raise(static_cast<sql_error *>(nullptr));
  throw;  // not reached: raise always throws
}

// ---- a transaction that rolls back unless committed -------------------------------
// BEGIN on construction; commit() or rollback() ends it. Destroyed without either (an
// exception unwinding through it), it rolls back, quietly: sqlca keeps the error that caused
// the unwinding.
//   pgesql::transaction tx;            // or tx("conn") for a named connection
//   EXEC SQL INSERT ...;               // under WHENEVER SQLERROR THROW
//   tx.commit();
class transaction {
 public:
  explicit transaction(const char *connection = nullptr) : connection_(connection) { run("begin"); }
  transaction(const transaction &) = delete;
  transaction &operator=(const transaction &) = delete;
  ~transaction() {
    if (done_) return;
    const struct sqlca_t kept = sqlca;
    const pgesql_stmt stmt = descriptor("rollback");
    pgesql_exec(&stmt, connection_, nullptr, 0, nullptr, 0, nullptr);
    sqlca = kept;
  }
  void commit() {
    done_ = true;
    run("commit");
  }
  void rollback() {
    done_ = true;
    run("rollback");
  }

 private:
  static pgesql_stmt descriptor(const char *sql) {
    return pgesql_stmt{PGESQL_STMT_TRANSACTION, 0, sql, nullptr, "pgesql::transaction", 0, 0, 0, nullptr};
  }
  void run(const char *sql) {
    const pgesql_stmt stmt = descriptor(sql);
    if (pgesql_exec(&stmt, connection_, nullptr, 0, nullptr, 0, nullptr) != 0) throw_sql_error(&stmt);
  }
  const char *connection_;
  bool done_ = false;
};

// ---- COPY with the program's data ---------------------------------------------
// sql is a COPY ... FROM STDIN (copy_from) or COPY ... TO STDOUT (copy_to), run on the
// named connection (nullptr: the current one). They return the rows copied and throw
// sql_error when the COPY fails; an exception thrown by the program's callable aborts the
// COPY (the server rolls it back) and is rethrown as it was.
namespace copy_detail {
struct call_state {
  std::exception_ptr error;
};
template <class Fill>
struct source : call_state {
  Fill &fill;
  explicit source(Fill &f) : fill(f) {}
  static long read(void *self, char *buffer, long size) {
    auto &s = *static_cast<source *>(self);
    try {
      return static_cast<long>(s.fill(buffer, static_cast<std::size_t>(size)));
    } catch (...) {
      s.error = std::current_exception();
      return -1;
    }
  }
};
template <class Consume>
struct sink : call_state {
  Consume &consume;
  explicit sink(Consume &c) : consume(c) {}
  static int write(void *self, const char *data, long size) {
    auto &s = *static_cast<sink *>(self);
    try {
      s.consume(std::string_view(data, static_cast<std::size_t>(size)));
      return 0;
    } catch (...) {
      s.error = std::current_exception();
      return 1;
    }
  }
};
inline long finish(int failed, const call_state &state, const char *function) {
  if (state.error) std::rethrow_exception(state.error);
  if (failed != 0) {
    const pgesql_stmt where{PGESQL_STMT_NORMAL, 0, nullptr, nullptr, function, 0, 0, 0, nullptr};
    throw_sql_error(&where);
  }
  return sqlca.sqlerrd[2];
}
}  // namespace copy_detail

// fill(char *buffer, std::size_t size) -> std::size_t: the bytes it put there, 0 at the end.
template <class Fill, class = std::enable_if_t<std::is_invocable_r_v<std::size_t, Fill &, char *, std::size_t>>>
long copy_from(const char *sql, Fill &&fill, const char *connection = nullptr) {
  copy_detail::source<std::remove_reference_t<Fill>> s(fill);
  const int failed = pgesql_copy_from(connection, sql, &decltype(s)::read, &s);
  return copy_detail::finish(failed, s, "pgesql::copy_from");
}

inline long copy_from(const char *sql, std::istream &in, const char *connection = nullptr) {
  return copy_from(
      sql,
      [&in](char *buffer, std::size_t size) -> std::size_t {
        in.read(buffer, static_cast<std::streamsize>(size));
        if (in.bad()) throw std::ios_base::failure("could not read the COPY data from the stream");
        return static_cast<std::size_t>(in.gcount());
      },
      connection);
}

// consume(std::string_view chunk): each chunk as the server sends it.
template <class Consume, class = std::enable_if_t<std::is_invocable_v<Consume &, std::string_view>>>
long copy_to(const char *sql, Consume &&consume, const char *connection = nullptr) {
  copy_detail::sink<std::remove_reference_t<Consume>> s(consume);
  const int failed = pgesql_copy_to(connection, sql, &decltype(s)::write, &s);
  return copy_detail::finish(failed, s, "pgesql::copy_to");
}

inline long copy_to(const char *sql, std::ostream &out, const char *connection = nullptr) {
  return copy_to(
      sql,
      [&out](std::string_view chunk) {
        if (!out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())))
          throw std::ios_base::failure("could not write the COPY data to the stream");
      },
      connection);
}

}  // namespace pgesql

#endif  // PGESQL_PGESQL_HPP
