// A session with one PostgreSQL server over protocol v3: the API the statement
// layer builds on. A Connection is used by one thread at a time; only
// CancelHandle may be used from another thread.
//
// Errors: every failure throws conn::Error. Server errors carry all ErrorResponse
// fields; connection failures carry SQLSTATE 08xxx and leave the connection
// broken (is_broken()), after which every call throws 08003 at once.
//
//   auto c = Connection::open(config_from_target("testdb@localhost"));
//   Result r = c->execute("select $1::int + 1", {{"41"}});
//   r.value(0, 0) == "42"
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "conn/config.hpp"
#include "conn/error.hpp"
#include "conn/message_stream.hpp"
#include "conn/result.hpp"
#include "net/cancel.hpp"
#include "protocol/backend.hpp"
#include "protocol/frontend.hpp"

namespace pgesql::conn {

using protocol::Format;
using protocol::Notification;
using protocol::ParamValue;
using protocol::TransactionStatus;

// Sends a CancelRequest for the connection it came from; copyable, usable from any thread.
class CancelHandle {
 public:
  explicit CancelHandle(net::CancelTarget target) : target_(std::move(target)) {}
  // Throws conn::Error (08001) if the cancel connection fails.
  void cancel(std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  net::CancelTarget target_;
};

// Parameters of one Bind: values (std::nullopt = NULL) with their formats, and result formats.
// Empty formats mean all text; one format applies to all.
struct BindParams {
  std::span<const ParamValue> values = {};
  std::span<const Format> formats = {};
  std::span<const Format> result_formats = {};
};

// The outcome of one pipelined step (see queue_* and read_step).
struct StepResult {
  enum class Kind { parse, bind, describe_statement, describe_portal, execute, close, sync };
  Kind kind = Kind::sync;
  std::optional<Error> error;  // the server's error for this step
  bool skipped = false;        // not run: an earlier step in the same Sync failed
  Result result;               // execute: rows (unless a sink took them) and command tag
  StatementDescription description;  // describe_statement (params + columns), describe_portal (columns)
};

class Connection {
 public:
  // Tries each host of the config in turn (see docs/runtime-internals.md). Throws conn::Error:
  // the server's error (e.g. 28P01, 3D000) when a server refused us, 08001 when no host could be reached.
  static std::unique_ptr<Connection> open(const Config &config);

  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;
  ~Connection();  // sends Terminate when still usable
  void close();

  // --- simple query protocol --------------------------------------------------------
  // Runs `sql` (one or more statements); one Result per statement. Throws the first error
  // (the results before it are dropped; use the sink form to see them).
  std::vector<Result> simple_query(std::string_view sql);
  // Streams every statement's rows to `sink`; throws the first error after the server is ready again.
  void simple_query(std::string_view sql, RowSink &sink);

  // --- extended query protocol, one statement per Sync ----------------------------------
  // Parse (+ Describe): a named statement ("" = unnamed). param_types may be empty (inferred).
  StatementDescription prepare(std::string_view name, std::string_view sql,
                               std::span<const std::uint32_t> param_types = {});
  // Describe of a statement prepared earlier (by Parse or by SQL PREPARE): its parameters and columns.
  StatementDescription describe_statement(std::string_view name);
  // Bind + Execute of a prepared statement; with describe, the Result has column descriptions.
  Result execute_prepared(std::string_view name, const BindParams &params = {}, bool describe = true);
  void execute_prepared(std::string_view name, const BindParams &params, RowSink &sink, bool describe = true);
  // Parse/Bind/Describe/Execute of unnamed statement and portal in one round trip.
  Result execute(std::string_view sql, const BindParams &params = {});
  void execute(std::string_view sql, const BindParams &params, RowSink &sink);
  // Convenience for text parameters.
  Result execute(std::string_view sql, std::initializer_list<ParamValue> text_params);
  void close_statement(std::string_view name);

  // --- pipelining: queue several steps, send once, read step by step ---------------------
  void queue_parse(std::string_view statement, std::string_view sql, std::span<const std::uint32_t> param_types = {});
  void queue_bind(std::string_view portal, std::string_view statement, const BindParams &params);
  void queue_describe_statement(std::string_view statement);
  void queue_describe_portal(std::string_view portal);
  void queue_execute(std::string_view portal, std::int32_t max_rows = 0);
  void queue_close_statement(std::string_view statement);
  void queue_close_portal(std::string_view portal);
  void queue_sync();
  // Sends everything queued (adds a Flush when the queue does not end with Sync).
  void send_queued();
  // Reads the outcome of the oldest sent step. Rows of an execute step go to `sink` when
  // given, else into StepResult::result. Server errors are returned, not thrown.
  StepResult read_step(RowSink *sink = nullptr);
  StatementDescription read_statement_description();
  std::size_t pending_steps() const { return pending_.size(); }
  // Reads all pending steps; throws the first error among them.
  void finish_pipeline();

  // --- COPY ----------------------------------------------------------------------------
  // COPY ... TO STDOUT: each CopyData chunk (a row, in text/csv format) goes to on_data. Returns rows copied.
  std::uint64_t copy_out(std::string_view sql, const std::function<void(std::string_view)> &on_data);
  // COPY ... FROM STDIN: `produce` writes data through the writer; if it throws, the COPY is
  // failed with the exception's message and the server's answer (57014, naming that message)
  // is thrown; std::bad_alloc and connection errors are rethrown as they are. A server that
  // rejects the data while it is being sent (a bad row) stops the producer: the writer throws
  // through it (so a producer must not swallow exceptions). Returns rows copied.
  class CopyWriter {
   public:
    void write(std::string_view data);

   private:
    friend class Connection;
    explicit CopyWriter(Connection &c) : connection_(c) {}
    Connection &connection_;
  };
  // with_query sends the data right behind the COPY statement instead of waiting for the
  // server's CopyInResponse: one round trip less. The server ignores copy data that reaches it
  // outside COPY (the protocol's rule for a COPY that failed to start), so the outcome is the
  // same either way; a caller uses it for statements it built itself.
  enum class CopyStart { after_response, with_query };
  std::uint64_t copy_in(std::string_view sql, const std::function<void(CopyWriter &)> &produce,
                        CopyStart start = CopyStart::after_response);

  // --- asynchronous messages -------------------------------------------------------------
  // Called for each NoticeResponse (default: ignored).
  void set_notice_handler(std::function<void(const ErrorFields &)> handler) { notice_handler_ = std::move(handler); }
  // Notifications received so far (LISTEN/NOTIFY), oldest first; the queue is emptied.
  std::vector<Notification> take_notifications();
  // Waits up to `timeout` for a notification while idle; std::nullopt on timeout.
  std::optional<Notification> wait_for_notification(std::chrono::milliseconds timeout);
  // The socket (for poll/select), or -1 once the connection is broken.
  int socket_fd() { return broken_ ? -1 : stream_->transport().fd(); }

  // --- state ----------------------------------------------------------------------------
  CancelHandle cancel_handle() const;
  TransactionStatus transaction_status() const { return transaction_status_; }
  // ReadyForQuery messages read so far: equal counts mean no request completed in between.
  std::uint64_t completed_exchanges() const { return ready_count_; }
  // A ParameterStatus value (server_version, client_encoding, DateStyle, integer_datetimes,
  // standard_conforming_strings, ...), or nullptr if the server has not reported it.
  const std::string *parameter(std::string_view name) const;
  // server_version_num-style number (150004 for 15.4), 0 if unknown.
  int server_version() const;
  std::int32_t backend_pid() const { return backend_key_.process_id; }
  // The minor version of protocol 3 in use: 0, or 2 when asked for (max_protocol_version) and granted.
  int protocol_version_minor() const { return protocol_minor_; }
  bool is_broken() const { return broken_; }
  bool uses_tls() const;
  const Config &config() const { return config_; }
  const HostSpec &host() const { return host_; }

 private:
  friend class ConnectionStarter;
  // Writes a message holding a secret (password, SCRAM proof) at once and cleanses the buffer.
  void send_secret(protocol::Buffer &message);
  // Cleanses the password copies in config_ once authentication no longer needs them.
  void forget_secrets();
  friend class CopyWriter;
  Connection(Config config, HostSpec host, std::unique_ptr<MessageStream> stream);

  void require_usable() const;
  // Also resynchronizes after a pipeline error that no queued Sync will end.
  void require_idle();
  // The next message that is not asynchronous (NoticeResponse, ParameterStatus and
  // NotificationResponse are handled here). Breaks the connection on I/O errors.
  protocol::RawMessage next_message();
  bool handle_async(const protocol::RawMessage &m);
  void handle_parameter_status(std::string_view body);
  void flush_output();
  // When the statement timeout's cancel falls due for the current request (none: not configured
  // or already sent); sending it, after which the reply (57014) is awaited as usual.
  std::optional<net::Clock::time_point> cancel_due() const;
  void send_statement_cancel();
  [[noreturn]] void fail(Error error);
  [[noreturn]] void protocol_violation(const protocol::RawMessage &m, const char *while_doing);
  Error server_error(std::string_view body, bool notice = false);
  void wait_ready_for_query();
  void read_ready_for_query(std::string_view body);
  void execute_one(std::string_view sql, const BindParams &params, RowSink &sink);
  void run_simple_query(std::string_view sql, RowSink *sink, std::vector<Result> *results);
  void queue_simple_query(std::string_view sql);  // written to the output buffer, not yet sent
  void send_simple_query(std::string_view sql);
  void keep_first_error(std::string_view body, std::optional<Error> &first);
  std::uint64_t copied_rows(const protocol::RawMessage &m);
  void check_queueable(std::initializer_list<std::string_view> names) const;
  void note_queued(StepResult::Kind kind);
  template <class WriteMessage>
  void queue_step(StepResult::Kind kind, std::initializer_list<std::string_view> names, WriteMessage write);
  bool accept_reply(StepResult &r, const protocol::RawMessage &m, RowSink *rows);
  void drain_pipeline(RowSink *sink);

  Config config_;
  HostSpec host_;
  std::unique_ptr<MessageStream> stream_;
  protocol::Buffer out_;
  std::deque<StepResult::Kind> pending_;
  std::size_t unsent_steps_ = 0;
  bool pipeline_aborted_ = false;
  bool broken_ = false;
  // Since when replies to the current request have been awaited (reset at ReadyForQuery), and
  // whether the statement timeout's cancel went out for it.
  std::optional<net::Clock::time_point> request_started_;
  bool cancel_sent_ = false;
  TransactionStatus transaction_status_ = TransactionStatus::idle;
  std::uint64_t ready_count_ = 0;
  protocol::BackendKeyData backend_key_;
  int protocol_minor_ = 0;
  std::map<std::string, std::string, std::less<>> parameters_;
  std::deque<Notification> notifications_;
  std::optional<Error> copy_in_error_;  // the server's rejection, seen while COPY IN data was still being sent
  bool copy_in_accepted_ = false;       // a CopyInResponse read while data was being sent (CopyStart::with_query)
  std::function<void(const ErrorFields &)> notice_handler_;
  std::vector<ColumnDescription> described_columns_;  // from the last Describe, for the next Execute
  std::vector<Field> row_fields_;                     // reused for every DataRow
};

}  // namespace pgesql::conn
