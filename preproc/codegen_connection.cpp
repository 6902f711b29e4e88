// The code generator's connection statements: CONNECT, DISCONNECT, SET CONNECTION,
// SET AUTOCOMMIT.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// CONNECT TO ...
std::string Codegen::emit_connect(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string target = "0", name = string_expr(s.name, "a connection name");
  if (s.target.kind == Value::Literal && s.target.text == "DEFAULT" && s.name.kind == Value::None)
    name = "PGESQL_CONN_DEFAULT";
  else if (s.target.kind != Value::None)
    target = string_expr(s.target, "a connection target");
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_connect(&pgesql_st, " + target + ", " +
         string_expr(s.user, "a user name") + ", " + string_expr(s.password, "a password") + ", " + name + ", " +
         (ctx_.opt.autocommit ? "1" : "0") + ");\n" + finish(false);
}

// DISCONNECT, SET CONNECTION
std::string Codegen::emit_disconnect(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string name;
  if (s.name.kind == Value::Literal && (s.name.text == "CURRENT" || s.name.text == "ALL" || s.name.text == "DEFAULT"))
    name = "PGESQL_CONN_" + s.name.text;
  else
    name = string_expr(s.name, "a connection name");
  const char *fn = s.kind == Stmt::Disconnect ? "pgesql_disconnect" : "pgesql_set_connection";
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  " + fn + "(&pgesql_st, " + name + ");\n" +
         finish(false);
}

// SET AUTOCOMMIT TO ON|OFF
std::string Codegen::emit_set_autocommit(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::string &conn = e.conn;
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_set_autocommit(&pgesql_st, " + conn + ", " +
         (s.flag ? "1" : "0") + ");\n" + finish(false);
}

}  // namespace pgesql::pp
