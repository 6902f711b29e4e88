// Small helpers the code generator's files share: token tests, host-variable
// references read from tokens, statement classes written as C.
#pragma once

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include <pgesql/pgesql.h>

#include "ast.hpp"
#include "driver.hpp"
#include "token.hpp"

namespace pgesql::pp::codegen_support {

inline bool word_is(const Tok &t, const char *w) {
  return t.lex == Lex::Ident && Driver::lower(t.text) == w;
}

inline HostRef hostref_of(const Tok &t) {
  HostRef r;
  int depth = 0;
  for (std::size_t i = 1; i < t.text.size(); ++i) {
    char c = t.text[i];
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (depth == 0 && std::isspace(static_cast<unsigned char>(c))) continue;
    r.expr += c;
  }
  r.loc = t.loc;
  return r;
}

// Reads one host variable with its indicator from toks[i...]; returns the index after it.
inline std::size_t read_hostref(const std::vector<Tok> &toks, std::size_t i, HostRef &r) {
  r = hostref_of(toks[i]);
  ++i;
  if (i < toks.size() && toks[i].lex == Lex::HostVar) {
    HostRef ind = hostref_of(toks[i]);
    r.ind_expr = ind.expr;
    r.ind_loc = ind.loc;
    return i + 1;
  }
  if (i + 1 < toks.size() && word_is(toks[i], "indicator") && toks[i + 1].lex == Lex::HostVar) {
    HostRef ind = hostref_of(toks[i + 1]);
    r.ind_expr = ind.expr;
    r.ind_loc = ind.loc;
    return i + 2;
  }
  return i;
}

inline bool is_integer_code(const std::string &code) {
  return code == "PGESQL_T_SHORT" || code == "PGESQL_T_UNSIGNED_SHORT" || code == "PGESQL_T_INT" ||
         code == "PGESQL_T_UNSIGNED_INT" || code == "PGESQL_T_LONG" || code == "PGESQL_T_UNSIGNED_LONG" ||
         code == "PGESQL_T_LONG_LONG" || code == "PGESQL_T_UNSIGNED_LONG_LONG";
}

inline const char *desc_item_code(const std::string &item) {
  static const std::pair<const char *, const char *> items[] = {
      {"count", "PGESQL_D_COUNT"}, {"data", "PGESQL_D_DATA"},
      {"datetime_interval_code", "PGESQL_D_DI_CODE"}, {"datetime_interval_precision", "PGESQL_D_DI_PRECISION"},
      {"indicator", "PGESQL_D_INDICATOR"}, {"key_member", "PGESQL_D_KEY_MEMBER"},
      {"length", "PGESQL_D_LENGTH"}, {"name", "PGESQL_D_NAME"}, {"nullable", "PGESQL_D_NULLABLE"},
      {"octet_length", "PGESQL_D_OCTET"}, {"precision", "PGESQL_D_PRECISION"},
      {"returned_length", "PGESQL_D_LENGTH"} /* as ECPG maps it */, {"returned_octet_length", "PGESQL_D_RET_OCTET"},
      {"scale", "PGESQL_D_SCALE"}, {"type", "PGESQL_D_TYPE"}, {"cardinality", "PGESQL_D_CARDINALITY"}};
  for (const auto &[name, code] : items)
    if (item == name) return code;
  return nullptr;
}

// Statements after which ECPG checks WHENEVER NOT FOUND.
inline bool returns_rows(const std::vector<Tok> &t) {
  if (t.empty()) return false;
  for (const char *w : {"select", "insert", "update", "delete", "with", "discard", "values", "table", "merge", "fetch"})
    if (word_is(t[0], w)) return true;
  return false;
}

// PREPARE name [(types)] AS ...: the statement name's token, or null for other SQL.
inline const Tok *prepare_as_name(const std::vector<Tok> &t) {
  if (t.size() < 3 || !word_is(t[0], "prepare") || word_is(t[1], "transaction")) return nullptr;
  if (t[1].lex != Lex::Ident && t[1].lex != Lex::QIdent && t[1].lex != Lex::HostVar) return nullptr;
  return &t[1];
}

inline Value value_of(const Tok &t) {
  Value v;
  v.loc = t.loc;
  if (t.lex == Lex::HostVar) {
    v.kind = Value::Host;
    v.host = hostref_of(t);
  } else {
    v.kind = Value::Literal;
    v.text = t.text;
  }
  return v;
}

// PGESQL_FACT_* bits by name, so that a reader of the generated code sees what was established.
inline std::string facts_expr(int facts) {
  static const std::pair<int, const char *> names[] = {
      {PGESQL_FACT_KNOWN, "PGESQL_FACT_KNOWN"},
      {PGESQL_FACT_READAHEAD_SAFE, "PGESQL_FACT_READAHEAD_SAFE"},
      {PGESQL_FACT_POSITIONED, "PGESQL_FACT_POSITIONED"},
      {PGESQL_FACT_CURRENT_OF, "PGESQL_FACT_CURRENT_OF"},
      {PGESQL_FACT_CACHEABLE, "PGESQL_FACT_CACHEABLE"},
      {PGESQL_FACT_OWN_TRANSACTION, "PGESQL_FACT_OWN_TRANSACTION"},
      {PGESQL_FACT_BEGIN, "PGESQL_FACT_BEGIN"},
      {PGESQL_FACT_COMMIT, "PGESQL_FACT_COMMIT"},
      {PGESQL_FACT_SET, "PGESQL_FACT_SET"},
      {PGESQL_FACT_SQL_EXECUTE, "PGESQL_FACT_SQL_EXECUTE"},
      {PGESQL_FACT_SQL_PREPARE, "PGESQL_FACT_SQL_PREPARE"},
      {PGESQL_FACT_COPY_IN, "PGESQL_FACT_COPY_IN"},
      {PGESQL_FACT_COPY_OUT, "PGESQL_FACT_COPY_OUT"}};
  std::string e;
  for (const auto &[bit, name] : names)
    if (facts & bit) e += (e.empty() ? "" : " | ") + std::string(name);
  return e.empty() ? "0" : e;
}

inline bool is_transaction(const std::vector<Tok> &t) {
  if (t.empty()) return false;
  for (const char *w : {"begin", "commit", "rollback", "abort", "end", "start"})
    if (word_is(t[0], w)) return true;
  return word_is(t[0], "prepare") && t.size() > 1 && word_is(t[1], "transaction");
}

}  // namespace pgesql::pp::codegen_support
