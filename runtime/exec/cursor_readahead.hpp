// Cursor readahead: a FETCH NEXT on a forward-only cursor asks the server for
// a window of rows and hands them out one FETCH at a time. This header holds
// the pure parts: which cursors qualify, what a FETCH/MOVE command asks for,
// and the per-cursor buffer. cursor_fetch.hpp runs them against a server.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/server_link.hpp"

namespace pgesql::exec {

// What a FETCH or MOVE text (as sent, cursor name substituted) asks for.
struct fetch_command {
  enum class kind { next, forward, forward_all, other };
  kind what = kind::other;
  std::size_t count = 1;  // rows, for next (1) and forward
  bool move = false;      // MOVE: rows are skipped, not returned
  std::string cursor;     // the name as the server knows it (unquoted names fold to lower case)
};
// std::nullopt when the text is not a FETCH/MOVE this layer understands.
std::optional<fetch_command> parse_fetch(std::string_view sql);

// From a DECLARE text ("declare c [binary] [no scroll|scroll] cursor [with hold] for query"):
// the cursor's server name, whether it is WITH HOLD, and whether readahead may serve it
// (not SCROLL, not BINARY, no FOR UPDATE/SHARE: a row must be read when the program asks).
struct declared_cursor {
  std::string cursor;
  bool hold = false;
  bool readahead = false;
};
std::optional<declared_cursor> parse_declare(std::string_view sql);

// The cursors a statement positions on (WHERE CURRENT OF name), by server name. Read from the
// text only for statements known to have the clause or for dynamic SQL.
std::vector<std::string> positioned_cursor_names(std::string_view sql);

// The name a cursor has on the server: quotes dropped, unquoted names in lower case.
std::string server_cursor_name(std::string_view written);

// The window cap the program set: the connection option pgesql_fetch_readahead,
// else PGESQL_FETCH_READAHEAD ("on" is the default cap; 0, 1 and "off" turn
// readahead off); std::nullopt when neither is set to something readable.
std::optional<std::size_t> readahead_setting(const char *env_value, const std::string *option);
// Windows start small (a cursor read for a few rows costs little more) and double
// up to the cap while a window holds less than window_growth_bytes. Each window is
// a round trip that wakes the server, so long scans want large windows.
constexpr std::size_t default_readahead_cap = 4096;
constexpr std::size_t first_readahead_window = 8;
constexpr std::size_t window_growth_bytes = 1 << 20;

// The cap a cursor's own READAHEAD value (DECLARE c READAHEAD n CURSOR, as text) asks
// for: n when it is a whole number >= 1, else 1 (no readahead); std::nullopt when the
// text is not a number at all.
std::optional<std::size_t> declared_readahead(std::string_view value);

// Rows the server sent ahead for one cursor, and how its last window ended.
class cursor_buffer {
 public:
  // (the cap is bounded by what an Execute's 32-bit row limit can ask for)
  explicit cursor_buffer(bool hold, std::size_t cap = default_readahead_cap)
      : hold_(hold), cap_(std::min<std::size_t>(cap, std::numeric_limits<std::int32_t>::max())) {}

  bool hold() const { return hold_; }
  std::size_t cap() const { return cap_; }  // this cursor's window cap
  // The same cursor with nothing read ahead (the server stands where the program does).
  cursor_buffer emptied() const { return cursor_buffer(hold_, cap_); }
  std::size_t buffered() const { return window_.row_count - next_row_; }
  bool at_end() const { return at_end_; }
  // Rows the server's position is past the program's: the buffered rows, and the step
  // past the last row the server took when a window came back short, until the
  // program's own FETCH reaches that end.
  std::size_t ahead_of_program() const { return buffered() + (at_end_ && !end_reported_ ? 1 : 0); }
  void end_reported() { end_reported_ = at_end_; }
  bool has_error() const { return error_.has_value(); }
  const query_result &error() const { return *error_; }
  // The window size for the next request: doubles from the first window up to cap
  // while the last window held less than window_growth_bytes.
  std::size_t next_window(std::size_t cap);
  std::size_t next_window() { return next_window(cap_); }
  // The window size for a program that fetches `rows` at a time: like next_window, from
  // at least `rows` (never over the cap).
  std::size_t array_window(std::size_t rows);
  // The size of the last window asked for (0 before the first).
  std::size_t last_window() const { return window_size_; }

  // Takes a window's answer to "fetch forward `asked`": rows, and the error the
  // server reported after them, if any (then `window` has outcome error). Rows still
  // buffered come first.
  // Returns the previous window's field storage, for reuse.
  result_fields fill(query_result window, std::size_t asked);
  // Up to `count` buffered rows as the result a FETCH of them would have had
  // (`count` 0 = every buffered row); the tag is "FETCH n".
  query_result take(std::size_t count);
  // The same into `into`, whose storage is reused (no allocation once it has held such rows).
  void take(std::size_t count, query_result &into);
  // Up to `count` buffered rows (0 = every one) where they lie in the window, not copied:
  // valid until the buffer is next filled. What a FETCH NEXT hands the program.
  result_rows take_in_place(std::size_t count);
  void forget_error() { error_.reset(); }

  // Set when the session did something that may have closed the cursor
  // (transaction end, CLOSE, DISCARD, errors): checked before serving rows.
  bool needs_check = false;

 private:
  bool hold_;
  std::size_t cap_;
  query_result window_;
  std::size_t next_row_ = 0;
  bool at_end_ = false;
  bool end_reported_ = false;
  std::optional<query_result> error_;
  std::size_t window_size_ = 0;
};

}  // namespace pgesql::exec
