#include "exec/readahead_policy.hpp"

#include <cstdlib>

#include "diag/debug_log.hpp"
#include "exec/cursor_readahead.hpp"

namespace pgesql::exec {
namespace {

// The connection's own setting, when the program made one (option, then environment).
std::optional<std::size_t> connection_setting(connection &c) {
  if (!c.readahead_setting_known) {
    c.readahead_setting = readahead_setting(std::getenv("PGESQL_FETCH_READAHEAD"), c.link->option("fetch_readahead"));
    c.readahead_setting_known = true;
  }
  return c.readahead_setting;
}

// One round trip after the DECLARE, inside the program's transaction; it cannot fail on
// any input (to_regclass returns NULL for what it cannot find), so it never aborts that
// transaction. Relations are asked for by the names the query used, under the search_path
// the cursor was declared with.
constexpr const char *check_sql =
    "select (select pg_catalog.count(*) from pg_catalog.unnest(pg_catalog.string_to_array($1, pg_catalog.chr(10)))"
    " as n(name) left join pg_catalog.pg_class r on r.oid = pg_catalog.to_regclass(n.name)"
    " where r.oid is null or r.relkind not in ('r', 'p', 'm') or r.relrowsecurity),"
    " pg_catalog.current_setting('transaction_isolation'), pg_catalog.current_setting('statement_timeout'),"
    " (select c.is_scrollable from pg_catalog.pg_cursors c where c.name = $2)";

bool server_confirms(connection &c, const pgesql_stmt *stmt, const std::string &cursor) {
  param_value params[2];
  params[0].data = stmt->relations != nullptr ? stmt->relations : "";
  params[1].data = cursor;
  query_result r = c.link->execute(check_sql, std::span<const param_value>(params, 2));
  const bool answered = r.outcome == query_result::status::rows && r.row_count == 1 && r.columns.size() == 4;
  readahead_check check;
  if (answered) {
    const auto text = [&](std::size_t col) {
      const result_fields::value f = r.field(0, col);
      return f ? std::string(*f) : std::string();
    };
    check.other_relations = std::strtol(text(0).c_str(), nullptr, 10);
    check.isolation = text(1);
    check.statement_timeout = text(2);
    check.scrollable = text(3) == "t";
  }
  c.link->give_back(std::move(r.fields));
  const bool ok = answered && readahead_unobservable(check);
  diag::log("readahead on line %d: cursor %s %s\n", stmt->line, cursor.c_str(),
            ok ? "reads ahead" : "fetches row by row (the server's facts do not allow readahead)");
  return ok;
}

}  // namespace

bool readahead_unobservable(const readahead_check &check) {
  // SERIALIZABLE: rows read early take predicate locks the program never asked for.
  // statement_timeout: a window is one statement, and may take longer than one row.
  // Not scrollable: the server could not be moved back onto the program's row for
  // WHERE CURRENT OF or FETCH PRIOR/ABSOLUTE.
  return check.other_relations == 0 && check.isolation != "serializable" &&
         (check.statement_timeout == "0" || check.statement_timeout.empty()) && check.scrollable;
}

std::size_t readahead_for(connection &c, const pgesql_stmt *stmt, const std::string &cursor,
                          std::optional<std::size_t> cursor_cap) {
  if (cursor_cap) return *cursor_cap;
  if (std::optional<std::size_t> setting = connection_setting(c)) return *setting;
  if ((stmt->facts & PGESQL_FACT_READAHEAD_SAFE) == 0) return 0;
  return server_confirms(c, stmt, cursor) ? default_readahead_cap : 0;
}

}  // namespace pgesql::exec
