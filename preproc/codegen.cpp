#include "codegen.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <string_view>

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"
#include "sema/statement_facts.hpp"
#include "sema/syntax_check.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// ---- statement scaffolding ---------------------------------------------------------

std::string Codegen::header(const Stmt &s, const char *kind, const std::string &sql, const std::string &name,
                            const std::string &file, int extra_flags, int facts, const std::string &relations) {
  // a positioned UPDATE/DELETE: the runtime puts a cursor that read ahead back on the program's row
  if (!sql.empty() && !sema::find_positioned_cursors(sql).names.empty()) facts |= PGESQL_FACT_CURRENT_OF;
  // everything the runtime needs to know about the statement is in its descriptor
  facts |= PGESQL_FACT_KNOWN;
  const std::string_view k = kind;
  if (!sql.empty() && (k == "PGESQL_STMT_NORMAL" || k == "PGESQL_STMT_TRANSACTION")) facts |= sema::statement_facts(sql);
  // the SQL's position map follows its NUL, for server errors that point into the SQL
  std::string text = sql.empty() ? "0" : c_string(sql);
  if (!sql.empty() && sql == positions_sql_ && !positions_.empty()) {
    text = c_string(sql + '\0' + positions_);
    extra_flags |= PGESQL_F_POSITIONS;
  }
  return "{ static const pgesql_stmt pgesql_st = {" + std::string(kind) + ", " +
         std::to_string(ctx_.opt.statement_flags() | extra_flags) + ", " + text + ", " +
         (name.empty() ? "0" : c_string(name)) + ", " + c_string(file) + ", " + std::to_string(s.loc.begin.line) +
         ", " + std::to_string(s.loc.begin.col) + ", " + facts_expr(facts) + ", " +
         (relations.empty() ? "0" : c_string(relations)) + "};\n";
}

std::string Codegen::arrays(const std::vector<std::string> &in, const std::vector<std::string> &out) {
  std::string s;
  auto one = [&](const char *name, const std::vector<std::string> &v) {
    if (v.empty()) return;
    s += std::string("  pgesql_var ") + name + "[" + std::to_string(v.size()) + "] = {";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ",\n    " : "\n    ") + v[i];
    s += "};\n";
  };
  one("pgesql_in", in);
  one("pgesql_out", out);
  return s;
}

std::string Codegen::whenever_checks(bool rows) {
  auto code = [](const Action &a) -> std::string {
    if (a.kind == "sqlprint") return "sqlprint();";
    if (a.kind == "stop") return "exit(1);";
    if (a.kind == "goto") return "goto " + a.text + ";";
    if (a.kind == "break") return "break;";
    if (a.kind == "do continue") return "continue;";
    if (a.kind == "call") return a.text + ";";
    if (a.kind == "throw") return "pgesql::throw_sql_error(&pgesql_st);";
    return {};
  };
  std::string s;
  if (rows && !on_not_found_.kind.empty()) s += "  if (sqlca.sqlcode == ECPG_NOT_FOUND) " + code(on_not_found_) + "\n";
  if (!on_warning_.kind.empty()) s += "  if (sqlca.sqlwarn[0] == 'W') " + code(on_warning_) + "\n";
  if (!on_error_.kind.empty()) s += "  if (sqlca.sqlcode < 0) " + code(on_error_) + "\n";
  return s;
}

// ---- statements -------------------------------------------------------------------

// The prepared statement a statement names, where DECLARE ... STATEMENT may have bound it to a connection.
std::optional<Value> Codegen::statement_name(const Stmt &s) const {
  switch (s.kind) {
    case Stmt::Prepare: case Stmt::Execute: case Stmt::Describe: return s.name;
    case Stmt::Deallocate: if (!s.flag) return s.name; return std::nullopt;
    case Stmt::DeclareCursor:
      if (s.tokens.size() == 1 && s.tokens[0].lex != Lex::String) return value_of(s.tokens[0]);
      return std::nullopt;
    case Stmt::Generic:
      if (const Tok *n = prepare_as_name(s.tokens)) return value_of(*n);
      return std::nullopt;
    default: return std::nullopt;
  }
}

// AT con DECLARE name STATEMENT binds every later statement on name to con, as in ECPG.
Value Codegen::bound_connection(const Value &name, const Value &at) {
  auto it = declared_.find(cursor_key(name));
  if (it == declared_.end() || it->second.kind == Value::None) return at;
  const Value &bound = it->second;
  if (at.kind != Value::None && (at.kind != bound.kind || at.text != bound.text || at.host.expr != bound.host.expr))
    ctx_.diag.warning(at.loc.begin, "connection " + (at.kind == Value::Host ? at.host.expr : at.text) +
                                        " is overwritten with " + (bound.kind == Value::Host ? bound.host.expr : bound.text) +
                                        " by DECLARE statement " + (name.kind == Value::Host ? name.host.expr : name.text));
  return bound;
}

std::string Codegen::exec_call(const Emission &e, const std::string &name_expr) const {
  return "  pgesql_exec(&pgesql_st, " + e.conn + ", " + name_expr + ", " + std::to_string(e.in.size()) + ", " +
         (e.in.empty() ? "0" : "pgesql_in") + ", " + std::to_string(e.out.size()) + ", " +
         (e.out.empty() ? "0" : "pgesql_out") + ");\n";
}

std::string Codegen::finish(bool rows) { return whenever_checks(rows) + "}"; }

std::string Codegen::statement(const Stmt &s, const Value &given_at, const std::string &file) {
  std::optional<Value> named = statement_name(s);
  Emission e{s, file, named ? bound_connection(*named, given_at) : given_at, {}, {}, {}};
  e.conn = conn_expr(e.at);
  switch (s.kind) {
    case Stmt::Generic: return emit_generic(e);
    case Stmt::Connect: return emit_connect(e);
    case Stmt::Disconnect: return emit_disconnect(e);
    case Stmt::SetConnection: return emit_disconnect(e);
    case Stmt::SetAutocommit: return emit_set_autocommit(e);
    case Stmt::DeclareCursor: return emit_declare_cursor(e);
    case Stmt::DeclareStatement: return emit_declare_statement(e);
    case Stmt::Open: return emit_open(e);
    case Stmt::Fetch: return emit_fetch(e);
    case Stmt::Close: return emit_close(e);
    case Stmt::Prepare: return emit_prepare(e);
    case Stmt::ExecImmediate: return emit_exec_immediate(e);
    case Stmt::Execute: return emit_execute(e);
    case Stmt::Deallocate: return emit_deallocate(e);
    case Stmt::Describe: return emit_describe(e);
    case Stmt::AllocDesc: return emit_descriptor_alloc(e);
    case Stmt::DeallocDesc: return emit_descriptor_alloc(e);
    case Stmt::GetDescCount: return emit_descriptor_count(e);
    case Stmt::SetDescCount: return emit_descriptor_count(e);
    case Stmt::GetDesc: return emit_descriptor_items(e);
    case Stmt::SetDesc: return emit_descriptor_items(e);
    case Stmt::Whenever: return emit_whenever(e);
    case Stmt::TypeDef: return emit_typedef(e);
    case Stmt::VarDef: return emit_vardef(e);
    case Stmt::Copy: return emit_copy(e);
    case Stmt::WaitNotification: return emit_wait_notification(e);
    default: return {};
  }
}

// SQL sent as written (with host variables as $n), transaction control, FOR :n batches
std::string Codegen::emit_generic(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;  // the statement and what it emits
  const Tok *prep = prepare_as_name(s.tokens);
  if (prep != nullptr && prep->lex == Lex::HostVar) {
    // PREPARE :name(types) AS ...: the variable names the statement ($0), as in ECPG
    std::vector<Tok> toks = s.tokens;
    toks[1].lex = Lex::Op;
    toks[1].text = "$0";
    std::string sql = sql_text(toks, in, out, 1, false);
    return header(s, "PGESQL_STMT_NORMAL", sql, "", file) + arrays(in, out) +
           exec_call(e, string_expr(value_of(*prep), "a statement name")) + finish(false);
  }
  std::string sql = sql_text(s.tokens, in, out, 1, true);
  check_syntax(sql, origins_, s.loc.begin, ctx_.opt.rule_questionmarks);
  if (s.batch_rows.kind != Value::None) {
    // FOR :n: element i of each host array is row i of one pipelined batch
    if (!out.empty()) ctx_.diag.error(s.batch_rows.loc.begin, "FOR :n cannot be used with INTO or RETURNING ... INTO");
    record_check(s.loc.begin, sql, false, "the statement");
    return header(s, "PGESQL_STMT_NORMAL", sql, "", file) + arrays(in, out) + "  pgesql_exec_batch(&pgesql_st, " +
           conn + ", " + integer_expr(s.batch_rows, "the row count of FOR") + ", " + std::to_string(in.size()) + ", " +
           (in.empty() ? "0" : "pgesql_in") + ");\n" + finish(true);
  }
  const bool transaction = is_transaction(s.tokens);
  if (!transaction) record_check(s.loc.begin, sql, false, "the statement");
  const char *kind = transaction ? "PGESQL_STMT_TRANSACTION" : "PGESQL_STMT_NORMAL";
  return header(s, kind, sql, "", file) + arrays(in, out) + exec_call(e, "0") + finish(returns_rows(s.tokens));
}

// ---- declarations --------------------------------------------------------------

std::string Codegen::declaration(const Declaration &d) { return decl_text(d, ""); }

std::string Codegen::decl_text(const Declaration &d, const std::string &indent) {
  if (!d.pp_line.empty()) return d.pp_line;
  if (d.spec.kind == DeclSpec::None && d.spec.storage.empty()) return {};  // error recovery
  std::string storage;
  for (const auto &w : d.spec.storage) {
    // C++17 has no register storage class and auto means something else: leave them out there.
    if (ctx_.opt.lang == OutputLang::Cxx && (w == "register" || w == "auto")) continue;
    storage += w + " ";
  }
  bool varchar = false, bytea = false;
  std::string typedef_len;  // VARCHAR length supplied by a typedef (EXEC SQL TYPE x IS VARCHAR[n])
  std::string type;
  switch (d.spec.kind) {
    case DeclSpec::None: break;
    case DeclSpec::Words:
      for (const auto &w : d.spec.words) {
        std::string lw = Driver::lower(w);
        if (lw == "varchar") varchar = true;
        if (lw == "bytea") bytea = true;
        type += (type.empty() ? "" : " ") + (w == "string" ? std::string("char") : w);
      }
      break;
    case DeclSpec::Named: {
      type = d.spec.named;
      const Symbol *td = ctx_.symbols.typedef_named(d.spec.named);
      if (td && td->type->kind == Type::Scalar && (td->type->base == Base::Varchar || td->type->base == Base::Bytea)) {
        varchar = td->type->base == Base::Varchar;
        bytea = !varchar;
        typedef_len = td->type->length;
      }
      break;
    }
    case DeclSpec::Enum: type = "enum " + d.spec.enum_text; break;
    case DeclSpec::Cxx: type = d.spec.named; break;
    case DeclSpec::Varchar: varchar = true; break;
    case DeclSpec::Bytea: bytea = true; break;
    case DeclSpec::Record:
      type = d.spec.is_union ? "union" : "struct";
      if (!d.spec.tag.empty()) type += " " + d.spec.tag;
      if (d.spec.has_body) {
        type += " {\n";
        for (const Declaration &m : d.spec.members) type += indent + "  " + decl_text(m, indent + "  ") + "\n";
        type += indent + "}";
      }
      break;
  }
  auto declarator = [](const Declarator &dc, std::size_t ndims) {
    std::string s(static_cast<std::size_t>(dc.pointers), '*');
    s += dc.name;
    for (std::size_t i = 0; i < ndims; ++i) s += "[" + dc.dims[i] + "]";
    if (!dc.init.empty()) s += (dc.direct_init ? "" : " = ") + dc.init;
    return s;
  };
  if (varchar || bytea) {
    std::string s;
    for (Declarator dc : d.declarators) {
      std::string len = typedef_len;
      if (len.empty()) {
        if (dc.dims.empty()) continue;  // reported when declared
        len = dc.dims.back().empty() ? "1" : dc.dims.back();
        dc.dims.pop_back();
      }
      if (!dc.dims.empty() && dc.dims.front().empty()) {  // VARCHAR v[][n]: a pointer, as with ecpg
        dc.dims.erase(dc.dims.begin());
        ++dc.pointers;
      }
      s += (s.empty() ? "" : " ") + storage + "struct " + (varchar ? "varchar_" : "bytea_") +
           std::to_string(++varchar_id_) + " { int len; char arr[" + len + "]; } " +
           declarator(dc, dc.dims.size()) + ";";
    }
    return s;
  }
  std::string s = storage + type;
  for (std::size_t i = 0; i < d.declarators.size(); ++i)
    s += (i ? ", " : " ") + declarator(d.declarators[i], d.declarators[i].dims.size());
  return s + ";";
}

}  // namespace pgesql::pp
