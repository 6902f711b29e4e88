// What the statement layer needs from a connection to the server: run one
// statement (extended protocol, text results), prepare/execute named
// statements, and report the transaction state. runtime/conn's session
// implements it; unit tests use a scripted fake.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "exec/copy_binary.hpp"
#include "exec/param_rows.hpp"
#include "exec/value_vocabulary.hpp"

namespace pgesql::exec {

// ReadyForQuery's transaction status, with libpq's numbering of
// PGTransactionStatusType (ECPGtransactionStatus returns it).
enum class transaction_state { idle = 0, active = 1, in_transaction = 2, failed = 3, unknown = 4 };

// One run of a statement kept prepared on the server (see statement_cache):
// Close of evicted statements, Parse when `sql` is given, Bind, Describe when
// the columns are unknown, Execute and Sync, all in one round trip.
struct cached_execution {
  std::string_view name;
  std::string_view sql;  // non-empty: parse it under `name` first
  std::span<const param_value> params;
  std::span<const std::string> close_first;
  const std::vector<column_info> *columns = nullptr;  // known result columns: no Describe
  // filled in by the link
  bool parsed = false;     // the Parse step succeeded
  bool described = false;  // a Describe ran; the result's columns are those described
};

// The outcome of a batch (FOR :n): rows run as one statement.
struct batch_result {
  query_result status;          // error, or command_ok with the last row's command tag
  std::uint64_t rows_processed = 0;  // the rows every Execute reported, summed
  // 0-based row whose Bind or Execute failed; npos when the failure was not one row's
  std::size_t failed_row = static_cast<std::size_t>(-1);
};

// COPY with the program's data. A source fills `buffer` with up to `size` bytes and returns
// how many (0 at the end); it throws copy_failure to abort the COPY with that reason (the
// server rolls the COPY back). A sink takes each chunk as the server sends it; it throws
// copy_failure to stop the COPY.
using copy_source = std::function<std::size_t(char *buffer, std::size_t size)>;
using copy_sink = std::function<void(std::string_view data)>;
struct copy_failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A NOTIFY delivered to this session (LISTEN).
struct notification {
  std::string channel;
  std::string payload;
  int pid = 0;  // the notifying backend
};

class server_link {
 public:
  virtual ~server_link() = default;
  // One statement with $n parameters. As ECPG does, a statement without
  // parameters goes through the simple query protocol (so BINARY cursors
  // deliver binary values and a string may hold several statements, the last
  // one's result counting); one with parameters through an unnamed statement.
  virtual query_result execute(std::string_view sql, std::span<const param_value> params) = 0;
  // PREPARE name FROM sql (protocol-level), and running it.
  virtual query_result prepare(std::string_view name, std::string_view sql) = 0;
  virtual query_result execute_prepared(std::string_view name, std::span<const param_value> params) = 0;
  // The columns (and parameter count) of a statement prepared by name, however it was prepared.
  virtual query_result describe_prepared(std::string_view name) = 0;
  // Simple query protocol, for BEGIN/COMMIT/DEALLOCATE and other parameterless commands.
  virtual query_result simple_query(std::string_view sql) = 0;
  // Statements kept prepared on the server: links that cannot (test fakes) say so.
  virtual bool supports_cached_statements() const { return false; }
  // The result goes into `into` (reset first), whose storage a link may reuse.
  virtual void execute_cached(cached_execution &run, query_result &into) { into = execute(run.sql, run.params); }
  // Up to `rows` rows of an open cursor, with text values; on an error the rows the
  // server computed before it are kept (row_count/fields of the error result).
  virtual query_result fetch_ahead(const std::string &cursor, std::size_t rows) {
    return simple_query("fetch forward " + std::to_string(rows) + " from \"" + cursor + "\"");
  }
  // Readahead that overlaps the program's work: send_ahead asks for `rows` more rows of
  // `cursor` and returns without waiting, so the server computes them while the program
  // handles the rows it already has; collect_ahead returns them later, oldest first. Up to
  // two requests are in flight (the second is sent just before the first is read, so the
  // server goes straight on to it), and anything else the link is asked to do first reads
  // every reply and keeps it for collect_ahead. Links that cannot overlap say false.
  virtual bool send_ahead(const std::string &cursor, std::size_t rows) {
    (void)cursor;
    (void)rows;
    return false;
  }
  struct rows_in_flight {
    std::string cursor;
    std::size_t rows = 0;
  };
  // The oldest request send_ahead made that collect_ahead has not returned yet, or nullptr.
  virtual const rows_in_flight *ahead_in_flight() const { return nullptr; }
  // How many such requests there are (0, 1 or 2).
  virtual std::size_t requests_in_flight() const { return 0; }
  // The oldest one's rows, as fetch_ahead would have returned them (reading them now if
  // need be; a request behind it stays in flight).
  virtual query_result collect_ahead() { return query_result{}; }
  // A pgesql_<name> connection option, or nullptr.
  virtual const std::string *option(std::string_view name) const {
    (void)name;
    return nullptr;
  }
  // One statement run for each row of `params` (row i's values are
  // params.at(i, 0..per_row-1)), atomically: the caller has opened a
  // transaction, or the link runs the rows in one. This default runs them one
  // by one (enough for test fakes); a real session pipelines them.
  virtual batch_result execute_batch(std::string_view sql, const param_rows &params);
  // The same rows of a plain INSERT (see batch_copy.hpp) through copy_sql
  // (COPY ... FROM STDIN), itself atomic: in binary format with these column
  // encoders when `binary` is not empty (copy_sql then asks for it), else in text.
  // The default runs execute_batch.
  virtual batch_result copy_batch(std::string_view insert_sql, std::string_view copy_sql, const param_rows &params,
                                  std::span<const binary_column> binary);
  // How many request/response exchanges (ReadyForQuery) the link has completed, when it
  // counts them: equal counts mean nothing ran on the server in between.
  virtual std::optional<std::uint64_t> completed_exchanges() const { return std::nullopt; }
  // The server's version as server_version_num (150004), 0 when unknown.
  virtual int server_version() const { return 0; }
  // The field storage of a result the caller is done with: a link may reuse it
  // for the next result, so a loop of FETCHes does not go back to the allocator
  // (and the heap's top is not trimmed and grown again) for every statement.
  virtual void give_back(result_fields &&spent) { (void)spent; }
  // COPY ... FROM STDIN / TO STDOUT through the simple query protocol: command_ok with the tag
  // "COPY n", or the error (a source's or sink's copy_failure, or the server's).
  virtual query_result copy_from(std::string_view sql, const copy_source &source);
  virtual query_result copy_to(std::string_view sql, const copy_sink &sink);
  // Notifications received so far (during any statement), oldest first; the queue is emptied.
  virtual std::vector<notification> take_notifications() { return {}; }
  // The oldest queued notification, or the next to arrive within `timeout` (none: no limit);
  // nullopt on timeout. A lost connection is an error result in `failure`.
  virtual std::optional<notification> wait_notification(std::optional<std::chrono::milliseconds> timeout,
                                                        query_result &failure);
  // The socket, for a program's poll()/event loop; -1 when there is none.
  virtual int socket() const { return -1; }
  virtual transaction_state transaction_status() const = 0;
  virtual bool is_open() const = 0;
  // NoticeResponses received since the last call.
  virtual std::vector<server_message> take_notices() = 0;
  // Sends Terminate and closes the socket.
  virtual void close() = 0;
};

// Opens a link for EXEC SQL CONNECT: target as written (an ECPG target, URI
// or key=value string), user/password when given separately. On failure
// returns null and sets `error` (logged, not shown to the program).
using link_opener = std::function<std::unique_ptr<server_link>(
    const std::string &target, const std::string &user, const std::string &password, std::string &error)>;

// The opener EXEC SQL CONNECT uses; tests install a fake one.
void set_link_opener(link_opener opener);
link_opener current_link_opener();

}  // namespace pgesql::exec
