// The code generator's SQL descriptors: ALLOCATE/DEALLOCATE, GET/SET DESCRIPTOR.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// ALLOCATE / DEALLOCATE DESCRIPTOR
std::string Codegen::emit_descriptor_alloc(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  const char *fn = s.kind == Stmt::AllocDesc ? "pgesql_allocate_descriptor" : "pgesql_deallocate_descriptor";
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  " + fn + "(&pgesql_st, " +
         string_expr(s.name, "a descriptor name") + ");\n" + finish(false);
}

// GET / SET DESCRIPTOR d COUNT
std::string Codegen::emit_descriptor_count(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::vector<std::string> v;
  if (s.count.kind == Value::Host) vars(s.count.host, v);
  else v.push_back("{PGESQL_T_CONST, (void *)" + c_string(s.count.text) + ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
  if (v.size() != 1) return {};
  const char *fn = s.kind == Stmt::GetDescCount ? "pgesql_get_descriptor_count" : "pgesql_set_descriptor_count";
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_var pgesql_count = " + v[0] + ";\n  " + fn +
         "(&pgesql_st, " + string_expr(s.name, "a descriptor name") + ", &pgesql_count);\n" + finish(false);
}

// GET / SET DESCRIPTOR d VALUE n item = ...
std::string Codegen::emit_descriptor_items(Emission &e) {
  const Stmt &s = e.s;
  const std::string &file = e.file;
  std::vector<std::string> items;
  for (const DescItem &it : s.items) {
    const char *code = desc_item_code(it.item);
    if (!code) {
      ctx_.diag.error(it.loc.begin, "unknown descriptor item \"" + it.item + "\"");
      continue;
    }
    std::vector<std::string> v;
    if (it.value.kind == Value::Host) vars(it.value.host, v);
    else if (s.kind == Stmt::GetDesc)
      ctx_.diag.error(it.loc.begin, "GET DESCRIPTOR item \"" + it.item + "\" needs a host variable to store into");
    else
      v.push_back("{PGESQL_T_CONST, (void *)" + c_string(it.value.text) + ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
    if (v.size() == 1) items.push_back("{" + std::string(code) + ", " + v[0] + "}");
  }
  if (items.size() != s.items.size()) return {};
  std::string index = s.index.kind == Value::Host ? "(int)(" + s.index.host.expr + ")" : s.index.text;
  // ECPG takes the index as C text: a variable outside any declare section is fine too
  if (s.index.kind == Value::Host && ctx_.symbols.variable(s.index.host.expr)) {
    TypeP t;
    if (resolve(s.index.host, false, &t) && !(t->kind == Type::Scalar && is_integer(t->base)))
      ctx_.diag.error(s.index.loc.begin, "descriptor VALUE index \"" + s.index.host.expr +
                                             "\" must have an integer type, not " + describe_type(*t));
  }
  std::string list;
  for (std::size_t i = 0; i < items.size(); ++i) list += (i ? ",\n    " : "\n    ") + items[i];
  const char *fn = s.kind == Stmt::GetDesc ? "pgesql_get_descriptor" : "pgesql_set_descriptor";
  return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_desc_item pgesql_items[" +
         std::to_string(items.size()) + "] = {" + list + "};\n  " + fn + "(&pgesql_st, " +
         string_expr(s.name, "a descriptor name") + ", " + index + ", " + std::to_string(items.size()) +
         ", pgesql_items);\n" + finish(false);
}

}  // namespace pgesql::pp
