#include "exec/statement_class.hpp"

#include <cctype>
#include <strings.h>

namespace pgesql::exec {
namespace {

// The words of the text, up to two, lower-cased; leading blanks and parentheses skipped.
struct leading_words {
  std::string_view first, second;
};

leading_words words_of(std::string_view sql) {
  leading_words w;
  std::size_t i = 0;
  const auto word = [&]() {
    while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == '(')) ++i;
    const std::size_t start = i;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i]))) ++i;
    return sql.substr(start, i - start);
  };
  w.first = word();
  w.second = word();
  return w;
}

bool is(std::string_view word, std::string_view keyword) {
  return word.size() == keyword.size() && strncasecmp(word.data(), keyword.data(), word.size()) == 0;
}

// COPY's direction when the program is the data's end: "from stdin" or "to stdout" outside
// parentheses (a COPY (query) may name such columns) and outside quoted text.
void copy_direction(std::string_view sql, statement_class &c) {
  int depth = 0;
  std::string_view previous;
  for (std::size_t i = 0; i < sql.size();) {
    const char ch = sql[i];
    if (ch == '\'' || ch == '"') {
      const std::size_t end = sql.find(ch, i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      previous = {};
      continue;
    }
    if (ch == '(' || ch == ')') {
      depth += ch == '(' ? 1 : -1;
      ++i;
      previous = {};
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(ch))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) ++i;
    const std::string_view word = sql.substr(start, i - start);
    if (depth == 0 && is(previous, "from") && is(word, "stdin")) c.copy_in = true;
    if (depth == 0 && is(previous, "to") && is(word, "stdout")) c.copy_out = true;
    previous = word;
  }
}

}  // namespace

statement_class class_of_text(std::string_view sql) {
  const leading_words w = words_of(sql);
  statement_class c;
  for (std::string_view k : {"select", "insert", "update", "delete", "with", "values", "table"})
    if (is(w.first, k)) c.cacheable = true;
  c.begins = is(w.first, "begin") || is(w.first, "start");
  c.own_transaction = c.begins || ((is(w.first, "commit") || is(w.first, "rollback")) && is(w.second, "prepared"));
  c.commit = (is(w.first, "commit") && !is(w.second, "prepared")) || is(w.first, "end");
  c.set = is(w.first, "set");
  c.sql_execute = is(w.first, "execute");
  c.sql_prepare = is(w.first, "prepare") && !is(w.second, "transaction");
  if (is(w.first, "copy")) copy_direction(sql, c);
  return c;
}

statement_class class_of_facts(int facts) {
  statement_class c;
  c.cacheable = (facts & PGESQL_FACT_CACHEABLE) != 0;
  c.own_transaction = (facts & PGESQL_FACT_OWN_TRANSACTION) != 0;
  c.begins = (facts & PGESQL_FACT_BEGIN) != 0;
  c.commit = (facts & PGESQL_FACT_COMMIT) != 0;
  c.set = (facts & PGESQL_FACT_SET) != 0;
  c.sql_execute = (facts & PGESQL_FACT_SQL_EXECUTE) != 0;
  c.sql_prepare = (facts & PGESQL_FACT_SQL_PREPARE) != 0;
  c.copy_in = (facts & PGESQL_FACT_COPY_IN) != 0;
  c.copy_out = (facts & PGESQL_FACT_COPY_OUT) != 0;
  return c;
}

statement_class class_of(const pgesql_stmt *stmt, std::string_view sql) {
  if (stmt->facts & PGESQL_FACT_KNOWN) return class_of_facts(stmt->facts);
  return class_of_text(sql);
}

}  // namespace pgesql::exec
