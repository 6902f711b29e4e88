#include "exec/cursor_fetch.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "exec/cursor_readahead.hpp"
#include "exec/readahead_policy.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {
namespace {

std::string quoted(const std::string &name) {
  std::string q = "\"";
  for (char ch : name) {
    q += ch;
    if (ch == '"') q += '"';
  }
  return q + '"';
}

// Whether pg_cursors has the cursor (and, with `scrollable`, can move it backward);
// false with `failed` when the server could not be asked.
bool cursor_listed(connection &c, const std::string &name, bool scrollable, bool &failed) {
  param_value p;
  p.data = name;
  query_result r = c.link->execute(scrollable ? "select 1 from pg_catalog.pg_cursors where name = $1 and is_scrollable"
                                              : "select 1 from pg_catalog.pg_cursors where name = $1",
                                   std::span(&p, 1));
  failed = r.outcome == query_result::status::error;
  return !failed && r.row_count > 0;
}

// "FETCH n"/"MOVE n" of rows served without the server.
query_result as_move(query_result fetched) {
  query_result r;
  r.command_tag = "MOVE " + std::to_string(fetched.row_count);
  return r;
}

// The rows a forward FETCH/MOVE returns: buffered ones first, the rest from the server.
query_result serve_forward(connection &c, cursor_buffer &b, const fetch_command &f, bool &drop) {
  const bool all = f.what == fetch_command::kind::forward_all;
  const std::size_t wanted = all ? 0 : f.count;
  if (b.has_error() && (all || wanted > b.buffered())) {
    // the statement reaches the row that failed: it fails, as it would have without readahead
    drop = true;
    return b.error();
  }
  query_result got = b.take(wanted);
  const std::size_t rest = all ? 0 : wanted - got.row_count;
  if ((all || rest > 0) && b.at_end()) b.end_reported();  // the program's position passes the end too
  if ((all || rest > 0) && !b.at_end()) {
    const std::string more = std::string(f.move ? "move " : "fetch ") + "forward " +
                             (all ? std::string("all") : std::to_string(rest)) + " from " + quoted(f.cursor);
    query_result server = c.link->execute(more, {});
    if (server.outcome == query_result::status::error) {
      drop = true;
      return server;
    }
    if (f.move) {
      got.row_count += std::strtoul(server.command_tag.c_str() + server.command_tag.rfind(' ') + 1, nullptr, 10);
    } else {
      if (got.columns.empty()) got.columns = server.columns;
      got.fields.append(server.fields, 0, server.fields.size());
      got.row_count += server.row_count;
    }
    got.command_tag = "FETCH " + std::to_string(got.row_count);
  }
  return f.move ? as_move(std::move(got)) : got;
}

// The oldest window a send_ahead asked for goes into its cursor's buffer (read now if it
// has not arrived). A window behind one that failed is dropped: the server refused it
// because of that failure (25P02), which the program meets at its own FETCH.
void collect_oldest_window(connection &c) {
  const server_link::rows_in_flight *ahead = c.link->ahead_in_flight();
  if (ahead == nullptr) return;
  const std::string cursor = ahead->cursor;
  const std::size_t asked = ahead->rows;
  query_result rows = c.link->collect_ahead();
  auto it = c.cursors.find(cursor);
  if (it == c.cursors.end() || it->second.has_error()) {  // closed meanwhile: the rows go nowhere
    c.link->give_back(std::move(rows.fields));
    return;
  }
  diag::log("serve_fetch: read %zu row(s) ahead on cursor %s\n", rows.row_count, cursor.c_str());
  c.link->give_back(it->second.fill(std::move(rows), asked));
}

// Every window in flight, oldest first: done before a buffer is looked at or changed, so
// positions stay exact.
void collect_rows_ahead(connection &c) {
  while (c.link->ahead_in_flight() != nullptr) collect_oldest_window(c);
}

constexpr std::size_t max_window_rows = std::numeric_limits<std::int32_t>::max();

// Whether a window may be asked for now: one request in flight per connection, and none
// once the cursor's end or an error is known.
bool may_send_window(connection &c, const cursor_buffer &b) {
  return !b.at_end() && !b.has_error() && c.link->ahead_in_flight() == nullptr;
}

void send_window(connection &c, const std::string &cursor, std::size_t window) {
  if (c.link->send_ahead(cursor, window))
    diag::log("serve_fetch: asked for %zu row(s) ahead on cursor %s\n", window, cursor.c_str());
}

// After a FETCH NEXT: once less than a window is buffered, the next window is asked for,
// so the server computes it while the program works through these rows. (Statements run
// between FETCHes collect a window early; the bound keeps the buffer from growing.)
void send_next_window(connection &c, cursor_buffer &b, const std::string &cursor) {
  if (!may_send_window(c, b) || b.buffered() >= b.last_window()) return;
  send_window(c, cursor, b.next_window());
}

// After a FETCH n into arrays: as after a FETCH NEXT, the next window is asked for once less
// than a window is buffered. The windows are at least n rows (a program that reads n rows at
// a time will most likely ask for the next n) and grow to the cap: few large windows keep the
// server streaming instead of waking a program that waits for each small one.
void send_next_array_window(connection &c, cursor_buffer &b, const std::string &cursor, std::size_t count) {
  if (!may_send_window(c, b) || b.buffered() >= std::max(b.last_window(), count)) return;
  send_window(c, cursor, b.array_window(count));
}

// Rows in flight are collected first, unless the FETCH is served by rows already here (the
// cursor's next row, or all n of a FETCH n). A failed transaction may be their doing (a
// statement that read them meanwhile saw the error): collecting tells the buffer.
void collect_before_serving(connection &c, cursor_buffer &b, const fetch_command &f, bool array_fetch) {
  const server_link::rows_in_flight *ahead = c.link->ahead_in_flight();
  if (ahead == nullptr) return;
  const bool served_by_buffer =
      !f.move && ((f.what == fetch_command::kind::next && b.buffered() > 0) || (array_fetch && b.buffered() >= f.count));
  const bool mine = ahead->cursor == f.cursor && c.link->transaction_status() != transaction_state::failed;
  if (!mine || (!served_by_buffer && (b.has_error() || (f.what != fetch_command::kind::next && !array_fetch)))) {
    collect_rows_ahead(c);
    return;
  }
  if (served_by_buffer) return;
  // This FETCH needs the window in flight: when that window holds every row it needs, the
  // one after it is asked for first, so the server goes straight on to it instead of
  // waiting for the program's next request.
  const std::size_t needed = array_fetch ? f.count : 1;
  if (c.link->requests_in_flight() == 1 && !b.at_end() && b.buffered() + ahead->rows >= needed)
    send_window(c, f.cursor, array_fetch ? b.array_window(f.count) : b.next_window());
  collect_oldest_window(c);
  // Still short of the rows (a short window, or one asked for by FETCH NEXT): the rest
  // come from the server, which must first have answered everything asked before them.
  if (b.buffered() < needed) collect_rows_ahead(c);
}

}  // namespace

void note_cursor_opened(connection &c, const pgesql_stmt *stmt, const std::string &declare_sql,
                        std::optional<std::size_t> cursor_cap) {
  std::optional<declared_cursor> d = parse_declare(declare_sql);
  if (!d) return;
  collect_rows_ahead(c);
  c.cursors.erase(d->cursor);
  // links that cannot read ahead stay off whatever the cursor asks
  if (!d->readahead || !c.link->supports_cached_statements()) return;
  const std::size_t cap = readahead_for(c, stmt, d->cursor, cursor_cap);
  if (cap <= 1) return;
  c.cursors.emplace(d->cursor, cursor_buffer(d->hold, cap));
}

bool put_back_for_current_of(connection &c, std::string_view sql, int line) {
  if (c.cursors.empty()) return true;
  for (const std::string &cursor : positioned_cursor_names(sql)) {
    auto it = c.cursors.find(cursor);
    if (it == c.cursors.end()) continue;
    collect_rows_ahead(c);
    const std::size_t ahead = it->second.ahead_of_program();
    // from here on the cursor fetches row by row: the server must stay on the program's row
    c.cursors.erase(it);
    if (ahead == 0) continue;
    bool failed = false;
    if (!cursor_listed(c, cursor, true, failed)) {
      if (failed) return true;  // the statement itself reports what is wrong with the session
      // as the server would say it (55000, sqlcode -400): the cursor is not in a state to do this
      const std::string message = "cursor \"" + cursor +
                                  "\" has read rows ahead and cannot move back onto the program's row; declare it "
                                  "NO READAHEAD";
      diag::raise_server_error(line, "55000", message.c_str(), false);
      return false;
    }
    const std::string back = "move backward " + std::to_string(ahead) + " in " + quoted(cursor);
    diag::log("put_back_for_current_of on line %d: %s\n", line, back.c_str());
    query_result r = c.link->execute(back, {});
    if (r.outcome == query_result::status::error) return true;  // the positioned statement fails as it must
  }
  return true;
}

bool serve_fetch(connection &c, const std::string &sql, query_result &r, result_rows &served) {
  if (c.cursors.empty()) return false;
  if (sql != c.last_fetch_text) {
    c.last_fetch = parse_fetch(sql);
    c.last_fetch_text = sql;
  }
  const std::optional<fetch_command> &f = c.last_fetch;
  if (!f) return false;
  auto it = c.cursors.find(f->cursor);
  if (it == c.cursors.end()) return false;
  cursor_buffer &b = it->second;
  // (an Execute's row limit is 32-bit: a larger FETCH n runs as written)
  const bool array_fetch = f->what == fetch_command::kind::forward && !f->move && f->count <= max_window_rows;
  collect_before_serving(c, b, *f, array_fetch);
  const transaction_state tx = c.link->transaction_status();
  // a failed transaction that our own window did not fail: the server answers (25P02)
  if (tx == transaction_state::failed && !b.has_error()) return false;
  if (b.needs_check && tx != transaction_state::failed) {
    bool failed = false;
    if (!cursor_listed(c, f->cursor, false, failed)) {
      if (!failed) c.cursors.erase(it);
      return false;
    }
    b.needs_check = false;
  }
  // FETCH n reads its rows through the cursor's buffer, so that the next rows can be asked for
  if (b.ahead_of_program() == 0 && !b.has_error() && !array_fetch &&
      (f->what != fetch_command::kind::next || f->move)) {
    // the server stands where the program does: it runs the statement as written
    b = b.emptied();
    return false;
  }
  bool drop = false;
  switch (f->what) {
    case fetch_command::kind::next:
      if (f->move) {
        fetch_command one = *f;
        one.what = fetch_command::kind::forward;
        one.count = 1;
        r = serve_forward(c, b, one, drop);
        break;
      }
      if (b.buffered() == 0 && !b.at_end() && !b.has_error()) {
        const std::size_t window = b.next_window();
        query_result rows = c.link->fetch_ahead(f->cursor, window);
        diag::log("serve_fetch: read %zu row(s) ahead on cursor %s\n", rows.row_count, f->cursor.c_str());
        c.link->give_back(b.fill(std::move(rows), window));
      }
      if (b.buffered() == 0 && b.has_error()) {
        r = b.error();
        drop = true;
        break;
      }
      served = b.take_in_place(1);
      if (served.row_count == 0) b.end_reported();
      send_next_window(c, b, f->cursor);
      return true;
    case fetch_command::kind::forward:
      if (array_fetch && b.buffered() == 0 && !b.at_end() && !b.has_error()) {
        // the rows the program asks for, read as a window (the same rows FETCH n returns)
        query_result rows = c.link->fetch_ahead(f->cursor, f->count);
        diag::log("serve_fetch: read %zu row(s) on cursor %s\n", rows.row_count, f->cursor.c_str());
        c.link->give_back(b.fill(std::move(rows), f->count));
      }
      if (array_fetch && b.buffered() >= f->count) {
        // every row is buffered: served where they lie, like FETCH NEXT's (no copy)
        served = b.take_in_place(f->count);
        send_next_array_window(c, b, f->cursor, f->count);
        return true;
      }
      r = serve_forward(c, b, *f, drop);
      if (array_fetch && !drop) send_next_array_window(c, b, f->cursor, f->count);
      break;
    case fetch_command::kind::forward_all:
      r = serve_forward(c, b, *f, drop);
      break;
    case fetch_command::kind::other: {
      // move the server back to where the program stands, then run the statement as written
      const std::string back = "move backward " + std::to_string(b.ahead_of_program()) + " in " + quoted(f->cursor) + "; ";
      b = b.emptied();
      r = c.link->execute(back + sql, {});
      if (r.outcome == query_result::status::error) c.cursors.erase(it);
      served = all_rows(r);
      return true;
    }
  }
  if (drop) c.cursors.erase(f->cursor);
  served = all_rows(r);
  return true;
}

void note_cursor_effects(connection &c, int statement_kind, const std::string &sql, const query_result &r) {
  if (c.cursors.empty()) return;
  collect_rows_ahead(c);
  if (statement_kind == PGESQL_STMT_CLOSE) {
    const std::size_t space = sql.find_last_of(" \t\n");
    c.cursors.erase(server_cursor_name(space == std::string::npos ? sql : sql.substr(space + 1)));
    return;
  }
  const std::string &tag = r.command_tag;
  // cursors declared or closed by other means than OPEN and CLOSE
  if (tag == "DECLARE CURSOR") {
    if (std::optional<declared_cursor> d = parse_declare(sql)) c.cursors.erase(d->cursor);
    return;
  }
  if (tag == "CLOSE CURSOR ALL") {
    c.cursors.clear();
    return;
  }
  const bool may_close = r.outcome == query_result::status::error || tag == "COMMIT" || tag == "ROLLBACK" ||
                         tag.starts_with("CLOSE") || tag.starts_with("DISCARD") || tag.starts_with("PREPARE") ||
                         tag.starts_with("COMMIT") || tag.starts_with("ROLLBACK");
  if (!may_close) return;
  for (auto &[name, buffer] : c.cursors) buffer.needs_check = true;
}

}  // namespace pgesql::exec
