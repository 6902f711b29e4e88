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
    } catch (...) {
      // The server is gone already, or there is no memory to say goodbye: close regardless.
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
  ++ready_count_;
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

void Connection::queue_simple_query(std::string_view sql) {
  require_idle();
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  fe::query(out_, sql);
}

void Connection::send_simple_query(std::string_view sql) {
  queue_simple_query(sql);
  flush_output();
}

// A simple-query request goes on to ReadyForQuery after an error; the first error is the one
// reported, unless the connection itself broke.
void Connection::keep_first_error(std::string_view body, std::optional<Error> &first) {
  Error e = server_error(body);
  if (e.connection_broken()) fail(std::move(e));
  if (!first) first = std::move(e);
}

void Connection::run_simple_query(std::string_view sql, RowSink *sink, std::vector<Result> *results) {
  send_simple_query(sql);
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
      case 'E':
        keep_first_error(m.body, first_error);
        break;
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
