// One named connection of the program: its server link, the ECPG state kept
// with it (autocommit, prepared statements, array-ness of column types), and
// the mutex that serializes threads sharing it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/cursor_readahead.hpp"
#include "exec/server_link.hpp"
#include "exec/statement_cache.hpp"
#include "exec/value_vocabulary.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {

struct prepared_statement {
  std::string sql;  // as prepared, with $n placeholders
  std::vector<column_info> columns;  // its result's columns, for DESCRIBE
  bool described = false;            // columns known (not so for SQL-level PREPARE ... AS)
};

struct connection;

// The prepared statement a program names: quotes are dropped, and a name
// that matches no statement exactly matches one differing only in case (the
// preprocessor passes names as written; the server folds unquoted ones).
// Returns prepared.end() when there is none.
std::map<std::string, struct prepared_statement>::iterator find_prepared(connection &c, std::string_view name);

struct connection {
  std::string name;
  std::unique_ptr<server_link> link;
  bool autocommit = false;
  std::mutex mutex;  // held for the whole of each statement
  std::map<std::string, prepared_statement> prepared;
  std::unordered_map<std::uint32_t, array_kind> array_kinds;  // by type OID
  std::unique_ptr<statement_cache> statements;  // created at the first cacheable statement
  std::map<std::string, cursor_buffer> cursors;  // open cursors under readahead, by server name
  // pgesql_fetch_readahead / PGESQL_FETCH_READAHEAD when the program set one (read at the first OPEN)
  std::optional<std::size_t> readahead_setting;
  bool readahead_setting_known = false;
  // The program's BEGIN/START text while it is the only statement run in its transaction:
  // set by that statement (next_...), moved in by the next statement to reach the link.
  std::optional<std::string> next_begin_just_run;
  std::optional<std::string> begin_just_run;
  // the last FETCH/MOVE text served and what it asks for: a loop repeats one text
  std::string last_fetch_text;
  std::optional<fetch_command> last_fetch;
  // the text of the statement pgesql_exec runs (used under the connection's lock only)
  std::string statement_text;
  std::vector<param_value> statement_params;
  query_result statement_result;
  // FOR :n through COPY: the last COPY found fit for its INSERT, with its column encoders
  // (empty: text). Reused while nothing else has run on the server since it, in the same
  // transaction: its COPY holds a lock on the table that every change of what the check
  // reads (rules, row security, columns) has to wait for. Not covered: another session
  // creating a table of the same name earlier in search_path between two batches; the
  // name then resolves to that table while the encoders are the old one's.
  struct copy_target {
    std::string copy_sql;
    std::vector<binary_column> binary;
    std::uint64_t exchanges = 0;
  };
  std::optional<copy_target> last_copy_target;
  // pgesql_on_notification: notifications go to the handler after each statement
  pgesql_notification_handler notification_handler = nullptr;
  void *notification_context = nullptr;
};

}  // namespace pgesql::exec
