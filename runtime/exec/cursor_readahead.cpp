#include "exec/cursor_readahead.hpp"
#include "exec/statement_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <strings.h>
#include <vector>

namespace pgesql::exec {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Whitespace-separated words; a double-quoted identifier is one word.
std::vector<std::string_view> words(std::string_view sql) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < sql.size()) {
    while (i < sql.size() && is_space(sql[i])) ++i;
    if (i >= sql.size()) break;
    std::size_t j = i;
    if (sql[i] == '"') {
      ++j;
      while (j < sql.size()) {
        if (sql[j] == '"' && j + 1 < sql.size() && sql[j + 1] == '"') {
          j += 2;
          continue;
        }
        if (sql[j] == '"') {
          ++j;
          break;
        }
        ++j;
      }
    } else {
      while (j < sql.size() && !is_space(sql[j])) ++j;
    }
    out.push_back(sql.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is(std::string_view word, const char *keyword) {
  return word.size() == std::char_traits<char>::length(keyword) && strncasecmp(word.data(), keyword, word.size()) == 0;
}

bool count_of(std::string_view word, std::size_t &n) {
  if (!word.empty() && word.front() == '+') word.remove_prefix(1);
  if (word.empty()) return false;
  const auto r = std::from_chars(word.data(), word.data() + word.size(), n);
  return r.ec == std::errc() && r.ptr == word.data() + word.size();
}

bool contains_word_pair(const std::vector<std::string_view> &w, std::size_t from, const char *a, const char *b) {
  for (std::size_t i = from; i + 1 < w.size(); ++i)
    if (is(w[i], a) && is(w[i + 1], b)) return true;
  return false;
}

}  // namespace

std::string server_cursor_name(std::string_view written) {
  if (is_quoted_identifier(written)) return server_name(unquoted_name(written));
  std::string name(written);
  for (char &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return server_name(name);
}

std::vector<std::string> positioned_cursor_names(std::string_view sql) {
  std::vector<std::string> names;
  const std::vector<std::string_view> w = words(sql);
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    if (!is(w[i], "current") || !is(w[i + 1], "of")) continue;
    std::string_view name = w[i + 2];
    while (!name.empty() && (name.back() == ';' || name.back() == ')')) name.remove_suffix(1);
    if (!name.empty()) names.push_back(server_cursor_name(name));
  }
  return names;
}

std::optional<fetch_command> parse_fetch(std::string_view sql) {
  const std::vector<std::string_view> w = words(sql);
  if (w.size() < 2) return std::nullopt;
  fetch_command f;
  if (is(w[0], "move"))
    f.move = true;
  else if (!is(w[0], "fetch"))
    return std::nullopt;
  std::size_t i = 1;
  std::size_t end = w.size() - 1;  // the cursor name
  if (end > i && (is(w[end - 1], "from") || is(w[end - 1], "in"))) --end;
  f.cursor = server_cursor_name(w.back());
  const std::size_t n_words = end - i;
  std::size_t n = 0;
  if (n_words == 0 || (n_words == 1 && is(w[i], "next"))) {
    f.what = fetch_command::kind::next;
  } else if (n_words == 1 && is(w[i], "all")) {
    f.what = fetch_command::kind::forward_all;
  } else if (n_words == 1 && is(w[i], "forward")) {
    f.what = fetch_command::kind::next;
  } else if (n_words == 1 && count_of(w[i], n)) {
    f.what = n == 1 ? fetch_command::kind::next : fetch_command::kind::forward;
    f.count = n;
  } else if (n_words == 2 && is(w[i], "forward") && is(w[i + 1], "all")) {
    f.what = fetch_command::kind::forward_all;
  } else if (n_words == 2 && is(w[i], "forward") && count_of(w[i + 1], n)) {
    f.what = n == 1 ? fetch_command::kind::next : fetch_command::kind::forward;
    f.count = n;
  } else {
    f.what = fetch_command::kind::other;
  }
  // a count of 0 re-reads the current row: the server must answer that one
  if (f.what == fetch_command::kind::forward && f.count == 0) f.what = fetch_command::kind::other;
  return f;
}

std::optional<declared_cursor> parse_declare(std::string_view sql) {
  const std::vector<std::string_view> w = words(sql);
  if (w.size() < 4 || !is(w[0], "declare")) return std::nullopt;
  declared_cursor d;
  d.cursor = server_cursor_name(w[1]);
  std::size_t i = 2;
  bool scroll = false, binary = false;
  for (; i < w.size() && !is(w[i], "for"); ++i) {
    if (is(w[i], "scroll") && !(i > 2 && is(w[i - 1], "no"))) scroll = true;
    if (is(w[i], "binary")) binary = true;
    if (is(w[i], "hold") && i > 2 && is(w[i - 1], "with")) d.hold = true;
  }
  if (i >= w.size()) return std::nullopt;
  // FOR UPDATE/SHARE anywhere in the query (also in subqueries): rows are locked as read
  bool locking = contains_word_pair(w, i + 1, "for", "update") || contains_word_pair(w, i + 1, "for", "share") ||
                 contains_word_pair(w, i + 1, "for", "no") || contains_word_pair(w, i + 1, "for", "key");
  d.readahead = !scroll && !binary && !locking;
  return d;
}

std::optional<std::size_t> readahead_setting(const char *env_value, const std::string *option) {
  const auto parse = [](std::string_view text) -> std::optional<std::size_t> {
    if (text.size() == 3 && strncasecmp(text.data(), "off", 3) == 0) return 0;
    if (text.size() == 2 && strncasecmp(text.data(), "on", 2) == 0) return default_readahead_cap;
    std::size_t n = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), n);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    return n;
  };
  if (option != nullptr && !option->empty())
    if (std::optional<std::size_t> n = parse(*option)) return n;
  if (env_value != nullptr && *env_value != '\0') return parse(env_value);
  return std::nullopt;
}

std::optional<std::size_t> declared_readahead(std::string_view value) {
  while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
  if (!value.empty() && value.front() == '-') {
    std::size_t n = 0;
    return count_of(value.substr(1), n) ? std::optional<std::size_t>(1) : std::nullopt;
  }
  std::size_t n = 0;
  if (!count_of(value, n)) return std::nullopt;
  return std::max<std::size_t>(n, 1);
}

std::size_t cursor_buffer::next_window(std::size_t cap) {
  if (window_size_ == 0)
    window_size_ = first_readahead_window;
  else if (window_.fields.byte_size() < window_growth_bytes)  // wide rows stop the growth early
    window_size_ *= 2;
  window_size_ = std::min(window_size_, cap);
  return window_size_;
}

std::size_t cursor_buffer::array_window(std::size_t rows) {
  if (window_size_ < rows) {
    window_size_ = std::min(rows, cap_);
    return window_size_;
  }
  return next_window(cap_);
}

result_fields cursor_buffer::fill(query_result window, std::size_t asked) {
  if (window.outcome == query_result::status::error) {
    error_ = query_result{};
    error_->outcome = query_result::status::error;
    error_->error = window.error;
    window.outcome = query_result::status::rows;
  } else if (window.row_count < asked) {
    at_end_ = true;
  }
  if (buffered() > 0) {
    // rows read earlier and not yet taken stay in front (a window collected early)
    query_result merged = take(0);
    merged.fields.append(window.fields, 0, window.fields.size());
    merged.row_count += window.row_count;
    window = std::move(merged);
  } else if (window.columns.empty()) {
    window.columns = window_.columns;  // a window that failed before its description
  }
  result_fields previous = std::move(window_.fields);
  window_ = std::move(window);
  window_.outcome = query_result::status::rows;  // what rows taken in place are part of
  next_row_ = 0;
  return previous;
}

namespace {

// Whether a FETCH's result already has the window's columns (the usual case: a loop of
// FETCH NEXT on one cursor), so they need not be copied again.
bool same_columns(const std::vector<column_info> &a, const std::vector<column_info> &b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].type_oid != b[i].type_oid || a[i].binary != b[i].binary || a[i].type_size != b[i].type_size ||
        a[i].type_modifier != b[i].type_modifier || a[i].name != b[i].name)
      return false;
  return true;
}

}  // namespace

query_result cursor_buffer::take(std::size_t count) {
  query_result r;
  take(count, r);
  return r;
}

result_rows cursor_buffer::take_in_place(std::size_t count) {
  const std::size_t n = count == 0 ? buffered() : std::min(count, buffered());
  const result_rows rows{&window_, next_row_, n};
  next_row_ += n;
  return rows;
}

void cursor_buffer::take(std::size_t count, query_result &into) {
  const std::size_t n = count == 0 ? buffered() : std::min(count, buffered());
  into.outcome = query_result::status::rows;
  if (!same_columns(into.columns, window_.columns)) into.columns = window_.columns;
  const std::size_t width = window_.columns.size();
  into.fields.clear();
  into.fields.append(window_.fields, next_row_ * width, n * width);
  into.row_count = n;
  char tag[32] = "FETCH ";
  const auto end = std::to_chars(tag + 6, tag + sizeof tag, n).ptr;
  into.command_tag.assign(tag, end);
  const server_message &e = into.error;
  if (!e.sqlstate.empty() || !e.message.empty() || !e.detail.empty() || !e.hint.empty() || e.position != 0 ||
      !e.query.empty())
    into.error = server_message{};
  into.param_types.clear();
  next_row_ += n;
}

}  // namespace pgesql::exec
