#include "exec/batch_copy.hpp"

#include <cctype>
#include <string>

namespace pgesql::exec {
namespace {

// A cursor over SQL text that skips whitespace between the pieces it reads.
struct sql_reader {
  std::string_view s;
  std::size_t i = 0;

  void skip_space() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  }
  bool word(const char *w) {
    skip_space();
    std::size_t j = i;
    for (const char *p = w; *p; ++p, ++j)
      if (j >= s.size() || std::tolower(static_cast<unsigned char>(s[j])) != *p) return false;
    if (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) return false;
    i = j;
    return true;
  }
  bool punct(char c) {
    skip_space();
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
  }
  // A possibly qualified, possibly quoted name; empty when there is none.
  std::string_view name() {
    skip_space();
    std::size_t start = i;
    while (i < s.size()) {
      char c = s[i];
      if (c == '"') {
        std::size_t close = s.find('"', i + 1);
        while (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '"') close = s.find('"', close + 2);
        if (close == std::string_view::npos) return {};
        i = close + 1;
      } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                 static_cast<unsigned char>(c) >= 0x80) {
        ++i;
      } else {
        break;
      }
    }
    return s.substr(start, i - start);
  }
  bool param(std::size_t n) {
    skip_space();
    if (i >= s.size() || s[i] != '$') return false;
    std::size_t j = i + 1, v = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) v = v * 10 + static_cast<std::size_t>(s[j++] - '0');
    if (j == i + 1 || v != n) return false;
    i = j;
    return true;
  }
  bool at_end() {
    skip_space();
    return i == s.size();
  }
};

}  // namespace

bool copy_form(std::string_view insert_sql, std::size_t nparams, std::string &copy_sql, std::string &table) {
  sql_reader r{insert_sql};
  if (nparams == 0 || !r.word("insert") || !r.word("into")) return false;
  std::string_view rel = r.name();
  if (rel.empty()) return false;
  std::string columns;
  if (r.punct('(')) {
    for (;;) {
      std::string_view col = r.name();
      if (col.empty()) return false;
      columns += columns.empty() ? "" : ", ";
      columns += col;
      if (r.punct(')')) break;
      if (!r.punct(',')) return false;
    }
  }
  if (!r.word("values") || !r.punct('(')) return false;
  for (std::size_t n = 1; n <= nparams; ++n) {
    if (!r.param(n)) return false;
    if (!r.punct(n == nparams ? ')' : ',')) return false;
  }
  if (!r.at_end()) return false;
  table.assign(rel);
  copy_sql = "copy " + table + (columns.empty() ? "" : " (" + columns + ")") + " from stdin";
  return true;
}

void append_copy_row(std::string &out, const param_rows &rows, std::size_t row) {
  for (std::size_t col = 0; col < rows.per_row(); ++col) {
    if (col > 0) out += '\t';
    const param_rows::value v = rows.at(row, col);
    if (v.is_null) {
      out += "\\N";
      continue;
    }
    // runs without a character COPY treats specially go in one append
    std::string_view rest = v.data;
    while (!rest.empty()) {
      const std::size_t special = rest.find_first_of("\\\t\n\r");
      out.append(rest.substr(0, special));
      if (special == std::string_view::npos) break;
      switch (rest[special]) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        default: out += "\\r"; break;
      }
      rest.remove_prefix(special + 1);
    }
  }
  out += '\n';
}

std::size_t copy_error_line(std::string_view where) {
  // the COPY line may follow context lines of a trigger that raised the error
  std::size_t start = where.substr(0, 5) == "COPY " ? 0 : where.find("\nCOPY ");
  if (start == std::string_view::npos) return 0;
  if (where[start] == '\n') ++start;
  std::size_t at = where.find(", line ", start);
  if (at == std::string_view::npos) return 0;
  std::size_t line = 0;
  for (std::size_t i = at + 7; i < where.size() && std::isdigit(static_cast<unsigned char>(where[i])); ++i)
    line = line * 10 + static_cast<std::size_t>(where[i] - '0');
  return line;
}

}  // namespace pgesql::exec
