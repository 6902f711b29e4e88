// The extended-query pipeline: queue Parse/Bind/Describe/Execute/Close/Sync, send them in one
// write, read the replies a step at a time; and the one-call conveniences built on it.
#include "conn/connection.hpp"

namespace pgesql::conn {

namespace fe = protocol::frontend;
namespace be = protocol::backend;
using protocol::RawMessage;

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

void Connection::check_queueable(std::initializer_list<std::string_view> names) const {
  require_usable();
  for (std::string_view name : names) check_name(name);
}

// Checks the names, writes the message, and counts the reply step it expects.
template <class WriteMessage>
void Connection::queue_step(StepResult::Kind kind, std::initializer_list<std::string_view> names,
                            WriteMessage write) {
  check_queueable(names);
  write();
  note_queued(kind);
}

void Connection::queue_parse(std::string_view statement, std::string_view sql,
                             std::span<const std::uint32_t> param_types) {
  check_queueable({statement});
  if (!protocol::is_protocol_string(sql))
    throw Error::client_error(sqlstate::invalid_parameter_value, "query text contains a zero byte");
  if (param_types.size() > 65535)
    throw Error::client_error(sqlstate::invalid_parameter_value, "too many parameter types (at most 65535)");
  fe::parse(out_, statement, sql, param_types);
  note_queued(StepResult::Kind::parse);
}

void Connection::queue_bind(std::string_view portal, std::string_view statement, const BindParams &p) {
  check_queueable({portal, statement});
  if (p.values.size() > 65535)
    throw Error::client_error(sqlstate::invalid_parameter_value, "too many parameters (at most 65535)");
  if (p.formats.size() > 1 && p.formats.size() != p.values.size())
    throw Error::client_error(sqlstate::invalid_parameter_value, "parameter format count does not match parameters");
  fe::bind(out_, portal, statement, p.formats, p.values, p.result_formats);
  note_queued(StepResult::Kind::bind);
}

void Connection::queue_describe_statement(std::string_view statement) {
  queue_step(StepResult::Kind::describe_statement, {statement}, [&] { fe::describe_statement(out_, statement); });
}

void Connection::queue_describe_portal(std::string_view portal) {
  queue_step(StepResult::Kind::describe_portal, {portal}, [&] { fe::describe_portal(out_, portal); });
}

void Connection::queue_execute(std::string_view portal, std::int32_t max_rows) {
  queue_step(StepResult::Kind::execute, {portal}, [&] { fe::execute(out_, portal, max_rows); });
}

void Connection::queue_close_statement(std::string_view statement) {
  queue_step(StepResult::Kind::close, {statement}, [&] { fe::close_statement(out_, statement); });
}

void Connection::queue_close_portal(std::string_view portal) {
  queue_step(StepResult::Kind::close, {portal}, [&] { fe::close_portal(out_, portal); });
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

// Takes one reply to the step at the head of the pipeline; true when the step is complete.
bool Connection::accept_reply(StepResult &r, const RawMessage &m, RowSink *rows) {
  switch (r.kind) {
    case StepResult::Kind::parse:
      if (m.tag != '1' || !be::parse_empty(m.body)) protocol_violation(m, "instead of ParseComplete");
      return true;
    case StepResult::Kind::bind:
      if (m.tag != '2' || !be::parse_empty(m.body)) protocol_violation(m, "instead of BindComplete");
      return true;
    case StepResult::Kind::close:
      if (m.tag != '3' || !be::parse_empty(m.body)) protocol_violation(m, "instead of CloseComplete");
      return true;
    case StepResult::Kind::describe_statement:
      if (m.tag == 't') {
        if (!be::parse_parameter_description(m.body, r.description.param_types))
          protocol_violation(m, "(malformed ParameterDescription)");
        return false;
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
      return true;
    case StepResult::Kind::execute:
      switch (m.tag) {
        case 'D':
          if (!be::parse_data_row(m.body, row_fields_)) protocol_violation(m, "(malformed DataRow)");
          rows->on_row(row_fields_);
          return false;
        case 'C': {
          const auto tag = be::parse_command_complete(m.body);
          if (!tag) protocol_violation(m, "(malformed CommandComplete)");
          rows->on_complete(*tag, false);
          described_columns_.clear();
          return true;
        }
        case 's':
          rows->on_complete({}, true);
          return true;
        case 'I':
          rows->on_complete({}, false);
          described_columns_.clear();
          return true;
        case 'H':
        case 'd':
        case 'c':
          return false;  // COPY TO STDOUT through Execute: data dropped, CommandComplete follows
        case 'G':
          fe::copy_fail(out_, "COPY FROM STDIN is not possible through Execute; use copy_in");
          flush_output();
          return false;
        default:
          protocol_violation(m, "in response to Execute");
      }
    case StepResult::Kind::sync:
      if (m.tag != 'Z') protocol_violation(m, "instead of ReadyForQuery");
      read_ready_for_query(m.body);
      pipeline_aborted_ = false;
      described_columns_.clear();
      return true;
  }
  return false;
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
    if (accept_reply(r, m, rows)) return finish();
  }
}

void Connection::finish_pipeline() { drain_pipeline(nullptr); }

// Reads every pending step, rows to `sink`; the first error is thrown once all are read, so the
// connection is left at ReadyForQuery either way.
void Connection::drain_pipeline(RowSink *sink) {
  std::optional<Error> first;
  while (!pending_.empty()) {
    StepResult r = read_step(sink);
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
  drain_pipeline(&sink);
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
  drain_pipeline(&sink);
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

}  // namespace pgesql::conn
