// The server_link of a real connection: runtime/conn's Connection session,
// with its exceptions turned into results the statement layer reports.
#include "exec/session_link.hpp"

#include <cctype>
#include <strings.h>
#include <vector>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"

namespace pgesql::exec {
namespace {

// Fills a query_result as rows arrive (one copy of each field). A string of
// several statements leaves the last statement's result, as PQexec does.
class result_filler final : public conn::RowSink {
 public:
  explicit result_filler(query_result &r) : r_(r) {}
  void on_columns(std::span<const conn::ColumnDescription> columns) override {
    start_statement();
    for (const auto &c : columns)
      r_.columns.push_back({c.name, c.type_oid, c.format == conn::Format::binary, c.type_size, c.type_modifier});
    r_.outcome = query_result::status::rows;
  }
  void on_row(std::span<const conn::Field> fields) override {
    start_statement();
    for (const conn::Field &f : fields)
      r_.fields.push_back(f ? std::optional<std::string>(std::in_place, f->data(), f->size()) : std::nullopt);
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
  void start_statement() {
    if (!completed_) return;
    completed_ = false;
    r_ = query_result{};
  }
  query_result &r_;
  bool completed_ = false;
};

query_result from_error(const conn::Error &e) {
  query_result r;
  r.outcome = query_result::status::error;
  // a lost connection carries the runtime's class-08 SQLSTATE (08006, 08P01, 08003)
  r.error.sqlstate = e.sqlstate();
  r.error.message = e.message();
  return r;
}

bool is_copy_to_stdout(std::string_view sql) {
  std::size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  if (sql.size() - i < 4 || strncasecmp(sql.data() + i, "copy", 4) != 0) return false;
  std::string lower(sql.substr(i));
  for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("stdout") != std::string::npos;
}

class session_link final : public server_link {
 public:
  explicit session_link(std::unique_ptr<conn::Connection> c) : c_(std::move(c)) {
    c_->set_notice_handler([this](const conn::ErrorFields &f) { notices_.push_back({f.sqlstate, f.message}); });
  }

  query_result execute(std::string_view sql, std::span<const param_value> params) override {
    if (params.empty()) return is_copy_to_stdout(sql) ? copy_out(sql) : simple_query(sql);
    bind b(params);
    return run([&](query_result &r) {
      result_filler sink(r);
      c_->execute(sql, b.params(), sink);
    });
  }
  query_result prepare(std::string_view name, std::string_view sql) override {
    // the description is kept for DESCRIBE
    return run([&](query_result &r) {
      conn::StatementDescription d = c_->prepare(name, sql);
      for (const auto &c : d.columns)
        r.columns.push_back({c.name, c.type_oid, false, c.type_size, c.type_modifier});
      r.param_count = d.param_types.size();
    });
  }
  query_result describe_prepared(std::string_view name) override {
    return run([&](query_result &r) {
      conn::StatementDescription d = c_->describe_statement(name);
      for (const auto &c : d.columns)
        r.columns.push_back({c.name, c.type_oid, false, c.type_size, c.type_modifier});
      r.param_count = d.param_types.size();
    });
  }
  query_result execute_prepared(std::string_view name, std::span<const param_value> params) override {
    bind b(params);
    return run([&](query_result &r) {
      result_filler sink(r);
      c_->execute_prepared(name, b.params(), sink);
    });
  }
  query_result simple_query(std::string_view sql) override {
    return run([&](query_result &r) {
      result_filler sink(r);
      c_->simple_query(sql, sink);
    });
  }
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
  void close() override { c_->close(); }

 private:
  // Parameter values and formats for one Bind, viewing the formatted values.
  class bind {
   public:
    explicit bind(std::span<const param_value> params) {
      bool any_binary = false;
      for (const param_value &p : params) {
        values_.push_back(p.is_null ? conn::ParamValue{} : conn::ParamValue{std::string_view(p.data)});
        formats_.push_back(p.binary ? conn::Format::binary : conn::Format::text);
        any_binary = any_binary || p.binary;
      }
      if (!any_binary) formats_.clear();
    }
    conn::BindParams params() const { return conn::BindParams{values_, formats_, {}}; }

   private:
    std::vector<conn::ParamValue> values_;
    std::vector<conn::Format> formats_;
  };

  template <typename Fn>
  query_result run(Fn &&fn) {
    query_result r;
    try {
      fn(r);
    } catch (const conn::Error &e) {
      return from_error(e);
    }
    return r;
  }

  query_result copy_out(std::string_view sql) {
    return run([&](query_result &r) {
      r.outcome = query_result::status::copy_out;
      std::uint64_t n = c_->copy_out(sql, [&](std::string_view data) { r.copy_data.append(data); });
      r.command_tag = "COPY " + std::to_string(n);
    });
  }

  std::unique_ptr<conn::Connection> c_;
  std::vector<server_message> notices_;
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
    error = e.message();
  }
  return nullptr;
}

}  // namespace pgesql::exec
