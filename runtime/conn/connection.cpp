#include "conn/connection.hpp"

#include <charconv>

#include "auth/crypto.hpp"

namespace pgesql::conn {

namespace fe = protocol::frontend;
namespace be = protocol::backend;
using protocol::RawMessage;

Connection::Connection(Config config, HostSpec host, std::unique_ptr<MessageStream> stream)
    : config_(std::move(config)), host_(std::move(host)), stream_(std::move(stream)) {}

Connection::~Connection() {
  close();
  cleanse_secrets(config_);
}

void Connection::forget_secrets() { cleanse_secrets(config_); }

void Connection::send_secret(protocol::Buffer &message) {
  flush_output();
  try {
    net::Deadline deadline;
    if (config_.read_timeout.count() > 0) deadline = net::Clock::now() + config_.read_timeout;
    stream_->write(message, deadline);
  } catch (Error &e) {
    auth::cleanse(message);
    fail(std::move(e));
  }
  auth::cleanse(message);
}

void Connection::close() {
  if (!stream_) return;
  if (!broken_) {
    try {
      protocol::Buffer bye;
      fe::terminate(bye);
      stream_->write(bye, net::Clock::now() + std::chrono::seconds(1));
    } catch (const Error &) {
      // The server is gone already; nothing to tell it.
    }
  }
  stream_.reset();
  broken_ = true;
}

bool Connection::uses_tls() const { return stream_ && stream_->transport().is_tls(); }

void Connection::require_usable() const {
  if (broken_ || !stream_)
    throw Error::connection_failure(sqlstate::connection_does_not_exist, "no connection to the server");
}

void Connection::require_idle() {
  require_usable();
  if (!pending_.empty())
    throw Error::client_error(sqlstate::object_not_in_prerequisite_state,
                              "pipelined steps are still pending on this connection");
  if (pipeline_aborted_) {
    // The server ignores everything after an error until a Sync; without one, the next request would hang.
    fe::sync(out_);
    flush_output();
    wait_ready_for_query();
    pipeline_aborted_ = false;
    described_columns_.clear();
  }
}

void Connection::fail(Error error) {
  error.mark_connection_broken();
  stream_.reset();
  broken_ = true;
  pending_.clear();
  throw error;
}

void Connection::protocol_violation(const RawMessage &m, const char *while_doing) {
  fail(Error::connection_failure(sqlstate::protocol_violation,
                                 std::string("protocol error: unexpected ") + be::message_name(m.tag) +
                                     " message " + while_doing));
}

Error Connection::server_error(std::string_view body, bool notice) {
  ErrorFields fields;
  if (!be::parse_error_fields(body, fields))
    fail(Error::connection_failure(sqlstate::protocol_violation,
                                   notice ? "protocol error: malformed NoticeResponse"
                                          : "protocol error: malformed ErrorResponse"));
  // FATAL and PANIC end the session: the server closes the socket right after.
  const bool fatal = fields.severity_nonlocalized == "FATAL" || fields.severity_nonlocalized == "PANIC" ||
                     (fields.severity_nonlocalized.empty() && (fields.severity == "FATAL" || fields.severity == "PANIC"));
  return Error(Error::Origin::server, std::move(fields), fatal);
}

std::optional<net::Clock::time_point> Connection::cancel_due() const {
  if (config_.statement_timeout.count() == 0 || !request_started_ || cancel_sent_) return std::nullopt;
  return *request_started_ + config_.statement_timeout;
}

void Connection::send_statement_cancel() {
  cancel_sent_ = true;
  try {
    // The cancel gets at most the read timeout (or a few seconds) to be delivered.
    const auto limit = config_.read_timeout.count() > 0 ? config_.read_timeout : std::chrono::milliseconds(5000);
    cancel_handle().cancel(limit);
  } catch (const Error &) {
    // Unreachable for the cancel: the read timeout, if any, still ends the wait.
  }
}

protocol::RawMessage Connection::next_message() {
  require_usable();
  if (!request_started_) request_started_ = net::Clock::now();
  net::Deadline read_deadline;
  if (config_.read_timeout.count() > 0) read_deadline = net::Clock::now() + config_.read_timeout;
  for (;;) {
    // Wait until the read timeout, or less when the statement timeout's cancel falls due first.
    const auto cancel_at = cancel_due();
    const bool cancel_first = cancel_at && (!read_deadline || *cancel_at < *read_deadline);
    RawMessage m;
    try {
      m = stream_->next(cancel_first ? net::Deadline(cancel_at) : read_deadline);
    } catch (Error &e) {
      if (e.timed_out() && cancel_first) {
        send_statement_cancel();
        continue;
      }
      if (e.timed_out())
        fail(Error::connection_failure(sqlstate::connection_failure,
                                       "timeout expired: the server sent nothing for " +
                                           std::to_string(config_.read_timeout.count()) + " ms",
                                       true));
      fail(std::move(e));
    }
    if (!handle_async(m)) return m;
    // A notice or notification is a sign of life too: the read timeout starts again.
    if (read_deadline) read_deadline = net::Clock::now() + config_.read_timeout;
  }
}

bool Connection::handle_async(const RawMessage &m) {
  switch (m.tag) {
    case 'N': {
      Error notice = server_error(m.body, true);
      if (notice_handler_) notice_handler_(notice.fields());
      return true;
    }
    case 'S':
      handle_parameter_status(m.body);
      return true;
    case 'A': {
      auto n = be::parse_notification(m.body);
      if (!n) fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: malformed NotificationResponse"));
      notifications_.push_back(std::move(*n));
      return true;
    }
    default:
      return false;
  }
}

void Connection::handle_parameter_status(std::string_view body) {
  const auto p = be::parse_parameter_status(body);
  if (!p) fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: malformed ParameterStatus"));
  parameters_[std::string(p->name)] = std::string(p->value);
}

void Connection::flush_output() {
  if (out_.empty()) return;
  try {
    net::Deadline deadline;
    if (config_.read_timeout.count() > 0) deadline = net::Clock::now() + config_.read_timeout;
    stream_->write(out_, deadline);
  } catch (Error &e) {
    out_.clear();
    fail(std::move(e));
  }
  out_.clear();
}

void Connection::read_ready_for_query(std::string_view body) {
  const auto status = be::parse_ready_for_query(body);
  if (!status) fail(Error::connection_failure(sqlstate::protocol_violation, "protocol error: malformed ReadyForQuery"));
  transaction_status_ = *status;
  request_started_.reset();
  cancel_sent_ = false;
}

// After an error: the server skips to ReadyForQuery; consume everything up to it.
void Connection::wait_ready_for_query() {
  for (;;) {
    const RawMessage m = next_message();
    if (m.tag == 'Z') {
      read_ready_for_query(m.body);
      return;
    }
    if (m.tag == 'E') {
      Error e = server_error(m.body);
      if (e.connection_broken()) fail(std::move(e));
    }
  }
}

// --- simple query -------------------------------------------------------------------------

void Connection::run_simple_query(std::string_view sql, RowSink *sink, std::vector<Result> *results) {
  require_idle();
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  fe::query(out_, sql);
  flush_output();
  std::optional<Error> first_error;
  std::optional<ResultBuilder> builder;
  RowSink *current = sink;
  const auto begin_result = [&] {
    if (results == nullptr || current != nullptr) return;
    results->emplace_back();
    builder.emplace(results->back());
    current = &*builder;
  };
  const auto end_result = [&] {
    if (results != nullptr) current = nullptr;
  };
  for (;;) {
    const RawMessage m = next_message();
    switch (m.tag) {
      case 'T':
        if (!be::parse_row_description(m.body, described_columns_)) protocol_violation(m, "(malformed RowDescription)");
        begin_result();
        current->on_columns(described_columns_);
        break;
      case 'D':
        if (!be::parse_data_row(m.body, row_fields_)) protocol_violation(m, "(malformed DataRow)");
        begin_result();
        current->on_row(row_fields_);
        break;
      case 'C': {
        const auto tag = be::parse_command_complete(m.body);
        if (!tag) protocol_violation(m, "(malformed CommandComplete)");
        begin_result();
        current->on_complete(*tag, false);
        end_result();
        break;
      }
      case 'I':
        begin_result();
        current->on_complete({}, false);
        end_result();
        break;
      case 'E': {
        Error e = server_error(m.body);
        if (e.connection_broken()) fail(std::move(e));
        if (!first_error) first_error = std::move(e);
        break;
      }
      case 'G': {
        // COPY FROM STDIN inside a plain query: refuse it so the server moves on.
        fe::copy_fail(out_, "COPY FROM STDIN is not possible through a simple query; use copy_in");
        flush_output();
        break;
      }
      case 'H':
      case 'd':
      case 'c':
        break;  // COPY TO STDOUT inside a plain query: its data is dropped
      case 'Z':
        read_ready_for_query(m.body);
        described_columns_.clear();
        if (first_error) throw std::move(*first_error);
        return;
      default:
        protocol_violation(m, "in response to a simple query");
    }
  }
}

std::vector<Result> Connection::simple_query(std::string_view sql) {
  std::vector<Result> results;
  run_simple_query(sql, nullptr, &results);
  return results;
}

void Connection::simple_query(std::string_view sql, RowSink &sink) { run_simple_query(sql, &sink, nullptr); }

// --- pipeline -------------------------------------------------------------------------------

namespace {

void check_name(std::string_view name) {
  if (!protocol::is_protocol_string(name))
    throw Error::client_error(sqlstate::invalid_parameter_value, "statement or portal name contains a zero byte");
}

}  // namespace

// Every queued message expects one step of replies; send_queued() flushes them.
void Connection::note_queued(StepResult::Kind kind) {
  pending_.push_back(kind);
  ++unsent_steps_;
}

void Connection::queue_parse(std::string_view statement, std::string_view sql,
                             std::span<const std::uint32_t> param_types) {
  require_usable();
  check_name(statement);
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  if (param_types.size() > 65535)
    throw Error::client_error(sqlstate::invalid_parameter_value, "too many parameter types (at most 65535)");
  fe::parse(out_, statement, sql, param_types);
  note_queued(StepResult::Kind::parse);
}

void Connection::queue_bind(std::string_view portal, std::string_view statement, const BindParams &p) {
  require_usable();
  check_name(portal);
  check_name(statement);
  if (p.values.size() > 65535)
    throw Error::client_error(sqlstate::invalid_parameter_value, "too many parameters (at most 65535)");
  if (p.formats.size() > 1 && p.formats.size() != p.values.size())
    throw Error::client_error(sqlstate::invalid_parameter_value, "parameter format count does not match parameters");
  fe::bind(out_, portal, statement, p.formats, p.values, p.result_formats);
  note_queued(StepResult::Kind::bind);
}

void Connection::queue_describe_statement(std::string_view statement) {
  require_usable();
  check_name(statement);
  fe::describe_statement(out_, statement);
  note_queued(StepResult::Kind::describe_statement);
}

void Connection::queue_describe_portal(std::string_view portal) {
  require_usable();
  check_name(portal);
  fe::describe_portal(out_, portal);
  note_queued(StepResult::Kind::describe_portal);
}

void Connection::queue_execute(std::string_view portal, std::int32_t max_rows) {
  require_usable();
  check_name(portal);
  fe::execute(out_, portal, max_rows);
  note_queued(StepResult::Kind::execute);
}

void Connection::queue_close_statement(std::string_view statement) {
  require_usable();
  check_name(statement);
  fe::close_statement(out_, statement);
  note_queued(StepResult::Kind::close);
}

void Connection::queue_close_portal(std::string_view portal) {
  require_usable();
  check_name(portal);
  fe::close_portal(out_, portal);
  note_queued(StepResult::Kind::close);
}

void Connection::queue_sync() {
  require_usable();
  fe::sync(out_);
  note_queued(StepResult::Kind::sync);
}

void Connection::send_queued() {
  require_usable();
  if (unsent_steps_ == 0) return;
  // Without a Sync or Flush the server would keep its replies buffered.
  if (pending_.back() != StepResult::Kind::sync) fe::flush(out_);
  unsent_steps_ = 0;
  flush_output();
}

StepResult Connection::read_step(RowSink *sink) {
  require_usable();
  if (pending_.empty())
    throw Error::client_error(sqlstate::object_not_in_prerequisite_state, "no pipelined step is pending");
  if (unsent_steps_ == pending_.size()) send_queued();
  StepResult r;
  r.kind = pending_.front();
  if (pipeline_aborted_ && r.kind != StepResult::Kind::sync) {
    pending_.pop_front();
    r.skipped = true;
    return r;
  }
  std::optional<ResultBuilder> builder;
  RowSink *rows = sink;
  if (r.kind == StepResult::Kind::execute && rows == nullptr) {
    builder.emplace(r.result);
    rows = &*builder;
  }
  if (r.kind == StepResult::Kind::execute && !described_columns_.empty()) rows->on_columns(described_columns_);
  const auto finish = [&] {
    pending_.pop_front();
    // Replies to a Flush (no Sync) end without ReadyForQuery: the request is over when nothing is pending.
    if (pending_.empty()) {
      request_started_.reset();
      cancel_sent_ = false;
    }
    return std::move(r);
  };
  for (;;) {
    const RawMessage m = next_message();
    if (m.tag == 'E') {
      Error e = server_error(m.body);
      if (e.connection_broken()) fail(std::move(e));
      r.error = std::move(e);
      if (r.kind != StepResult::Kind::sync) {
        pipeline_aborted_ = true;
        return finish();
      }
      continue;  // an error at Sync (e.g. a deferred constraint at commit): ReadyForQuery follows
    }
    switch (r.kind) {
      case StepResult::Kind::parse:
        if (m.tag != '1' || !be::parse_empty(m.body)) protocol_violation(m, "instead of ParseComplete");
        return finish();
      case StepResult::Kind::bind:
        if (m.tag != '2' || !be::parse_empty(m.body)) protocol_violation(m, "instead of BindComplete");
        return finish();
      case StepResult::Kind::close:
        if (m.tag != '3' || !be::parse_empty(m.body)) protocol_violation(m, "instead of CloseComplete");
        return finish();
      case StepResult::Kind::describe_statement:
        if (m.tag == 't') {
          if (!be::parse_parameter_description(m.body, r.description.param_types))
            protocol_violation(m, "(malformed ParameterDescription)");
          continue;
        }
        [[fallthrough]];
      case StepResult::Kind::describe_portal:
        if (m.tag == 'T') {
          if (!be::parse_row_description(m.body, r.description.columns))
            protocol_violation(m, "(malformed RowDescription)");
        } else if (m.tag != 'n' || !be::parse_empty(m.body)) {
          protocol_violation(m, "in response to Describe");
        }
        described_columns_ = r.description.columns;
        return finish();
      case StepResult::Kind::execute:
        switch (m.tag) {
          case 'D':
            if (!be::parse_data_row(m.body, row_fields_)) protocol_violation(m, "(malformed DataRow)");
            rows->on_row(row_fields_);
            continue;
          case 'C': {
            const auto tag = be::parse_command_complete(m.body);
            if (!tag) protocol_violation(m, "(malformed CommandComplete)");
            rows->on_complete(*tag, false);
            described_columns_.clear();
            return finish();
          }
          case 's':
            rows->on_complete({}, true);
            return finish();
          case 'I':
            rows->on_complete({}, false);
            described_columns_.clear();
            return finish();
          case 'H':
          case 'd':
          case 'c':
            continue;  // COPY TO STDOUT through Execute: data dropped, CommandComplete follows
          case 'G':
            fe::copy_fail(out_, "COPY FROM STDIN is not possible through Execute; use copy_in");
            flush_output();
            continue;
          default:
            protocol_violation(m, "in response to Execute");
        }
      case StepResult::Kind::sync:
        if (m.tag != 'Z') protocol_violation(m, "instead of ReadyForQuery");
        read_ready_for_query(m.body);
        pipeline_aborted_ = false;
        described_columns_.clear();
        return finish();
    }
  }
}

void Connection::finish_pipeline() {
  std::optional<Error> first;
  while (!pending_.empty()) {
    StepResult r = read_step();
    if (r.error && !first) first = std::move(r.error);
  }
  if (first) throw std::move(*first);
}

// --- extended query conveniences ------------------------------------------------------------

// Reads a queued request up to its Sync; returns the statement description it carried and
// throws the first error only after the whole request is consumed.
StatementDescription Connection::read_statement_description() {
  StatementDescription description;
  std::optional<Error> first;
  while (!pending_.empty()) {
    StepResult r = read_step();
    if (r.error && !first) first = std::move(r.error);
    if (r.kind == StepResult::Kind::describe_statement && !r.skipped) description = std::move(r.description);
  }
  if (first) throw std::move(*first);
  return description;
}

StatementDescription Connection::prepare(std::string_view name, std::string_view sql,
                                         std::span<const std::uint32_t> param_types) {
  require_idle();
  queue_parse(name, sql, param_types);
  queue_describe_statement(name);
  queue_sync();
  return read_statement_description();
}

StatementDescription Connection::describe_statement(std::string_view name) {
  require_idle();
  queue_describe_statement(name);
  queue_sync();
  return read_statement_description();
}

void Connection::execute_prepared(std::string_view name, const BindParams &params, RowSink &sink, bool describe) {
  require_idle();
  queue_bind("", name, params);
  if (describe) queue_describe_portal("");
  queue_execute("", 0);
  queue_sync();
  std::optional<Error> first;
  while (!pending_.empty()) {
    StepResult r = read_step(&sink);
    if (r.error && !first) first = std::move(r.error);
  }
  if (first) throw std::move(*first);
}

Result Connection::execute_prepared(std::string_view name, const BindParams &params, bool describe) {
  Result result;
  ResultBuilder builder(result);
  execute_prepared(name, params, builder, describe);
  return result;
}

void Connection::execute(std::string_view sql, const BindParams &params, RowSink &sink) {
  require_idle();
  queue_parse("", sql);
  queue_bind("", "", params);
  queue_describe_portal("");
  queue_execute("", 0);
  queue_sync();
  std::optional<Error> first;
  while (!pending_.empty()) {
    StepResult r = read_step(&sink);
    if (r.error && !first) first = std::move(r.error);
  }
  if (first) throw std::move(*first);
}

Result Connection::execute(std::string_view sql, const BindParams &params) {
  Result result;
  ResultBuilder builder(result);
  execute(sql, params, builder);
  return result;
}

Result Connection::execute(std::string_view sql, std::initializer_list<ParamValue> text_params) {
  BindParams p;
  p.values = std::span<const ParamValue>(text_params.begin(), text_params.size());
  return execute(sql, p);
}

void Connection::close_statement(std::string_view name) {
  require_idle();
  queue_close_statement(name);
  queue_sync();
  finish_pipeline();
}

// --- COPY -------------------------------------------------------------------------------------

std::uint64_t Connection::copy_out(std::string_view sql, const std::function<void(std::string_view)> &on_data) {
  require_idle();
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  fe::query(out_, sql);
  flush_output();
  std::optional<Error> first_error;
  std::optional<std::exception_ptr> callback_error;
  bool saw_copy = false;
  std::uint64_t rows = 0;
  for (;;) {
    const RawMessage m = next_message();
    switch (m.tag) {
      case 'H':
        if (!be::parse_copy_response(m.body)) protocol_violation(m, "(malformed CopyOutResponse)");
        saw_copy = true;
        break;
      case 'd':
        if (!callback_error) {
          try {
            on_data(m.body);
          } catch (...) {
            // Keep reading: the protocol has no way to stop COPY OUT early except cancel.
            callback_error = std::current_exception();
          }
        }
        break;
      case 'c':
        break;
      case 'C': {
        const auto tag = be::parse_command_complete(m.body);
        if (!tag) protocol_violation(m, "(malformed CommandComplete)");
        rows = protocol::affected_rows(*tag).value_or(0);
        break;
      }
      case 'T':
      case 'D':
      case 'I':
        break;  // not a COPY: reported below
      case 'G':
        fe::copy_fail(out_, "expected COPY TO STDOUT");
        flush_output();
        break;
      case 'E': {
        Error e = server_error(m.body);
        if (e.connection_broken()) fail(std::move(e));
        if (!first_error) first_error = std::move(e);
        break;
      }
      case 'Z':
        read_ready_for_query(m.body);
        if (first_error) throw std::move(*first_error);
        if (callback_error) std::rethrow_exception(*callback_error);
        if (!saw_copy)
          throw Error::client_error(sqlstate::invalid_parameter_value, "statement is not COPY ... TO STDOUT");
        return rows;
      default:
        protocol_violation(m, "during COPY OUT");
    }
  }
}

void Connection::CopyWriter::write(std::string_view data) {
  Connection &c = connection_;
  fe::copy_data(c.out_, data);
  // Large batches keep system calls few without holding the whole COPY in memory.
  if (c.out_.size() >= 256 * 1024) c.flush_output();
}

std::uint64_t Connection::copy_in(std::string_view sql, const std::function<void(CopyWriter &)> &produce) {
  require_idle();
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  fe::query(out_, sql);
  flush_output();
  std::optional<Error> first_error;
  std::exception_ptr producer_error;
  std::uint64_t rows = 0;
  bool saw_copy = false;
  for (;;) {
    const RawMessage m = next_message();
    switch (m.tag) {
      case 'G': {
        if (!be::parse_copy_response(m.body)) protocol_violation(m, "(malformed CopyInResponse)");
        saw_copy = true;
        CopyWriter writer(*this);
        try {
          produce(writer);
          fe::copy_done(out_);
        } catch (const Error &e) {
          if (e.connection_broken()) throw;
          producer_error = std::current_exception();
          fe::copy_fail(out_, e.what());
        } catch (const std::exception &e) {
          producer_error = std::current_exception();
          fe::copy_fail(out_, e.what());
        } catch (...) {
          producer_error = std::current_exception();
          fe::copy_fail(out_, "COPY aborted by the client");
        }
        flush_output();
        break;
      }
      case 'C': {
        const auto tag = be::parse_command_complete(m.body);
        if (!tag) protocol_violation(m, "(malformed CommandComplete)");
        rows = protocol::affected_rows(*tag).value_or(0);
        break;
      }
      case 'H':
      case 'd':
      case 'c':
      case 'T':
      case 'D':
      case 'I':
        break;
      case 'E': {
        Error e = server_error(m.body);
        if (e.connection_broken()) fail(std::move(e));
        if (!first_error) first_error = std::move(e);
        break;
      }
      case 'Z':
        read_ready_for_query(m.body);
        if (producer_error) std::rethrow_exception(producer_error);
        if (first_error) throw std::move(*first_error);
        if (!saw_copy)
          throw Error::client_error(sqlstate::invalid_parameter_value, "statement is not COPY ... FROM STDIN");
        return rows;
      default:
        protocol_violation(m, "during COPY IN");
    }
  }
}

// --- asynchronous messages and state ------------------------------------------------------------

std::vector<Notification> Connection::take_notifications() {
  std::vector<Notification> out(std::make_move_iterator(notifications_.begin()),
                                std::make_move_iterator(notifications_.end()));
  notifications_.clear();
  return out;
}

std::optional<Notification> Connection::wait_for_notification(std::chrono::milliseconds timeout) {
  require_idle();
  const auto deadline = net::Clock::now() + timeout;
  while (notifications_.empty()) {
    bool readable = false;
    try {
      readable = stream_->wait_readable(deadline);
    } catch (Error &e) {
      fail(std::move(e));
    }
    if (!readable) return std::nullopt;
    // While idle only asynchronous messages may arrive; next_message handles them.
    RawMessage m;
    try {
      m = stream_->next(deadline);
    } catch (Error &e) {
      if (e.timed_out()) return std::nullopt;
      fail(std::move(e));
    }
    if (handle_async(m)) continue;
    if (m.tag == 'E') {
      Error e = server_error(m.body);
      fail(std::move(e));
    }
    protocol_violation(m, "while idle");
  }
  Notification n = std::move(notifications_.front());
  notifications_.pop_front();
  return n;
}

CancelHandle Connection::cancel_handle() const {
  net::CancelTarget t;
  t.host = host_.host;
  t.hostaddr = host_.hostaddr;
  t.port = host_.port;
  t.process_id = backend_key_.process_id;
  t.secret_key = backend_key_.secret_key;
  return CancelHandle(std::move(t));
}

void CancelHandle::cancel(std::chrono::milliseconds timeout) const {
  try {
    net::send_cancel_request(target_, net::Clock::now() + timeout);
  } catch (const net::NetError &e) {
    Error error = Error::connection_failure(sqlstate::unable_to_connect, std::string("could not send cancel request: ") + e.what(),
                                            e.timed_out());
    throw Error(Error::Origin::connection, error.fields(), false);
  }
}

const std::string *Connection::parameter(std::string_view name) const {
  const auto it = parameters_.find(name);
  return it == parameters_.end() ? nullptr : &it->second;
}

int Connection::server_version() const {
  const std::string *v = parameter("server_version");
  if (v == nullptr) return 0;
  // "15.4", "15.4 (Debian 15.4-1)", "16beta1": major.minor → major * 10000 + minor.
  int major = 0, minor = 0;
  const char *p = v->data();
  const char *end = v->data() + v->size();
  auto r = std::from_chars(p, end, major);
  if (r.ec != std::errc()) return 0;
  if (r.ptr < end && *r.ptr == '.') std::from_chars(r.ptr + 1, end, minor);
  return major >= 10 ? major * 10000 + minor : major * 10000 + minor * 100;
}

}  // namespace pgesql::conn
