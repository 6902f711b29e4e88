// The code generator's data streams: COPY ... FROM STDIN / TO STDOUT with the program's
// data (a FILE *, or stdin/stdout) and WAIT FOR NOTIFICATION.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

namespace {
bool is_file_pointer(const Type &t) {
  return t.kind == Type::Pointer && t.elem->kind == Type::Scalar && t.elem->base == Base::File;
}
}  // namespace

// COPY ... FROM STDIN / TO STDOUT [USING :fp]: the server's COPY, its data streamed from or to fp
std::string Codegen::emit_copy(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;  // the statement and what it emits
  std::string sql = sql_text(s.tokens, in, out, 1, false);
  check_syntax(sql, origins_, s.loc.begin, ctx_.opt.rule_questionmarks);
  for (const Tok &t : s.tokens) {
    if (t.lex != Lex::HostVar) continue;
    // the server takes no parameters in COPY: a value would have to be spliced into the SQL
    ctx_.diag.error(t.loc.begin, "COPY takes no host variables (only USING :fp after the statement)");
    break;
  }
  std::string fp = "0";  // the program's stdin or stdout
  if (s.target.kind == Value::Host) {
    TypeP t;
    if (resolve(s.target.host, false, &t)) {
      if (is_file_pointer(*t))
        fp = "(" + s.target.host.expr + ")";
      else
        ctx_.diag.error(s.target.loc.begin, "host variable \"" + s.target.host.expr +
                                                "\" used as USING of COPY must be a FILE *, not " + describe_type(*t));
    }
  }
  return header(s, "PGESQL_STMT_NORMAL", sql, "", file) + "  pgesql_copy_file(&pgesql_st, " + conn + ", " + fp +
         ");\n" + finish(false);
}

// WAIT FOR NOTIFICATION INTO :channel, :payload [, :pid] [TIMEOUT ms]: NOT FOUND on timeout
std::string Codegen::emit_wait_notification(Emission &e) {
  auto &[s, file, at, conn, in, out] = e;
  var_list(s.into_list, out);
  const std::string timeout =
      s.count.kind == Value::None ? "-1L" : integer_expr(s.count, "the TIMEOUT of WAIT FOR NOTIFICATION");
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + arrays(in, out) + "  pgesql_wait_notification(&pgesql_st, " +
         conn + ", " + timeout + ", " + std::to_string(out.size()) + ", " + (out.empty() ? "0" : "pgesql_out") +
         ");\n" + finish(true);
}

}  // namespace pgesql::pp
