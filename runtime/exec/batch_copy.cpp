#include "exec/batch_copy.hpp"

#include <cctype>
#include <string>

#include "exec/statement_text.hpp"

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
  // One identifier, plain or quoted: its text as written, and (in `server_name`) the name
  // the server makes of it. Empty when there is none or it is malformed.
  std::string_view identifier(std::string &server_name) {
    skip_space();
    const std::size_t start = i;
    server_name.clear();
    if (i < s.size() && s[i] == '"') {
      // the closing quote is the first one not doubled
      for (++i; i < s.size(); ++i) {
        if (s[i] != '"') continue;
        if (i + 1 < s.size() && s[i + 1] == '"') {
          ++i;
          continue;
        }
        const std::string_view written = s.substr(start, ++i - start);
        if (!is_quoted_identifier(written)) return {};  // "" names nothing
        server_name = unquoted_name(written);
        return written;
      }
      return {};  // unterminated
    }
    auto plain = [](unsigned char c, bool first) {
      return std::isalpha(c) || c == '_' || c >= 0x80 || (!first && (std::isdigit(c) || c == '$'));
    };
    while (i < s.size() && plain(static_cast<unsigned char>(s[i]), i == start)) {
      // the server lowercases ASCII letters of an unquoted name (other bytes stay as they are
      // in a multibyte encoding; a name that then matches no column just keeps the INSERT)
      char c = s[i++];
      server_name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    // a quote right after a plain name ("ab"cd") is a syntax error for the server
    if (i < s.size() && s[i] == '"') return {};
    return s.substr(start, i - start);
  }
  // A relation name: one to three identifiers joined by dots (schema, catalog).
  std::string_view relation() {
    skip_space();
    const std::size_t start = i;
    std::string ignored;
    for (int part = 0; part < 3; ++part) {
      if (identifier(ignored).empty()) return {};
      if (i >= s.size() || s[i] != '.') return s.substr(start, i - start);
      ++i;
    }
    return {};
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

std::optional<copy_plan> copy_form(std::string_view insert_sql, std::size_t nparams) {
  sql_reader r{insert_sql};
  if (nparams == 0 || !r.word("insert") || !r.word("into")) return std::nullopt;
  copy_plan plan;
  plan.table.assign(r.relation());
  if (plan.table.empty()) return std::nullopt;
  std::string written_columns;
  if (r.punct('(')) {
    for (;;) {
      std::string name;
      std::string_view col = r.identifier(name);
      if (col.empty()) return std::nullopt;  // also a subfield or element (a.b, a[1]): COPY has neither
      written_columns += written_columns.empty() ? "" : ", ";
      written_columns += col;
      plan.columns.push_back(std::move(name));
      if (r.punct(')')) break;
      if (!r.punct(',')) return std::nullopt;
    }
    // as many values as columns, else the INSERT's own error is the one to report
    if (plan.columns.size() != nparams) return std::nullopt;
  }
  if (!r.word("values") || !r.punct('(')) return std::nullopt;
  for (std::size_t n = 1; n <= nparams; ++n) {
    if (!r.param(n)) return std::nullopt;
    if (!r.punct(n == nparams ? ')' : ',')) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  plan.copy_sql = "copy " + plan.table + (written_columns.empty() ? "" : " (" + written_columns + ")") + " from stdin";
  return plan;
}

std::string copy_fitness_query(const copy_plan &plan, std::size_t nparams, int server_version_num) {
  // COPY ignores rules and refuses row-level security; it fills generated columns itself
  // where an INSERT naming them fails, and writes GENERATED ALWAYS identity columns an
  // INSERT may not: in each case the INSERT runs as written.
  std::string column_ok = "a.attnum is not null";
  if (server_version_num >= 100000) column_ok += " and a.attidentity <> 'a'";
  if (server_version_num >= 120000) column_ok += " and a.attgenerated = ''";
  std::string targets, count_ok;
  if (plan.columns.empty()) {
    targets = "pg_catalog.pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped";
    count_ok = "count(*) = " + std::to_string(nparams);  // COPY needs every column, the INSERT gets them
  } else {
    std::string names;
    for (std::size_t k = 0; k < plan.columns.size(); ++k) names += (k ? ",$" : "$") + std::to_string(k + 2);
    targets = "pg_catalog.unnest(array[" + names + "]::text[]) with ordinality n(name, i) "
              "left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = n.name "
              "and a.attnum > 0 and not a.attisdropped";
    count_ok = "count(distinct n.name) = " + std::to_string(plan.columns.size());
  }
  const std::string order = plan.columns.empty() ? "a.attnum" : "n.i";
  return "select c.relkind in ('r', 'p') and not c.relhasrules and not c.relrowsecurity and (select " + count_ok +
         " and bool_and(" + column_ok + ") from " + targets + "), (select pg_catalog.string_agg(a.atttypid::text, ',' order by " +
         order + ") from " + targets + ") from pg_catalog.pg_class c where c.oid = pg_catalog.to_regclass($1)";
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
