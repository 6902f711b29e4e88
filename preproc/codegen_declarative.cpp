// The code generator's declarative statements: they change what later statements
// emit (WHENEVER, EXEC SQL TYPE/VAR, DECLARE STATEMENT) and run nothing themselves.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// WHENEVER condition action: changes what follows each statement
std::string Codegen::emit_whenever(Emission &e) {
  const Stmt &s = e.s;
  if (s.action == "throw" && s.text != "sqlerror") {
    ctx_.diag.error(s.loc.begin, "THROW is a WHENEVER SQLERROR action only");
    return {};
  }
  if (s.action == "throw" && ctx_.opt.lang != OutputLang::Cxx) {
    ctx_.diag.error(s.loc.begin, "WHENEVER SQLERROR THROW needs C++ output (--lang=c++ or a .pgcc file)");
    return {};
  }
  Action a{s.action == "continue" ? "" : s.action, {}};
  if (s.action == "goto") a.text = s.tokens.empty() ? "" : s.tokens[0].text;
  if (s.action == "call") a.text = join_tokens(s.tokens);
  if (s.text == "sqlerror") on_error_ = a;
  else if (s.text == "sqlwarning") on_warning_ = a;
  else on_not_found_ = a;
  return {};
}

// The type an EXEC SQL TYPE/VAR statement gives its name, or null (already reported).
TypeP Codegen::named_type(const Stmt &s) {
  const Declaration &d = s.type_decl.at(0);
  TypeP base = ctx_.resolve_base(d.spec, d.loc.begin);
  if (!base) return nullptr;
  Declarator dc = d.declarators.at(0);
  dc.name = s.text;
  return ctx_.resolve_declarator(base, dc);
}

// EXEC SQL TYPE name IS type
std::string Codegen::emit_typedef(Emission &e) {
  const Stmt &s = e.s;
  TypeP t = named_type(s);
  if (!t) return {};
  ctx_.symbols.add_typedef(s.text, t, s.loc.begin);
  if (!ctx_.opt.c_types) return {};
  Declaration td = s.type_decl.at(0);
  td.spec.storage.insert(td.spec.storage.begin(), "typedef");
  td.declarators.at(0).name = s.text;
  return decl_text(td, "");
}

// EXEC SQL VAR name IS type
std::string Codegen::emit_vardef(Emission &e) {
  const Stmt &s = e.s;
  TypeP t = named_type(s);
  if (t && !ctx_.symbols.retype_variable(s.text, t))
    ctx_.diag.error(s.loc.begin, "host variable \"" + s.text + "\" is not declared");
  return {};
}

// DECLARE name STATEMENT [AT conn]
std::string Codegen::emit_declare_statement(Emission &e) {
  const Stmt &s = e.s;
  const Value &at = e.at;
  std::string key = cursor_key(s.name);
  if (declared_.count(key))
    ctx_.diag.error(s.name.loc.begin, "name \"" + (s.name.kind == Value::Host ? s.name.host.expr : s.name.text) +
                                          "\" is already declared");
  declared_[key] = at;
  return {};
}

}  // namespace pgesql::pp
