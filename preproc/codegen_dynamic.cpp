// The code generator's dynamic SQL: PREPARE, EXECUTE IMMEDIATE, EXECUTE, DEALLOCATE,
// DESCRIBE.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// PREPARE name FROM ...
std::string Codegen::emit_prepare(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string &conn = e.conn;
  if (s.target.kind == Value::None) {
    ctx_.diag.error(s.target.loc.begin, "PREPARE ... FROM needs a string literal or a host variable");
    return {};
  }
  check_literal_syntax(s.target, s);
  if (s.target.kind == Value::Literal) {
    // its parameters' host variables are known at EXECUTE only: the server's errors are what is checked
    in_slots_.clear();
    out_slots_.clear();
    origins_ = {literal_origin(s.target, s)};
    record_check(s.loc.begin, c_unescape(s.target.text), true, "the prepared statement");
  }
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_prepare(&pgesql_st, " + conn + ", " +
         string_expr(s.name, "a statement name") + ", " + string_expr(s.target, "a query") + ");\n" +
         finish(false);
}

// EXECUTE IMMEDIATE ...
std::string Codegen::emit_exec_immediate(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::vector<std::string> &in = e.in;
  std::vector<std::string> &out = e.out;
  if (s.target.kind == Value::Literal) {
    check_literal_syntax(s.target, s);
    return header(s, "PGESQL_STMT_NORMAL", c_unescape(s.target.text), "", file) + exec_call(e, "0") + finish(false);
  }
  if (s.target.kind == Value::None) {
    ctx_.diag.error(s.target.loc.begin, "EXECUTE IMMEDIATE needs a string literal or a host variable");
    return {};
  }
  vars(s.target.host, in);
  return header(s, "PGESQL_STMT_EXEC_IMMEDIATE", "", "", file) + arrays(in, out) + exec_call(e, "0") + finish(false);
}

// EXECUTE name [USING ...] [INTO ...]
std::string Codegen::emit_execute(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::vector<std::string> &in = e.in;
  std::vector<std::string> &out = e.out;
  bool host_name = s.name.kind == Value::Host;
  if (s.flag) {  // EXECUTE name(expr, ...): sent as SQL with the name substituted
    std::string sql = "execute " + (host_name ? std::string("$0") : s.name.text) + "(" +
                      sql_text(s.tokens, in, out, 1, true);
    var_list(s.using_list, in);
    var_list(s.into_list, out);
    return header(s, "PGESQL_STMT_NORMAL", sql, host_name ? "" : s.name.text, file) + arrays(in, out) +
           exec_call(e, host_name ? string_expr(s.name, "a statement name") : "0") + finish(true);
  }
  var_list(s.using_list, in);
  var_list(s.into_list, out);
  return header(s, "PGESQL_STMT_EXECUTE", host_name ? "$0" : s.name.text, host_name ? "" : s.name.text, file) +
         arrays(in, out) + exec_call(e, host_name ? string_expr(s.name, "a statement name") : "0") + finish(true);
}

// DEALLOCATE [PREPARE] name | ALL
std::string Codegen::emit_deallocate(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string &conn = e.conn;
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_deallocate(&pgesql_st, " + conn + ", " +
         (s.flag ? std::string("0") : string_expr(s.name, "a statement name")) + ");\n" + finish(false);
}

// DESCRIBE [INPUT|OUTPUT] name INTO ...
std::string Codegen::emit_describe(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;  // the statement and what it emits
  var_list(s.into_list, out);
  if (out.empty()) return {};
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + arrays(in, out) + "  pgesql_describe(&pgesql_st, " +
         conn + ", " + string_expr(s.name, "a statement name") + ", " + (s.flag ? "1" : "0") +
         ", &pgesql_out[0]);\n" + finish(false);
}

}  // namespace pgesql::pp
