// Shared steps of every runtime call from generated code: starting a
// statement, finding its connection, running SQL on it with ECPG's
// transaction rules, and turning the server's answer into sqlca.
#pragma once

#include <exception>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "exec/connection_registry.hpp"
#include "exec/server_link.hpp"
#include "exec/value_vocabulary.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {

// Resets sqlca and hands the previous statement's allocations to the program.
void begin_statement();

store_options options_of(const pgesql_stmt *stmt);

// The named (null: current) connection, or ECPG_NO_CONN raised and null.
connection_ptr require_connection(const char *name, int line);

// False when the connection cannot run statements: broken (reported as a
// lost connection, 08003) or without a link (ECPG_NOT_CONN).
bool require_link(connection &c, int line);

// What every statement entry point starts with: sqlca reset, the statement's options, its
// connection found, locked and checked. `ready` is false (sqlca set) when the statement cannot run.
struct statement_entry {
  store_options opt;
  connection_ptr c;
  std::unique_lock<std::mutex> lock;
  bool ready = false;
  // An exception leaving the statement (memory ran out) abandons the exchange with the server
  // wherever it was: the destructor then closes the connection (guarded() reports the error).
  int exceptions_at_entry = std::uncaught_exceptions();

  statement_entry() = default;
  statement_entry(statement_entry &&) = default;
  statement_entry &operator=(statement_entry &&) = default;
  // When the statement is done: notifications that arrived during it go to the
  // connection's handler, if the program set one (pgesql_on_notification).
  ~statement_entry();
};
void hand_out_notifications(statement_entry &entry);
statement_entry enter_statement(const pgesql_stmt *stmt, const char *connection_name);

// Without autocommit, opens a transaction when none is open (ECPG does this
// before every statement but BEGIN/START and COMMIT/ROLLBACK PREPARED).
bool autostart_transaction(connection &c, int line, bool informix);

// Turns notices into sqlca warnings, then an error/empty result into sqlca
// (a connection that broke under the statement: its class-08 SQLSTATE).
// True when the result is usable.
bool check_result(connection &c, const query_result &r, int line, bool informix);

// Stores a successful result: rows into the output variables (NOT FOUND
// when there are none), or the command's counts into sqlerrd.
bool process_output(connection &c, const query_result &r, const store_options &opt, bool informix_se,
                    std::span<const pgesql_var> out);
// The same for some rows of a result (a FETCH served from a cursor's buffer).
bool process_output(connection &c, const result_rows &rows, const store_options &opt, bool informix_se,
                    std::span<const pgesql_var> out);

// The array form (if any) in which values of a column type arrive.
bool column_array_kind(connection &c, std::uint32_t type_oid, int line, bool informix, array_kind &kind);

// A result (rows, or with describe a statement's description) into an SQL descriptor or SQLDA output variable.
bool describe_into(const store_options &opt, const query_result &r, const pgesql_var &target, bool describe);

// Call result: non-zero exactly when sqlca reports an error.
int outcome();

}  // namespace pgesql::exec
