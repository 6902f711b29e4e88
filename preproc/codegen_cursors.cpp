// The code generator's cursors: DECLARE (remembered, judged for readahead), OPEN,
// FETCH/MOVE and CLOSE.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"
#include "sema/readahead_safety.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// What a cursor's OPEN may tell the runtime: whether reading ahead is unobservable
// (judged on the query's parse tree) and whether a statement positions on it.
void Codegen::judge_cursor(Cursor &c, const Value &name) const {
  // a cursor named at run time may be any of those positioned on
  const bool positioned = name.kind == Value::Host ? positioned_.any() : positioned_.includes(cursor_key(name));
  if (positioned) c.facts |= PGESQL_FACT_POSITIONED;
  if (positioned || c.query.empty()) return;  // over a prepared statement: the runtime sees its text only then
  const sema::readahead_verdict v = sema::judge_readahead(c.query);
  if (!v.safe) return;
  c.facts |= PGESQL_FACT_READAHEAD_SAFE;
  for (const std::string &r : v.relations) c.relations += (c.relations.empty() ? "" : "\n") + r;
}

// True when every host variable of the cursor's query still names the variable it named at DECLARE.
bool Codegen::cursor_in_scope(const Cursor &c) const {
  for (const auto &[var, declared] : c.used) {
    const Symbol *sym = ctx_.symbols.variable(var);
    if (!sym || sym->declared.off != declared.off || sym->declared.file != declared.file) return false;
  }
  return true;
}

std::string Codegen::cursor_key(const Value &name) const {
  if (name.kind == Value::Host) return ":" + name.host.expr;
  if (!name.text.empty() && name.text[0] == '"') return name.text;
  return Driver::lower(name.text);
}

// DECLARE c CURSOR FOR ...: nothing runs yet; the cursor is remembered for its OPEN and FETCHes
std::string Codegen::emit_declare_cursor(Emission &e) {
  const Stmt &s = e.s;
  const Value &at = e.at;
  Cursor c;
  c.options = s.text;
  c.readahead = s.readahead;
  std::vector<std::string> checked;
  if (c.readahead.kind == Value::Host && !readahead_var(c.readahead, checked)) c.readahead = Value{};
  c.at = at;
  if (s.tokens.size() == 1 && (s.tokens[0].lex == Lex::Ident || s.tokens[0].lex == Lex::QIdent ||
                               s.tokens[0].lex == Lex::HostVar)) {
    const Tok &p = s.tokens[0];
    Value pv;
    if (p.lex == Lex::HostVar) {
      pv.kind = Value::Host;
      pv.host = hostref_of(p);
      pv.loc = p.loc;
    } else {
      pv.kind = Value::Literal;
      pv.text = p.text;
    }
    c.prepared = string_expr(pv, "a prepared statement name");
  } else {
    c.query = sql_text(s.tokens, c.inputs, c.outputs, 1, true);
    // the position map of what OPEN sends, kept small: cursors live as long as the file
    const std::string prefix = open_prefix(s.name.kind == Value::Host ? "$0" : s.name.text, c.options);
    use_positions(prefix + " " + c.query, origins_, prefix.size() + 1);
    c.positions = positions_;
    c.open_prefix = prefix.size();
    check_syntax(c.query, origins_, s.loc.begin, ctx_.opt.rule_questionmarks);
    if (const check::checked_statement *query = record_check(s.loc.begin, c.query, false, "the cursor"))
      c.checked = std::make_shared<const check::checked_statement>(*query);
    c.nparams = static_cast<int>(c.inputs.size());
    for (const Tok &t : s.tokens) {
      if (t.lex != Lex::HostVar) continue;
      HostRef r = hostref_of(t);
      std::string base = r.expr.substr(0, r.expr.find_first_of(".-["));
      if (const Symbol *sym = ctx_.symbols.variable(base)) c.used.emplace_back(base, sym->declared);
    }
  }
  std::string code;
  if ((!c.inputs.empty() || !c.outputs.empty()) && ctx_.symbols.depth() > 0) {
    // OPEN/FETCH may come in another function: keep the variables where they can find them, as ecpg does.
    c.slot = next_slot_++;
    std::string n = std::to_string(c.inputs.size() + c.outputs.size());
    std::string ni = std::to_string(c.inputs.size());
    code = "{ static pgesql_var pgesql_cv[" + n + "];\n" + arrays(c.inputs, c.outputs);
    if (!c.inputs.empty()) code += "  memcpy(pgesql_cv, pgesql_in, sizeof pgesql_in);\n";
    if (!c.outputs.empty()) code += "  memcpy(pgesql_cv + " + ni + ", pgesql_out, sizeof pgesql_out);\n";
    code += "  ECPGset_var(" + std::to_string(c.slot) + ", pgesql_cv, " + std::to_string(s.loc.begin.line) + ");\n}";
  }
  judge_cursor(c, s.name);
  // kept until the end of the input: only as big as their text
  for (std::string *text : {&c.query, &c.positions, &c.relations}) text->shrink_to_fit();
  for (std::vector<std::string> *list : {&c.inputs, &c.outputs})
    for (std::string &text : *list) text.shrink_to_fit();
  cursors_[cursor_key(s.name)] = std::move(c);
  return code;
}

std::string Codegen::open_prefix(const std::string &name, const std::string &options) {
  return "declare " + name + " " + options + " for";
}

// OPEN c [USING ...]: the DECLARE is sent now
std::string Codegen::emit_open(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;  // the statement and what it emits
  auto it = cursors_.find(cursor_key(s.name));
  if (it == cursors_.end()) {
    ctx_.diag.error(s.name.loc.begin, "cursor \"" + (s.name.kind == Value::Host ? ":" + s.name.host.expr : s.name.text) +
                                          "\" is not declared");
    return {};
  }
  const Cursor &c = it->second;
  if (conn == "0") conn = conn_expr(c.at);
  std::string fetch_saved;
  if (cursor_in_scope(c) || c.slot < 0 || c.inputs.empty()) {
    in = c.inputs;
  } else {
    for (std::size_t i = 0; i < c.inputs.size(); ++i) in.push_back("{0, 0, 0L, 0L, 0L, 0, 0, 0L, 0L, 0L}");
    fetch_saved = "  { const pgesql_var *pgesql_cv = (const pgesql_var *)ECPGget_var(" + std::to_string(c.slot) +
                  ");\n    if (pgesql_cv) memcpy(pgesql_in, pgesql_cv, " + std::to_string(c.inputs.size()) +
                  " * sizeof(pgesql_var)); }\n";
  }
  var_list(s.using_list, in);
  Value cap = c.readahead;
  // -r readahead=N: the program opts every cursor in, except those it positions on
  if (cap.kind == Value::None && !ctx_.opt.rule_readahead.empty() && !(c.facts & PGESQL_FACT_POSITIONED)) {
    cap.kind = Value::Literal;
    cap.text = ctx_.opt.rule_readahead;
  }
  const int flags = cap.kind != Value::None && readahead_var(cap, in) ? PGESQL_F_READAHEAD : 0;
  bool host_name = s.name.kind == Value::Host;
  std::string cname = host_name ? "$0" : s.name.text;
  std::string name_arg = host_name ? string_expr(s.name, "a cursor name") : "0";
  const std::string prefix = open_prefix(cname, c.options);
  if (!c.prepared.empty()) {
    return header(s, "PGESQL_STMT_OPEN", prefix, host_name ? "" : s.name.text, file, flags, c.facts) +
           arrays(in, out) +
           fetch_saved + "  pgesql_open_prepared(&pgesql_st, " + conn + ", " + name_arg + ", " + c.prepared + ", " +
           std::to_string(in.size()) + ", " + (in.empty() ? "0" : "pgesql_in") + ");\n" + finish(false);
  }
  positions_sql_ = prefix + " " + c.query;  // mapped at DECLARE, for a prefix as long as this one
  positions_ = c.open_prefix == prefix.size() ? c.positions : std::string();
  return header(s, "PGESQL_STMT_OPEN", prefix + " " + c.query, host_name ? "" : s.name.text, file, flags,
                c.facts, c.relations) +
         arrays(in, out) + fetch_saved + exec_call(e, name_arg) + finish(false);
}

// FETCH/MOVE ... [INTO ...]
std::string Codegen::emit_fetch(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;  // the statement and what it emits
  std::vector<Tok> body = s.tokens;
  std::string name_arg = "0", static_name;
  Tok last = body.back();
  auto cit = cursors_.end();
  if (last.lex == Lex::HostVar) {
    Value v;
    v.kind = Value::Host;
    v.host = hostref_of(last);
    v.loc = last.loc;
    name_arg = string_expr(v, "a cursor name");
    body.back().lex = Lex::Op;
    body.back().text = "$0";
    cit = cursors_.find(":" + v.host.expr);
    if (conn == "0" && cit != cursors_.end()) conn = conn_expr(cit->second.at);
  } else {
    static_name = last.text;
    cit = cursors_.find(cursor_key(Value{Value::Literal, last.text, {}, {}}));
    if (conn == "0" && cit != cursors_.end()) conn = conn_expr(cit->second.at);
  }
  std::string sql = std::string(s.flag ? "move " : "fetch ") + sql_text(body, in, out, 1, false);
  slots_.clear();
  var_list(s.into_list, out);
  if (!s.flag && cit != cursors_.end()) record_fetch_check(s, cit->second.checked, slots_);
  std::string fetch_saved;
  if (!s.flag && s.into_list.kind == VarList::None && cit != cursors_.end() && !cit->second.outputs.empty()) {
    // FETCH without INTO stores into the targets of DECLARE ... INTO
    const Cursor &c = cit->second;
    if (cursor_in_scope(c) || c.slot < 0) {
      out.insert(out.end(), c.outputs.begin(), c.outputs.end());
    } else {
      std::size_t first = out.size();
      for (std::size_t i = 0; i < c.outputs.size(); ++i) out.push_back("{0, 0, 0L, 0L, 0L, 0, 0, 0L, 0L, 0L}");
      fetch_saved = "  { const pgesql_var *pgesql_cv = (const pgesql_var *)ECPGget_var(" + std::to_string(c.slot) +
                    ");\n    if (pgesql_cv) memcpy(pgesql_out + " + std::to_string(first) + ", pgesql_cv + " +
                    std::to_string(c.inputs.size()) + ", " + std::to_string(c.outputs.size()) +
                    " * sizeof(pgesql_var)); }\n";
    }
  }
  return header(s, "PGESQL_STMT_FETCH", sql, static_name, file) + arrays(in, out) + fetch_saved +
         exec_call(e, name_arg) + finish(!s.flag);
}

// CLOSE c (and Informix CLOSE DATABASE)
std::string Codegen::emit_close(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string &conn = e.conn;
  bool host_name = s.name.kind == Value::Host;
  bool informix = ctx_.opt.compat == Compat::Informix || ctx_.opt.compat == Compat::InformixSE;
  if (informix && !host_name && Driver::lower(s.name.text) == "database")  // Informix CLOSE DATABASE
    return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_disconnect(&pgesql_st, PGESQL_CONN_CURRENT);\n" +
           finish(false);
  auto cit = cursors_.find(cursor_key(s.name));
  if (conn == "0" && cit != cursors_.end()) conn = conn_expr(cit->second.at);
  return header(s, "PGESQL_STMT_CLOSE", "close " + (host_name ? std::string("$0") : s.name.text),
                host_name ? "" : s.name.text, file) +
         exec_call(e, host_name ? string_expr(s.name, "a cursor name") : "0") + finish(false);
}

}  // namespace pgesql::pp
