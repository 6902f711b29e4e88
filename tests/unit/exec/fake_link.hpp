// A scripted server link: records what the statement layer sends and answers
// from a queue of results, tracking the transaction state like a server.
#pragma once

#include <deque>
#include <string>
#include <vector>
#include <strings.h>

#include "exec/server_link.hpp"

namespace pgesql::exec::testing {

struct sent {
  std::string how;  // "execute", "prepare", "execute_prepared", "simple"
  std::string sql;  // or statement name
  std::vector<param_value> params;
};

struct fake_state {
  std::vector<sent> log;
  std::deque<query_result> answers;  // for execute/execute_prepared/prepare (default: command_ok)
  std::vector<server_message> notices;
  transaction_state tx = transaction_state::idle;
  bool open = true;
  bool closed_by_client = false;
};

inline query_result command(std::string tag) {
  query_result r;
  r.command_tag = std::move(tag);
  return r;
}

inline query_result rows(std::vector<column_info> cols, std::vector<std::vector<std::optional<std::string>>> data) {
  query_result r;
  r.outcome = query_result::status::rows;
  r.columns = std::move(cols);
  r.row_count = data.size();
  for (auto &row : data)
    for (auto &f : row) r.fields.push_back(std::move(f));
  r.command_tag = "SELECT " + std::to_string(r.row_count);
  return r;
}

inline query_result error(std::string state, std::string message) {
  query_result r;
  r.outcome = query_result::status::error;
  r.error = {std::move(state), std::move(message)};
  return r;
}

class fake_link : public server_link {
 public:
  explicit fake_link(fake_state &s) : s_(s) {}
  query_result execute(std::string_view sql, std::span<const param_value> params) override {
    s_.log.push_back({"execute", std::string(sql), {params.begin(), params.end()}});
    return next();
  }
  query_result prepare(std::string_view name, std::string_view sql) override {
    s_.log.push_back({"prepare", std::string(name) + ":" + std::string(sql), {}});
    return next();
  }
  query_result describe_prepared(std::string_view name) override {
    s_.log.push_back({"describe", std::string(name), {}});
    return next();
  }
  query_result execute_prepared(std::string_view name, std::span<const param_value> params) override {
    s_.log.push_back({"execute_prepared", std::string(name), {params.begin(), params.end()}});
    return next();
  }
  query_result simple_query(std::string_view sql) override {
    s_.log.push_back({"simple", std::string(sql), {}});
    std::string q(sql);
    if (strncasecmp(q.c_str(), "begin", 5) == 0 || strncasecmp(q.c_str(), "start", 5) == 0) {
      s_.tx = transaction_state::in_transaction;
      return command("BEGIN");
    }
    if (strncasecmp(q.c_str(), "commit", 6) == 0 || strncasecmp(q.c_str(), "rollback", 8) == 0) {
      s_.tx = transaction_state::idle;
      return command("COMMIT");
    }
    return next();
  }
  transaction_state transaction_status() const override { return s_.tx; }
  bool is_open() const override { return s_.open; }
  std::vector<server_message> take_notices() override {
    std::vector<server_message> n;
    n.swap(s_.notices);
    return n;
  }
  void close() override {
    s_.open = false;
    s_.closed_by_client = true;
  }

 private:
  query_result next() {
    if (s_.answers.empty()) return command("SELECT 0");
    query_result r = std::move(s_.answers.front());
    s_.answers.pop_front();
    if (r.outcome == query_result::status::error && s_.tx == transaction_state::in_transaction)
      s_.tx = transaction_state::failed;
    return r;
  }
  fake_state &s_;
};

}  // namespace pgesql::exec::testing
