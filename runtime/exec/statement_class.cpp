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
  return c;
}

statement_class class_of(const pgesql_stmt *stmt, std::string_view sql) {
  if (stmt->facts & PGESQL_FACT_KNOWN) return class_of_facts(stmt->facts);
  return class_of_text(sql);
}

}  // namespace pgesql::exec
