#include "exec/cached_run.hpp"

#include <cstdlib>
#include <string_view>

#include "diag/debug_log.hpp"

namespace pgesql::exec {
namespace {

// Errors after which a cached statement is prepared again.
bool stale_statement_error(const query_result &r) {
  if (r.outcome != query_result::status::error) return false;
  const std::string &state = r.error.sqlstate;
  if (state == "26000") return true;  // the server no longer has it
  return state == "0A000" && r.error.message.find("cached plan must not change result type") != std::string::npos;
}

}  // namespace

statement_cache *cache_of(connection &c) {
  if (!c.statements) {
    if (!c.link->supports_cached_statements()) return nullptr;
    c.statements = std::make_unique<statement_cache>(
        statement_cache_capacity(std::getenv("PGESQL_STMT_CACHE_SIZE"), c.link->option("statement_cache")));
  }
  return c.statements->enabled() ? c.statements.get() : nullptr;
}

void run_cached(connection &c, const pgesql_stmt *stmt, const std::string &sql, std::span<const param_value> params,
                const std::string *replay_begin, query_result &r) {
  statement_cache &cache = *c.statements;
  for (int attempt = 0;; ++attempt) {
    const std::vector<std::string> closing = cache.take_to_close();
    cached_statement *entry = cache.find(stmt, sql);
    const bool was_cached = entry != nullptr;
    // a cached entry's name is not copied (no allocation on the warm path); no insert
    // happens before its last use
    std::string fresh_name;
    if (!was_cached) fresh_name = cache.next_name();
    const std::string_view name = was_cached ? std::string_view(entry->name) : std::string_view(fresh_name);
    cached_execution run;
    run.name = name;
    run.sql = was_cached ? std::string_view() : std::string_view(sql);
    run.params = params;
    run.close_first = closing;
    run.columns = was_cached && entry->described ? &entry->columns : nullptr;
    c.link->execute_cached(run, r);
    if (!was_cached && run.parsed) entry = &cache.insert(stmt, fresh_name, sql);
    if (entry != nullptr && run.described && r.outcome != query_result::status::error) {
      entry->columns = r.columns;
      entry->described = true;
    }
    if (!was_cached || attempt > 0 || !stale_statement_error(r)) return;
    if (r.error.sqlstate == "26000") {
      // The cache only holds names the server acknowledged, and DISCARD/DEALLOCATE empty it:
      // a missing one means another server connection answered (a transaction pooler).
      // Named statements cannot be relied on there, so this connection stops using them.
      diag::log("run_cached on line %d: the server does not know statement %.*s; not caching statements on "
                "this connection any more\n",
                stmt->line, static_cast<int>(name.size()), name.data());
      cache.disable();
    } else {
      cache.erase(stmt);
    }
    const transaction_state now = c.link->transaction_status();
    if (now == transaction_state::failed && replay_begin != nullptr) {
      // the transaction had done nothing but begin: begin it again the same way
      diag::log("run_cached on line %d: statement went stale; running it again\n", stmt->line);
      query_result undo = c.link->simple_query("rollback");
      if (undo.outcome == query_result::status::error) return;
      query_result begin = c.link->simple_query(*replay_begin);
      if (begin.outcome == query_result::status::error) {
        r = std::move(begin);
        return;
      }
    } else if (now != transaction_state::idle) {
      return;  // inside a transaction that did other work the error stands
    } else {
      diag::log("run_cached on line %d: statement went stale; running it again\n", stmt->line);
    }
    if (!cache.enabled()) {
      r = c.link->execute(sql, params);
      return;
    }
  }
}

void note_command(connection &c, const query_result &r) {
  if (!c.statements || r.outcome != query_result::status::command_ok) return;
  switch (command_cache_effect(r.command_tag)) {
    case cache_effect::none:
      return;
    case cache_effect::stale:
      c.statements->clear(false);
      return;
    case cache_effect::forgotten:
      c.statements->clear(true);
      return;
  }
}

}  // namespace pgesql::exec
