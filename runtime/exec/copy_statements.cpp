// EXEC SQL COPY ... FROM STDIN / TO STDOUT [USING :fp] and the callback API of pgesql.h:
// the data streams between the program and the server in bounded memory, passing through
// unchanged whatever COPY format the statement names.
#include <cerrno>
#include <cstring>
#include <string>

#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "exec/abi_guard.hpp"
#include "exec/copy_streams.hpp"
#include "exec/statement_context.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {
namespace {

std::string system_reason(const char *doing, int error) {
  return std::string(doing) + ": " + (error != 0 ? std::strerror(error) : "I/O error");
}

// Flushes what a file sink buffered: a full disk shows here for small outputs.
query_result flushed(query_result r, std::FILE *fp) {
  if (r.outcome == query_result::status::error || std::fflush(fp) == 0) return r;
  query_result failed;
  failed.outcome = query_result::status::error;
  failed.error.sqlstate = "58030";
  failed.error.message = system_reason("could not write the COPY data", errno);
  return failed;
}

// One COPY statement run from the program: direction checked before anything is sent (a
// statement that is not the expected COPY must not run at all), the transaction begun as
// ECPG begins one, the outcome into sqlca (sqlerrd[2] = rows copied).
template <typename Run>
int run_copy_statement(const pgesql_stmt *stmt, const char *connection_name, bool from_program, Run &&run) {
  statement_entry entry = enter_statement(stmt, connection_name);
  if (!entry.ready) return outcome();
  const store_options &opt = entry.opt;
  connection &c = *entry.c;
  const std::string_view sql = stmt->sql != nullptr ? stmt->sql : "";
  const statement_class cls = class_of(stmt, sql);
  if (from_program ? !cls.copy_in : !cls.copy_out) {
    diag::raise_server_error(opt.line, "0A000",
                             from_program ? "statement is not COPY ... FROM STDIN" : "statement is not COPY ... TO STDOUT",
                             opt.informix);
    return outcome();
  }
  if (!autostart_transaction(c, opt.line, opt.informix)) return outcome();
  diag::log("exec on line %d: query: %.*s; with 0 parameter(s) on connection %s\n", opt.line,
            static_cast<int>(sql.size()), sql.data(), c.name.c_str());
  query_result r = run(c, sql);
  if (check_result(c, r, opt.line, opt.informix)) process_output(c, r, opt, false, {});
  return outcome();
}

}  // namespace

copy_source file_source(std::FILE *fp) {
  return [fp](char *buffer, std::size_t size) -> std::size_t {
    errno = 0;
    const std::size_t n = std::fread(buffer, 1, size, fp);
    if (n == 0 && std::ferror(fp)) throw copy_failure(system_reason("could not read the COPY data", errno));
    return n;
  };
}

copy_sink file_sink(std::FILE *fp) {
  return [fp](std::string_view data) {
    errno = 0;
    if (std::fwrite(data.data(), 1, data.size(), fp) != data.size())
      throw copy_failure(system_reason("could not write the COPY data", errno));
  };
}

query_result copy_with_stdio(connection &c, std::string_view sql, const statement_class &cls) {
  if (cls.copy_in) return c.link->copy_from(sql, file_source(stdin));
  return flushed(c.link->copy_to(sql, file_sink(stdout)), stdout);
}

}  // namespace pgesql::exec

using namespace pgesql::exec;
namespace diag = pgesql::diag;

extern "C" PGESQL_API int pgesql_copy_file(const pgesql_stmt *stmt, const char *connection_name, FILE *fp) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    const bool from_program = class_of(stmt, stmt->sql != nullptr ? stmt->sql : "").copy_in;
    return run_copy_statement(stmt, connection_name, from_program, [&](connection &c, std::string_view sql) {
      if (from_program) return c.link->copy_from(sql, file_source(fp != nullptr ? fp : stdin));
      std::FILE *out = fp != nullptr ? fp : stdout;
      return flushed(c.link->copy_to(sql, file_sink(out)), out);
    });
  });
}

namespace {
// The descriptor of a COPY a program runs through the callback API: its text is all there is
// to know about it, as for dynamic SQL.
pgesql_stmt callback_copy(const char *sql, const char *function) {
  return pgesql_stmt{PGESQL_STMT_NORMAL, 0, sql, nullptr, function, 0, 0, 0, nullptr};
}
}  // namespace

extern "C" PGESQL_API int pgesql_copy_from(const char *connection_name, const char *sql, pgesql_copy_read_fn read,
                                           void *context) {
  return pgesql::exec::guarded(0, [&] {
    const pgesql_stmt stmt = callback_copy(sql, "pgesql_copy_from");
    return run_copy_statement(&stmt, connection_name, true, [&](connection &c, std::string_view text) {
      return c.link->copy_from(text, [&](char *buffer, std::size_t size) -> std::size_t {
        const long n = read(context, buffer, static_cast<long>(size));
        if (n < 0) throw copy_failure("the program's read function failed");
        return static_cast<std::size_t>(n) <= size ? static_cast<std::size_t>(n) : size;
      });
    });
  });
}

extern "C" PGESQL_API int pgesql_copy_to(const char *connection_name, const char *sql, pgesql_copy_write_fn write,
                                         void *context) {
  return pgesql::exec::guarded(0, [&] {
    const pgesql_stmt stmt = callback_copy(sql, "pgesql_copy_to");
    return run_copy_statement(&stmt, connection_name, false, [&](connection &c, std::string_view text) {
      return c.link->copy_to(text, [&](std::string_view data) {
        if (write(context, data.data(), static_cast<long>(data.size())) != 0)
          throw copy_failure("the program's write function stopped the COPY");
      });
    });
  });
}
