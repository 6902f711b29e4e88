#include "sema/syntax_check.hpp"

#include <pg_query.h>

#include <algorithm>
#include <utility>

namespace pgesql::pp::sema {

// The parser counts its cursor in characters (from 1); the text is UTF-8.
std::size_t byte_offset(std::string_view text, int cursorpos) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (static_cast<int>(++chars) == cursorpos) return i;
  }
  return text.size();
}

numbered_text number_question_marks(std::string_view sql) {
  numbered_text out;
  std::size_t added = 0;
  int n = 0;
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    std::size_t end = i + 1;
    if (c == '\'' || c == '"') {
      const bool escapes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      while (end < sql.size()) {
        if (escapes && sql[end] == '\\') { end += 2; continue; }
        if (sql[end] == c) {
          if (end + 1 < sql.size() && sql[end + 1] == c) { end += 2; continue; }
          ++end;
          break;
        }
        ++end;
      }
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      end = sql.find('\n', i);
      end = end == std::string_view::npos ? sql.size() : end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      end = sql.find("*/", i + 2);
      end = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '$') {
      const std::size_t close = sql.find('$', i + 1);
      const std::string_view tag = close == std::string_view::npos ? std::string_view() : sql.substr(i, close - i + 1);
      const bool is_tag = !tag.empty() && tag.find_first_not_of("$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_") ==
                                              std::string_view::npos;
      if (is_tag) {
        const std::size_t body_end = sql.find(tag, close + 1);
        end = body_end == std::string_view::npos ? sql.size() : body_end + tag.size();
      }
    } else if (c == '?') {
      const std::string param = "$" + std::to_string(++n);
      out.text += param;
      added += param.size() - 1;
      out.grown_at.emplace_back(out.text.size(), added);
      i = end;
      continue;
    }
    out.text.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

std::size_t original_offset(const numbered_text &t, std::size_t offset) {
  std::size_t added = 0;
  for (const auto &[at, grown] : t.grown_at) {
    if (at > offset) break;
    added = grown;
  }
  return offset >= added ? offset - added : 0;
}

std::optional<sql_syntax_error> check_sql_syntax(std::string_view sql, bool question_marks) {
  const numbered_text numbered = question_marks ? number_question_marks(sql) : numbered_text{std::string(sql), {}};
  const std::string &text = numbered.text;
  // The raw parser alone: statement boundaries are all it returns, no tree is printed.
  PgQuerySplitResult r = pg_query_split_with_parser(text.c_str());
  std::optional<sql_syntax_error> error;
  if (r.error != nullptr) {
    const std::size_t at = r.error->cursorpos > 0 ? byte_offset(text, r.error->cursorpos) : 0;
    error = sql_syntax_error{r.error->message != nullptr ? r.error->message : "syntax error",
                             original_offset(numbered, at)};
  }
  pg_query_free_split_result(r);
  return error;
}

Pos source_position(const std::vector<sql_origin> &origins, std::size_t offset, Pos fallback) {
  const auto after = std::upper_bound(origins.begin(), origins.end(), offset,
                                      [](std::size_t off, const sql_origin &o) { return off < o.offset; });
  if (after == origins.begin()) return fallback;
  const sql_origin &o = *std::prev(after);
  Pos p = o.at;
  const std::size_t into = std::min(offset - o.offset, o.length);  // tokens never span lines
  p.col += static_cast<int>(into);
  p.off += into;
  return p;
}

}  // namespace pgesql::pp::sema
