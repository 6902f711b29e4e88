// The server_link of a real connection: runtime/conn's Connection session,
// with its exceptions turned into results the statement layer reports.
#include "exec/session_link.hpp"

#include <cctype>
#include <deque>
#include <strings.h>
#include <vector>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"
#include "exec/batch_copy.hpp"

namespace pgesql::exec {
namespace {

// Fills a query_result as rows arrive (one copy of each field), in the spare
// storage of an earlier result when there is one. A string of several
// statements leaves the last statement's result, as PQexec does.
class result_filler final : public conn::RowSink {
 public:
  explicit result_filler(query_result &r, result_fields *spare = nullptr) : r_(r), spare_(spare) {}
  void on_columns(std::span<const conn::ColumnDescription> columns) override {
    start_statement();
    use_spare();
    for (const auto &c : columns)
      r_.columns.push_back({c.name, c.type_oid, c.format == conn::Format::binary, c.type_size, c.type_modifier});
    r_.outcome = query_result::status::rows;
  }
  void on_row(std::span<const conn::Field> fields) override {
    start_statement();
    use_spare();  // a cached statement's rows come without a description
    for (const conn::Field &f : fields) r_.fields.push_back(f);
    ++r_.row_count;
  }
  void on_complete(std::string_view tag, bool) override {
    start_statement();
    r_.command_tag = std::string(tag);
    if (tag.empty() && r_.columns.empty()) r_.outcome = query_result::status::empty_query;
    // a statement without a row description (INSERT, CREATE TABLE AS, ...) is a command
    else if (r_.columns.empty()) r_.outcome = query_result::status::command_ok;
    completed_ = true;
  }

 private:
  // The storage of an earlier result, when there is one and nothing was stored yet.
  void use_spare() {
    if (spare_ == nullptr || !r_.fields.empty() || r_.fields.field_capacity() > 0) return;
    r_.fields.swap(*spare_);
    r_.fields.clear();
  }
  void start_statement() {
    if (!completed_) return;
    completed_ = false;
    r_ = query_result{};
  }
  query_result &r_;
  result_fields *spare_;
  bool completed_ = false;
};

// Adds up the rows each Execute of a batch reports; returned rows are dropped.
class row_counter final : public conn::RowSink {
 public:
  void on_columns(std::span<const conn::ColumnDescription>) override {}
  void on_row(std::span<const conn::Field>) override {}
  void on_complete(std::string_view tag, bool) override {
    std::size_t space = tag.rfind(' ');
    if (space != std::string_view::npos) {
      std::uint64_t n = 0;
      for (char c : tag.substr(space + 1)) n = n * 10 + static_cast<std::uint64_t>(c - '0');
      total += n;
    }
    last_tag = tag;
  }
  std::uint64_t total = 0;
  std::string last_tag;
};

// `sql`: the text sent, kept when the server points into it (errors only: no cost otherwise).
query_result from_error(const conn::Error &e, std::string_view sql = {}) {
  query_result r;
  r.outcome = query_result::status::error;
  // a lost connection carries the runtime's class-08 SQLSTATE (08006, 08P01, 08003)
  r.error.sqlstate = e.sqlstate();
  r.error.message = e.message();
  r.error.detail = e.fields().detail;
  r.error.hint = e.fields().hint;
  const std::string &position = e.fields().position;
  if (!sql.empty() && !position.empty() && position.size() < 10 &&
      position.find_first_not_of("0123456789") == std::string::npos) {
    r.error.position = std::stoi(position);
    r.error.query = sql;
  }
  return r;
}

class session_link final : public server_link {
 public:
  explicit session_link(std::unique_ptr<conn::Connection> c) : c_(std::move(c)) {
    c_->set_notice_handler([this](const conn::ErrorFields &f) { notices_.push_back({f.sqlstate, f.message}); });
  }

  query_result execute(std::string_view sql, std::span<const param_value> params) override {
    settle();
    if (params.empty()) return simple_query(sql);
    bind_.assign(params);
    return run([&](query_result &r) {
      result_filler sink(r, &spare_);
      c_->execute(sql, bind_.params(), sink);
    }, sql);
  }
  query_result prepare(std::string_view name, std::string_view sql) override {
    settle();
    // the description is kept for DESCRIBE
    return run([&](query_result &r) {
      conn::StatementDescription d = c_->prepare(name, sql);
      for (const auto &c : d.columns)
        r.columns.push_back({c.name, c.type_oid, false, c.type_size, c.type_modifier});
      r.param_types = std::move(d.param_types);
    }, sql);
  }
  query_result describe_prepared(std::string_view name) override {
    settle();
    return run([&](query_result &r) {
      conn::StatementDescription d = c_->describe_statement(name);
      for (const auto &c : d.columns)
        r.columns.push_back({c.name, c.type_oid, false, c.type_size, c.type_modifier});
      r.param_types = std::move(d.param_types);
    });
  }
  query_result execute_prepared(std::string_view name, std::span<const param_value> params) override {
    settle();
    bind_.assign(params);
    return run([&](query_result &r) {
      result_filler sink(r, &spare_);
      c_->execute_prepared(name, bind_.params(), sink);
    });
  }
  bool supports_cached_statements() const override { return true; }
  void execute_cached(cached_execution &run, query_result &into) override {
    settle();
    bind_.assign(run.params);
    into.reset_keeping_storage();
    query_result &r = into;
    try {
      result_filler sink(r, &spare_);
      for (const std::string &old : run.close_first) c_->queue_close_statement(old);
      if (!run.sql.empty()) c_->queue_parse(run.name, run.sql);
      c_->queue_bind("", run.name, bind_.params());
      if (run.columns == nullptr) {
        c_->queue_describe_portal("");
      } else if (!run.columns->empty()) {
        r.columns = *run.columns;  // into the kept storage: no allocation for short names
        r.outcome = query_result::status::rows;
      }
      c_->queue_execute("", 0);
      c_->queue_sync();
      std::optional<conn::Error> first;
      while (c_->pending_steps() > 0) {
        conn::StepResult step = c_->read_step(&sink);
        if (step.error && !first) first = std::move(step.error);
        if (step.skipped || step.error) continue;
        if (step.kind == conn::StepResult::Kind::parse) run.parsed = true;
        if (step.kind == conn::StepResult::Kind::describe_portal) run.described = true;
      }
      if (first) throw std::move(*first);
    } catch (const conn::Error &e) {
      into = from_error(e, run.sql);
      // as run_steps: the steps still pending are read, so the connection stays usable
      if (!c_->is_broken()) {
        try {
          while (c_->pending_steps() > 0) c_->read_step();
        } catch (const conn::Error &) {
        }
      }
    }
  }
  // Execute with a row limit on the cursor's own portal: unlike FETCH n, whose rows the
  // server collects before sending any, rows stream as computed, so those before an error arrive.
  query_result fetch_ahead(const std::string &cursor, std::size_t rows) override {
    settle();
    try {
      queue_window(cursor, rows);
    } catch (const conn::Error &e) {
      return from_error(e);
    }
    return read_window();
  }
  bool send_ahead(const std::string &cursor, std::size_t rows) override {
    if (ahead_.size() >= max_requests_ahead) return false;
    window_request &w = ahead_.emplace_back();
    w.what = rows_in_flight{cursor, rows};
    try {
      queue_window(cursor, rows);
      c_->send_queued();
    } catch (const conn::Error &e) {
      w.rows = from_error(e);  // collect_ahead reports it, at the FETCH that needs the rows
      w.read = true;
    }
    return true;
  }
  const rows_in_flight *ahead_in_flight() const override { return ahead_.empty() ? nullptr : &ahead_.front().what; }
  std::size_t requests_in_flight() const override { return ahead_.size(); }
  query_result collect_ahead() override {
    if (ahead_.empty()) return query_result{};
    read_request(0);
    query_result r = std::move(ahead_.front().rows);
    ahead_.pop_front();
    return r;
  }
  const std::string *option(std::string_view name) const override {
    const auto &options = c_->config().pgesql_options;
    const auto it = options.find(std::string(name));
    return it == options.end() ? nullptr : &it->second;
  }
  batch_result execute_batch(std::string_view sql, const param_rows &params) override {
    settle();
    // Parse once, Bind/Execute per row, one Sync: until the Sync every row is
    // in one transaction (the implicit one in autocommit mode), so the batch
    // is atomic. Sending every few hundred rows lets the server start early.
    constexpr std::size_t rows_per_send = 256;
    batch_result out;
    const std::size_t rows = params.rows();
    if (params.per_row() > 65535) {
      // checked here: a Bind refused half-way would leave the pipeline unfinished
      out.status.outcome = query_result::status::error;
      out.status.error = {"54000", "too many parameters (at most 65535)"};
      return out;
    }
    try {
      c_->queue_parse("", sql);
      bind b;
      for (std::size_t i = 0; i < rows; ++i) {
        b.assign(params, i);
        c_->queue_bind("", "", b.params());
        c_->queue_execute("", 0);
        if ((i + 1) % rows_per_send == 0) c_->send_queued();
      }
      c_->queue_sync();
      row_counter counter;
      // steps: parse, then bind + execute for each row, then sync
      for (std::size_t step = 0; c_->pending_steps() > 0; ++step) {
        conn::StepResult r = c_->read_step(&counter);
        if (!r.error || out.status.outcome == query_result::status::error) continue;
        out.status = from_error(*r.error, sql);
        if (r.kind == conn::StepResult::Kind::bind || r.kind == conn::StepResult::Kind::execute)
          out.failed_row = (step - 1) / 2;
      }
      if (out.status.outcome != query_result::status::error) {
        out.rows_processed = counter.total;
        out.status.command_tag = counter.last_tag;
      }
    } catch (const conn::Error &e) {
      out = batch_result{};
      out.status = from_error(e);
    }
    return out;
  }
  batch_result copy_batch(std::string_view, std::string_view copy_sql, const param_rows &params,
                          std::span<const binary_column> binary) override {
    settle();
    // COPY by simple query: one statement, so atomic in autocommit mode too. Its data goes
    // right behind it (the statement is pgesql's own), so a batch costs one round trip.
    constexpr std::size_t chunk_bytes = 64 * 1024;
    batch_result out;
    try {
      std::uint64_t n = c_->copy_in(copy_sql, [&](conn::Connection::CopyWriter &w) {
        std::string chunk;
        chunk.reserve(chunk_bytes + 1024);
        if (!binary.empty()) append_binary_header(chunk);
        for (std::size_t i = 0; i < params.rows(); ++i) {
          if (binary.empty())
            append_copy_row(chunk, params, i);
          else
            append_binary_row(chunk, params, i, binary);
          if (chunk.size() >= chunk_bytes) {
            w.write(chunk);
            chunk.clear();
          }
        }
        if (!binary.empty()) append_binary_trailer(chunk);
        if (!chunk.empty()) w.write(chunk);
      }, conn::Connection::CopyStart::with_query);
      out.rows_processed = n;
      out.status.command_tag = "INSERT 0 " + std::to_string(n);
    } catch (const conn::Error &e) {
      out.status = from_error(e);
      if (std::size_t line = copy_error_line(e.fields().where); line > 0 && line <= params.rows())
        out.failed_row = line - 1;
    }
    return out;
  }
  std::optional<std::uint64_t> completed_exchanges() const override { return c_->completed_exchanges(); }
  int server_version() const override { return c_->server_version(); }
  query_result simple_query(std::string_view sql) override {
    settle();
    return run([&](query_result &r) {
      result_filler sink(r, &spare_);
      c_->simple_query(sql, sink);
    }, sql);
  }
  query_result copy_from(std::string_view sql, const copy_source &source) override {
    settle();
    return run_copy([&] {
      return c_->copy_in(sql, [&](conn::Connection::CopyWriter &w) {
        std::unique_ptr<char[]> buffer(new char[copy_chunk_bytes]);
        for (;;) {
          const std::size_t n = source(buffer.get(), copy_chunk_bytes);
          if (n == 0) return;
          w.write({buffer.get(), n});
        }
      });
    });
  }
  query_result copy_to(std::string_view sql, const copy_sink &sink) override {
    settle();
    return run_copy([&] { return c_->copy_out(sql, sink); });
  }
  std::vector<notification> take_notifications() override {
    std::vector<notification> out;
    for (conn::Notification &n : c_->take_notifications())
      out.push_back({std::move(n.channel), std::move(n.payload), n.process_id});
    return out;
  }
  std::optional<notification> wait_notification(std::optional<std::chrono::milliseconds> timeout,
                                                query_result &failure) override {
    settle();
    // "no limit" as a deadline far enough away (steady_clock counts nanoseconds in 64 bits)
    const auto limit = timeout.value_or(std::chrono::hours(24 * 365 * 50));
    try {
      std::optional<conn::Notification> n = c_->wait_for_notification(limit);
      if (!n) return std::nullopt;
      return notification{std::move(n->channel), std::move(n->payload), n->process_id};
    } catch (const conn::Error &e) {
      failure = from_error(e);
      return std::nullopt;
    }
  }
  int socket() const override { return c_->socket_fd(); }
  transaction_state transaction_status() const override {
    if (c_->is_broken()) return transaction_state::unknown;
    switch (c_->transaction_status()) {
      case conn::TransactionStatus::idle: return transaction_state::idle;
      case conn::TransactionStatus::in_transaction: return transaction_state::in_transaction;
      case conn::TransactionStatus::failed: return transaction_state::failed;
    }
    return transaction_state::unknown;
  }
  bool is_open() const override { return !c_->is_broken(); }
  std::vector<server_message> take_notices() override {
    std::vector<server_message> n;
    n.swap(notices_);
    return n;
  }
  void close() override {
    ahead_.clear();  // Terminate needs no reply read first
    c_->close();
  }
  void give_back(result_fields &&spent) override {
    // the largest recent storage is kept, up to a bound, so one huge result is not held forever
    constexpr std::size_t keep_bytes = 1 << 20, keep_fields = 1 << 16;
    if (spent.byte_capacity() > keep_bytes || spent.field_capacity() > keep_fields) return;
    if (spent.byte_capacity() + spent.field_capacity() <= spare_.byte_capacity() + spare_.field_capacity()) return;
    spare_ = std::move(spent);
    spare_.clear();
  }

 private:
  // Parameter values and formats for one Bind, viewing the formatted values.
  class bind {
   public:
    bind() = default;
    explicit bind(std::span<const param_value> params) { assign(params); }
    void assign(std::span<const param_value> params) {
      values_.clear();
      formats_.clear();
      bool any_binary = false;
      for (const param_value &p : params) {
        values_.push_back(p.is_null ? conn::ParamValue{} : conn::ParamValue{std::string_view(p.data)});
        formats_.push_back(p.binary ? conn::Format::binary : conn::Format::text);
        any_binary = any_binary || p.binary;
      }
      if (!any_binary) formats_.clear();
    }
    // Row `row` of a batch.
    void assign(const param_rows &rows, std::size_t row) {
      values_.clear();
      formats_.clear();
      for (std::size_t col = 0; col < rows.per_row(); ++col) {
        const param_rows::value v = rows.at(row, col);
        values_.push_back(v.is_null ? conn::ParamValue{} : conn::ParamValue{v.data});
        if (rows.any_binary()) formats_.push_back(v.binary ? conn::Format::binary : conn::Format::text);
      }
    }
    conn::BindParams params() const { return conn::BindParams{values_, formats_, {}}; }

   private:
    std::vector<conn::ParamValue> values_;
    std::vector<conn::Format> formats_;
  };

  // Describe + Execute(rows) + Sync on the cursor's portal, queued.
  void queue_window(const std::string &cursor, std::size_t rows) {
    c_->queue_describe_portal(cursor);
    c_->queue_execute(cursor, static_cast<std::int32_t>(rows));
    c_->queue_sync();
  }
  // The reply to queue_window: the rows, and the error after them if there was one. The
  // last `leave` pending steps are another request's, left unread.
  query_result read_window(std::size_t leave = 0) {
    query_result r;
    result_filler sink(r, &spare_);
    std::optional<conn::Error> first;
    try {
      while (c_->pending_steps() > leave) {
        conn::StepResult step = c_->read_step(&sink);
        if (step.error && !first) first = std::move(step.error);
      }
    } catch (const conn::Error &e) {
      return from_error(e);
    }
    if (!first) return r;
    query_result failed = from_error(*first);
    failed.columns = std::move(r.columns);
    failed.fields = std::move(r.fields);
    failed.row_count = r.row_count;
    return failed;
  }
  // Reads the replies of the requests ahead up to and including the i-th (oldest first).
  void read_request(std::size_t i) {
    for (std::size_t k = 0; k <= i && k < ahead_.size(); ++k) {
      if (ahead_[k].read) continue;
      std::size_t unread_behind = 0;
      for (std::size_t later = k + 1; later < ahead_.size(); ++later) unread_behind += ahead_[later].read ? 0 : 1;
      ahead_[k].rows = read_window(unread_behind * window_steps);
      ahead_[k].read = true;
    }
  }
  // Before any other request: the replies to send_ahead are read and kept, so the
  // connection is free (the rows wait for collect_ahead).
  void settle() {
    if (!ahead_.empty()) read_request(ahead_.size() - 1);
  }

  // Like run, for a pipeline: the steps still pending after an exception are read, so the
  // connection stays usable.
  template <typename Fn>
  query_result run_steps(Fn &&fn, std::string_view sql = {}) {
    query_result r = run(fn, sql);
    if (r.outcome == query_result::status::error && !c_->is_broken()) {
      try {
        while (c_->pending_steps() > 0) c_->read_step();
      } catch (const conn::Error &) {
      }
    }
    return r;
  }

  // `sql`: the text the step sends, for the error's position
  template <typename Fn>
  query_result run(Fn &&fn, std::string_view sql = {}) {
    query_result r;
    try {
      fn(r);
    } catch (const conn::Error &e) {
      return from_error(e, sql);
    }
    return r;
  }

  // COPY's outcome as a command's: the tag carries the rows copied. A source's or sink's
  // copy_failure is the program's I/O error (58030); the server's errors are its own.
  template <typename Fn>
  query_result run_copy(Fn &&copy) {
    query_result r;
    try {
      r.command_tag = "COPY " + std::to_string(copy());
    } catch (const conn::Error &e) {
      r = from_error(e);
      // which line of the data the server rejected ("COPY t, line 2, column a: ...")
      const std::string &where = e.fields().where;
      if (where.starts_with("COPY ")) r.error.message += " (" + where.substr(0, where.find('\n')) + ")";
    } catch (const copy_failure &e) {
      r.outcome = query_result::status::error;
      r.error.sqlstate = "58030";
      r.error.message = e.what();
    }
    return r;
  }
  static constexpr std::size_t copy_chunk_bytes = 64 * 1024;

  std::unique_ptr<conn::Connection> c_;
  std::vector<server_message> notices_;
  result_fields spare_;  // see give_back
  bind bind_;            // the parameters of the statement being sent, its storage reused
  // send_ahead's requests, oldest first: in flight until read, then kept for collect_ahead
  struct window_request {
    rows_in_flight what;
    bool read = false;
    query_result rows;
  };
  static constexpr std::size_t max_requests_ahead = 2;
  static constexpr std::size_t window_steps = 3;  // queue_window's Describe, Execute, Sync
  std::deque<window_request> ahead_;
};

}  // namespace

std::unique_ptr<server_link> open_session_link(const std::string &target, const std::string &user,
                                               const std::string &password, std::string &error) {
  try {
    conn::Config config = conn::config_from_target(target, user, password);
    const conn::SecretsCleansedOnExit wipe(config);
    return std::make_unique<session_link>(conn::Connection::open(config));
  } catch (const conn::ConfigError &e) {
    error = e.what();
  } catch (const conn::Error &e) {
    // the server's own SQLSTATE when it refused us (28P01 bad password, 3D000 no database)
    error = e.origin() == conn::Error::Origin::server ? e.message() + " (SQLSTATE " + e.sqlstate() + ")" : e.message();
  }
  return nullptr;
}

}  // namespace pgesql::exec
