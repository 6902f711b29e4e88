#include "sema/statement_facts.hpp"

#include <cctype>
#include <string>

#include <pgesql/pgesql.h>

namespace pgesql::pp::sema {
namespace {

// The first two words, lower-cased; blanks and parentheses before the first are skipped
// ("(select 1) union ...").
struct leading_words {
  std::string first, second;
};

leading_words words_of(std::string_view sql) {
  leading_words w;
  std::size_t i = 0;
  const auto word = [&] {
    while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == '(')) ++i;
    std::string out;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
    return out;
  };
  w.first = word();
  w.second = word();
  return w;
}

// COPY's direction when the program is the data's end: FROM STDIN or TO STDOUT outside
// parentheses (COPY (query) TO STDOUT) and quoted text.
int copy_facts(std::string_view sql) {
  int facts = 0, depth = 0;
  std::string previous;
  for (std::size_t i = 0; i < sql.size();) {
    const char ch = sql[i];
    if (ch == '\'' || ch == '"') {
      const std::size_t end = sql.find(ch, i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      previous.clear();
    } else if (ch == '(' || ch == ')') {
      depth += ch == '(' ? 1 : -1;
      ++i;
      previous.clear();
    } else if (std::isalpha(static_cast<unsigned char>(ch))) {
      std::string word;
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
      if (depth == 0 && previous == "from" && word == "stdin") facts |= PGESQL_FACT_COPY_IN;
      if (depth == 0 && previous == "to" && word == "stdout") facts |= PGESQL_FACT_COPY_OUT;
      previous = std::move(word);
    } else {
      ++i;
    }
  }
  return facts;
}

}  // namespace

int statement_facts(std::string_view sql) {
  const leading_words w = words_of(sql);
  const std::string &first = w.first, &second = w.second;
  int facts = 0;
  for (const char *k : {"select", "insert", "update", "delete", "with", "values", "table"})
    if (first == k) facts |= PGESQL_FACT_CACHEABLE;
  if (first == "begin" || first == "start") facts |= PGESQL_FACT_BEGIN | PGESQL_FACT_OWN_TRANSACTION;
  if ((first == "commit" || first == "rollback") && second == "prepared") facts |= PGESQL_FACT_OWN_TRANSACTION;
  if ((first == "commit" && second != "prepared") || first == "end") facts |= PGESQL_FACT_COMMIT;
  if (first == "set") facts |= PGESQL_FACT_SET;
  if (first == "execute") facts |= PGESQL_FACT_SQL_EXECUTE;
  if (first == "prepare" && second != "transaction") facts |= PGESQL_FACT_SQL_PREPARE;
  if (first == "copy") facts |= copy_facts(sql);
  return facts;
}

}  // namespace pgesql::pp::sema
