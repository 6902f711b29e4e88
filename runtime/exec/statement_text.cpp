#include "exec/statement_text.hpp"

#include <cctype>
#include <cstring>

namespace pgesql::exec {
namespace {

// As the server's lexer reads identifiers: ASCII letters, digits, _ and $, and every byte of a
// multibyte character (so a non-ASCII name stays unquoted, and case-folded, as in ECPG).
bool ident_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || u >= 0x80;
}
bool ident_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return ident_start(c) || (u >= '0' && u <= '9') || c == '$';
}

// What may follow ':' in a host variable reference inside PREPAREd text (s.m, p->m).
bool host_ref_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '>' || c == '-' || c == '.' || u >= 128;
}

}  // namespace

bool is_quoted_identifier(std::string_view name) {
  if (name.size() < 3 || name.front() != '"' || name.back() != '"') return false;
  const std::string_view inside = name.substr(1, name.size() - 2);
  for (std::size_t i = 0; i < inside.size(); ++i) {
    if (inside[i] != '"') continue;
    if (i + 1 >= inside.size() || inside[i + 1] != '"') return false;  // a quote that ends the name early
    ++i;
  }
  return true;
}

std::string unquoted_name(std::string_view name) {
  if (!is_quoted_identifier(name)) return std::string(name);
  std::string out;
  const std::string_view inside = name.substr(1, name.size() - 2);
  for (std::size_t i = 0; i < inside.size(); ++i) {
    out += inside[i];
    if (inside[i] == '"') ++i;
  }
  return out;
}

std::string quoted_identifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string server_name(std::string_view name) {
  constexpr std::size_t max_bytes = 63;  // NAMEDATALEN - 1
  if (name.size() <= max_bytes) return std::string(name);
  std::size_t cut = max_bytes;
  // back to the first byte of a UTF-8 character, as the server's pg_mbcliplen does
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return std::string(name.substr(0, cut));
}

std::string identifier_text(std::string_view name) {
  bool plain = !name.empty() && ident_start(name[0]);
  for (char c : name) plain = plain && ident_char(c);
  // a name written in double quotes is used as written, when it is exactly one quoted identifier
  if (plain || is_quoted_identifier(name)) return std::string(name);
  return quoted_identifier(name);
}

std::string substitute_names(std::string_view sql, std::span<const std::string> names) {
  std::string out;
  out.reserve(sql.size());
  std::size_t next = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] == '0' &&
               (i + 2 >= sql.size() || !std::isdigit(static_cast<unsigned char>(sql[i + 2]))) && !names.empty()) {
      out += identifier_text(names[next < names.size() ? next : names.size() - 1]);
      ++next;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// The next word (letters, digits, _ and . for qualified names) after spaces.
std::string_view next_word(std::string_view s, std::size_t &pos) {
  while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
  std::size_t start = pos;
  while (pos < s.size() && (std::isalnum(static_cast<unsigned char>(s[pos])) || s[pos] == '_' || s[pos] == '.' ||
                            s[pos] == '$' || s[pos] == '='))
    ++pos;
  if (pos == start && pos < s.size()) ++pos;
  return s.substr(start, pos - start);
}

bool same_word(std::string_view a, const char *b) {
  std::size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

}  // namespace

std::string set_with_parameter(std::string_view sql, bool &rewritten) {
  rewritten = false;
  std::size_t pos = 0;
  if (!same_word(next_word(sql, pos), "set")) return std::string(sql);
  std::string_view word = next_word(sql, pos);
  bool local = false;
  if (same_word(word, "session") || same_word(word, "local")) {
    local = same_word(word, "local");
    word = next_word(sql, pos);
  }
  std::string name;
  if (same_word(word, "time")) {
    if (!same_word(next_word(sql, pos), "zone")) return std::string(sql);
    name = "timezone";
  } else {
    for (char c : word)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return std::string(sql);
    name = std::string(word);
    std::string_view op = next_word(sql, pos);
    if (!same_word(op, "to") && op != "=") return std::string(sql);
  }
  if (next_word(sql, pos) != "$1") return std::string(sql);
  std::size_t rest = pos;
  while (rest < sql.size() && (std::isspace(static_cast<unsigned char>(sql[rest])) || sql[rest] == ';')) ++rest;
  if (rest != sql.size() || name.empty()) return std::string(sql);
  rewritten = true;
  return "select set_config('" + name + "', $1, " + (local ? "true" : "false") + ")";
}

bool splice_counts(std::string_view sql, std::span<const std::string> numbers, std::string &out) {
  for (const std::string &n : numbers) {
    std::size_t i = (!n.empty() && (n[0] == '-' || n[0] == '+')) ? 1 : 0;
    if (i == n.size()) return false;
    for (; i < n.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(n[i]))) return false;
  }
  out.clear();
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t j = i + 1;
      std::size_t n = 0;
      while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) n = n * 10 + (sql[j++] - '0');
      if (n >= 1 && n <= numbers.size()) {
        out += numbers[n - 1];
        i = j - 1;
        continue;
      }
    }
    out += c;
  }
  return true;
}

namespace {

// A statement name at pos, folded as the server folds identifiers.
bool read_name(std::string_view sql, std::size_t &pos, std::string &name) {
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  if (pos < sql.size() && sql[pos] == '"') {
    std::size_t close = sql.find('"', pos + 1);
    if (close == std::string_view::npos) return false;
    name = std::string(sql.substr(pos + 1, close - pos - 1));
    pos = close + 1;
    return true;
  }
  std::size_t start = pos;
  // identifier characters as the server's lexer takes them ($ after the first)
  while (pos < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[pos])) || sql[pos] == '_' || sql[pos] == '$'))
    ++pos;
  if (pos == start || !ident_start(sql[start])) return false;
  name.clear();
  for (std::size_t i = start; i < pos; ++i) name += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
  return true;
}

}  // namespace

bool sql_execute_with_params(std::string_view sql, std::size_t nparams, std::string &name) {
  std::size_t pos = 0;
  if (nparams == 0 || !same_word(next_word(sql, pos), "execute") || !read_name(sql, pos, name)) return false;
  auto skip = [&] {
    while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  };
  skip();
  if (pos >= sql.size() || sql[pos++] != '(') return false;
  for (std::size_t n = 1; n <= nparams; ++n) {
    skip();
    const std::string expected = std::string("$").append(std::to_string(n));  // not "$" + std::string&&: GCC 12 -Wrestrict
    if (sql.substr(pos, expected.size()) != expected) return false;
    pos += expected.size();
    if (pos < sql.size() && std::isdigit(static_cast<unsigned char>(sql[pos]))) return false;
    skip();
    if (pos >= sql.size()) return false;
    char sep = sql[pos++];
    if (sep != (n == nparams ? ')' : ',')) return false;
  }
  skip();
  while (pos < sql.size() && sql[pos] == ';') ++pos;
  return pos == sql.size();
}

bool sql_execute_arguments(std::string_view sql, std::string &name, std::string &arguments) {
  std::size_t pos = 0;
  if (!same_word(next_word(sql, pos), "execute") || !read_name(sql, pos, name)) return false;
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  if (pos >= sql.size() || sql[pos] != '(') return false;
  std::size_t start = ++pos;
  int depth = 1;
  char quote = 0;
  for (; pos < sql.size() && depth > 0; ++pos) {
    char c = sql[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    }
  }
  if (depth != 0) return false;
  arguments = std::string(sql.substr(start, pos - 1 - start));
  while (pos < sql.size() && (std::isspace(static_cast<unsigned char>(sql[pos])) || sql[pos] == ';')) ++pos;
  return pos == sql.size();
}

bool sql_prepare_as(std::string_view sql, std::string &name, std::string &statement) {
  std::size_t pos = 0;
  if (!same_word(next_word(sql, pos), "prepare") || !read_name(sql, pos, name)) return false;
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  if (pos < sql.size() && sql[pos] == '(') {
    std::size_t close = sql.find(')', pos);
    if (close == std::string_view::npos) return false;
    pos = close + 1;
  }
  if (!same_word(next_word(sql, pos), "as")) return false;
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
  statement = std::string(sql.substr(pos));
  return !statement.empty();
}

std::string placeholders_to_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  bool in_string = false;
  int counter = 1;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_string = !in_string;
    if (in_string || (c != ':' && c != '?')) {
      out += c;
      continue;
    }
    if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
      out += "::";
      ++i;
      continue;
    }
    // the placeholder with the name that follows it (:name) becomes $n
    std::size_t len = 1;
    while (i + len < sql.size() && host_ref_char(sql[i + len]))
      ++len;
    out += '$';
    out += std::to_string(counter++);
    i += len - 1;
  }
  return out;
}

}  // namespace pgesql::exec
