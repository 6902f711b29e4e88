// The code generator's host variables: resolved against the symbol table and
// described as pgesql_var initializers (C types, VARCHAR, structs, arrays, C++ objects).
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

namespace {
// void and FILE: nothing the server sends can be stored there
bool cannot_hold_values(Base b) { return b == Base::Other || b == Base::File; }
}  // namespace

// ---- host variables ---------------------------------------------------------

// C++: `this->m` names the member m of the enclosing class, declared in a declare section of
// the class body: the name to look up starts after the prefix, which the expression keeps.
std::size_t Codegen::member_prefix(const std::string &e) const {
  return ctx_.opt.lang == OutputLang::Cxx && e.compare(0, 6, "this->") == 0 ? 6 : 0;
}

bool Codegen::resolve(const HostRef &ref, bool indicator, TypeP *type) {
  const std::string &e = indicator ? ref.ind_expr : ref.expr;
  const Pos at = (indicator ? ref.ind_loc : ref.loc).begin;
  std::size_t i = member_prefix(e);
  const std::size_t name_at = i;
  while (i < e.size() && (std::isalnum(static_cast<unsigned char>(e[i])) || e[i] == '_' ||
                          static_cast<unsigned char>(e[i]) >= 0x80))
    ++i;
  std::string name = e.substr(name_at, i - name_at);
  const Symbol *sym = ctx_.symbols.variable(name);
  if (!sym) {
    ctx_.diag.error(at, std::string(indicator ? "indicator" : "host") + " variable \"" + name + "\" is not declared");
    return false;
  }
  TypeP t = sym->type;
  std::string path = e.substr(0, i);
  while (i < e.size()) {
    if (e[i] == '[') {
      std::size_t close = e.find(']', i);
      if (t->kind != Type::Array && t->kind != Type::Pointer) {
        ctx_.diag.error(at, "subscripted host variable \"" + path + "\" is not an array or pointer (it is " +
                                describe_type(*t) + ")");
        return false;
      }
      t = t->elem;
      path += e.substr(i, close == std::string::npos ? std::string::npos : close - i + 1);
      i = close == std::string::npos ? e.size() : close + 1;
      continue;
    }
    bool arrow = e.compare(i, 2, "->") == 0;
    if (!arrow && e[i] != '.') {
      ctx_.diag.error(at, "cannot use \"" + e + "\" as a host variable");
      return false;
    }
    i += arrow ? 2 : 1;
    std::size_t start = i;
    while (i < e.size() && (std::isalnum(static_cast<unsigned char>(e[i])) || e[i] == '_')) ++i;
    std::string member = e.substr(start, i - start);
    TypeP rec = t;
    if (arrow) {
      if (t->kind != Type::Pointer && t->kind != Type::Array) {
        ctx_.diag.error(at, "\"" + path + "\" is not a pointer to a struct (it is " + describe_type(*t) + ")");
        return false;
      }
      rec = t->elem;
    }
    if (rec->kind != Type::Record) {
      ctx_.diag.error(at, "\"" + path + "\" is not a struct or union (it is " + describe_type(*t) + ")");
      return false;
    }
    const Field *found = nullptr;
    for (const Field &f : rec->fields)
      if (f.name == member) found = &f;
    if (!found) {
      ctx_.diag.error(at, rec->spelling + " has no member named \"" + member + "\"");
      return false;
    }
    t = found->type;
    path += (arrow ? "->" : ".") + member;
  }
  *type = t;
  return true;
}

bool Codegen::describe(const TypeP &t, const std::string &e, const Span &at, std::vector<VarDesc> &out,
                       const std::string &count, const std::string &stride, bool via_array) {
  (void)via_array;
  const std::string cnt = count.empty() ? "1L" : count;
  auto own = [&](const std::string &s) { return stride.empty() ? s : stride; };
  auto unsupported = [&](const char *why) {
    ctx_.diag.error(at.begin, std::string("host variable of type ") + describe_type(*t) + " " + why);
    return false;
  };
  switch (t->kind) {
    case Type::Scalar:
      if (t->base == Base::Cxx) return describe_cxx(t, e, at, out, cnt, own("(long)sizeof(" + e + ")"), !count.empty());
      if (cannot_hold_values(t->base)) return unsupported("cannot hold SQL data");
      if (t->base == Base::Varchar || t->base == Base::Bytea)
        out.push_back({type_code(t->base), "&(" + e + ")", "(long)(" + t->length + ")", cnt,
                       own("(long)sizeof(" + e + ")")});
      else
        out.push_back({type_code(t->base), "&(" + e + ")", "1L", cnt, own("(long)sizeof(" + e + ")")});
      return true;
    case Type::Record: {
      if (t->fields.empty()) return unsupported("has no known members");
      std::string st = stride.empty() ? "(long)sizeof(" + e + ")" : stride;
      bool ok = true;
      for (const Field &f : t->fields) ok = describe(f.type, "(" + e + ")." + f.name, at, out, count, st) && ok;
      return ok;
    }
    case Type::Array: {
      const TypeP &el = t->elem;
      std::string n = "(long)(sizeof(" + e + ") / sizeof((" + e + ")[0]))";
      std::string elem_size = "(long)sizeof((" + e + ")[0])";
      bool char_elem = el->kind == Type::Scalar && is_char(el->base);
      if (!count.empty()) {
        if (char_elem) {
          out.push_back({type_code(el->base), "(" + e + ")", "(long)sizeof(" + e + ")", count, stride});
          return true;
        }
        return unsupported("is not supported inside an array of structs");
      }
      if (char_elem) {
        out.push_back({type_code(el->base), "(" + e + ")", "(long)sizeof(" + e + ")", "1L", "(long)sizeof(" + e + ")"});
        return true;
      }
      if (el->kind == Type::Array && el->elem->kind == Type::Scalar && is_char(el->elem->base)) {
        out.push_back({type_code(el->elem->base), "(" + e + ")", elem_size, n, elem_size});
        return true;
      }
      if (el->kind == Type::Scalar && el->base == Base::Cxx) return describe_cxx(el, "(" + e + ")[0]", at, out, n, elem_size, true);
      if (el->kind == Type::Scalar) {
        if (cannot_hold_values(el->base)) return unsupported("cannot hold SQL data");
        std::string size = (el->base == Base::Varchar || el->base == Base::Bytea)
                               ? "(long)(" + el->length + ")" : "1L";
        out.push_back({type_code(el->base), "(" + e + ")", size, n, elem_size});
        return true;
      }
      if (el->kind == Type::Record) {
        if (el->fields.empty()) return unsupported("has no known members");
        bool ok = true;
        for (const Field &f : el->fields) ok = describe(f.type, "(" + e + ")[0]." + f.name, at, out, n, elem_size) && ok;
        return ok;
      }
      if (el->kind == Type::Pointer && el->elem->kind == Type::Scalar && is_char(el->elem->base)) {
        out.push_back({type_code(el->elem->base), "(" + e + ")", "0L", n, elem_size});
        return true;
      }
      return unsupported("is not supported");
    }
    case Type::Pointer: {
      const TypeP &el = t->elem;
      if (el->kind == Type::Scalar && is_char(el->base)) {
        out.push_back({type_code(el->base), "&(" + e + ")", "0L", cnt, own("(long)sizeof(char)")});
        return true;
      }
      if (!count.empty()) return unsupported("is not supported inside an array of structs");
      if (el->kind == Type::Scalar) {
        if (cannot_hold_values(el->base)) return unsupported("cannot hold SQL data");
        std::string size = (el->base == Base::Varchar || el->base == Base::Bytea)
                               ? "(long)(" + el->length + ")" : "1L";
        out.push_back({type_code(el->base), "&(" + e + ")", size, "0L", "(long)sizeof(*(" + e + "))"});
        return true;
      }
      if (el->kind == Type::Pointer && el->elem->kind == Type::Scalar && is_char(el->elem->base)) {
        out.push_back({type_code(el->elem->base), "&(" + e + ")", "0L", "0L", "(long)sizeof(char)"});
        return true;
      }
      if (el->kind == Type::Record && !el->fields.empty()) {
        // a pointer to structs is an array of unknown length, as in ecpg (count -1)
        bool ok = true;
        for (const Field &f : el->fields)
          ok = describe(f.type, "(" + e + ")->" + f.name, at, out, "-1L", "(long)sizeof(*(" + e + "))") && ok;
        return ok;
      }
      return unsupported("is not supported");
    }
  }
  return false;
}

// A C++ object: bound through <pgesql/host_types.hpp>, each call site with its
// own binding (the lambda's unique type selects it). A std::vector or
// std::array of structs spreads the members over columns.
bool Codegen::describe_cxx(const TypeP &t, const std::string &e, const Span &at, std::vector<VarDesc> &out,
                           const std::string &count, const std::string &stride, bool in_array) {
  std::string spelled = t->spelling.compare(0, 2, "::") == 0 ? t->spelling.substr(2) : t->spelling;
  bool container = spelled.compare(0, 12, "std::vector<") == 0 || spelled.compare(0, 11, "std::array<") == 0;
  if (in_array && container) {  // each element would need its own row count
    ctx_.diag.error(at.begin, "host variable of type " + describe_type(*t) + " is not supported inside an array");
    return false;
  }
  if (!t->elem) {
    out.push_back({"PGESQL_T_CXX", "pgesql::host::bind(" + e + ", [] {})", "1L", count, stride});
    return true;
  }
  if (in_array) {
    ctx_.diag.error(at.begin, "host variable of type " + describe_type(*t) + " is not supported inside an array");
    return false;
  }
  if (t->elem->fields.empty()) {
    ctx_.diag.error(at.begin, "host variable of type " + describe_type(*t) + " has no known members");
    return false;
  }
  bool ok = true;
  for (const Field &f : t->elem->fields) {
    const Type &ft = *f.type;
    bool leaf = ft.kind == Type::Scalar ? (is_integer(ft.base) || ft.base == Base::Bool || ft.base == Base::Float ||
                                           ft.base == Base::Double || (ft.base == Base::Cxx && !ft.elem))
                                        : ft.kind == Type::Array && ft.elem->kind == Type::Scalar &&
                                              (ft.elem->base == Base::Char || ft.elem->base == Base::UChar);
    if (!leaf) {
      ctx_.diag.error(at.begin, "member \"" + f.name + "\" (" + describe_type(ft) + ") of " + t->elem->spelling +
                                    " cannot be spread over the rows of " + describe_type(*t));
      ok = false;
      continue;
    }
    out.push_back({"PGESQL_T_CXX",
                   "pgesql::host::bind_member(" + e + ", [](auto &pgesql_row) -> auto & { return pgesql_row." +
                       f.name + "; })",
                   "1L", "1L", "0L"});
  }
  return ok;
}

std::string Codegen::var_init(const VarDesc &v, const VarDesc *ind) {
  std::string s = "{" + v.type + ", (void *)" + v.addr + ", " + v.size + ", " + v.count + ", " + v.stride + ", ";
  if (ind)
    s += ind->type + ", (void *)" + ind->addr + ", " + ind->size + ", " + ind->count + ", " + ind->stride + "}";
  else
    s += "PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}";
  return s;
}

// :v[i]... of a C++ container (std::vector, std::array, std::span): the element, or its member,
// is reached through pgesql::host::bind_at, which checks i against the container's size when
// the statement runs (out of range: a located error, nothing outside the container touched).
// An element that is a struct is spread over its members, as for a C array of structs.
// False when the reference is not such an element.
bool Codegen::container_element(const HostRef &ref, std::vector<VarDesc> &out) {
  const std::string &e = ref.expr;
  std::size_t i = member_prefix(e);
  const std::size_t name_at = i;
  while (i < e.size() && (std::isalnum(static_cast<unsigned char>(e[i])) || e[i] == '_')) ++i;
  const Symbol *sym = i < e.size() && e[i] == '[' ? ctx_.symbols.variable(e.substr(name_at, i - name_at)) : nullptr;
  if (sym == nullptr || sym->type->kind != Type::Scalar || sym->type->base != Base::Cxx) return false;
  const std::string spelled = sym->type->spelling.compare(0, 2, "::") == 0 ? sym->type->spelling.substr(2)
                                                                          : sym->type->spelling;
  bool container = false;
  for (const char *prefix : {"std::vector<", "std::array<", "std::span<"})
    container = container || spelled.compare(0, std::char_traits<char>::length(prefix), prefix) == 0;
  if (!container) return false;
  std::size_t close = i;
  for (int depth = 0; close < e.size(); ++close) {
    depth += e[close] == '[' ? 1 : e[close] == ']' ? -1 : 0;
    if (depth == 0) break;
  }
  const std::string index = e.substr(i + 1, close - i - 1);
  const std::string rest = close < e.size() ? e.substr(close + 1) : std::string();
  auto element = [&](const std::string &path) {
    return VarDesc{"PGESQL_T_CXX",
                   "pgesql::host::bind_at(" + e.substr(0, i) + ", (" + index +
                       "), [](auto &pgesql_e) -> auto & { return pgesql_e" + path + "; }, " + c_string(e) + ", [] {})",
                   "1L", "1L", "0L"};
  };
  const TypeP &record = sym->type->elem;
  if (rest.empty() && record && !record->fields.empty()) {
    for (const Field &f : record->fields) out.push_back(element("." + f.name));
    return true;
  }
  out.push_back(element(rest));
  return true;
}

bool Codegen::vars(const HostRef &ref, std::vector<std::string> &out) {
  if (ref.expr.empty()) {
    out.push_back("{PGESQL_T_CONST, (void *)" + c_string(ref.constant) +
                  ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
    return true;
  }
  std::vector<VarDesc> v;
  TypeP t;
  if (!container_element(ref, v)) {
    if (!resolve(ref, false, &t)) return false;
    if (!describe(t, ref.expr, ref.loc, v)) return false;
  }
  std::vector<VarDesc> ind;
  if (!ref.ind_expr.empty()) {
    TypeP it;
    if (!resolve(ref, true, &it)) return false;
    if (!describe(it, ref.ind_expr, ref.ind_loc, ind)) return false;
    for (const VarDesc &d : ind) {
      if (!is_integer_code(d.type)) {
        ctx_.diag.error(ref.ind_loc.begin, "indicator \"" + ref.ind_expr +
                                               "\" must have an integer type (short, int or long), not " +
                                               describe_type(*it));
        return false;
      }
    }
    if (ind.size() != v.size()) {
      ctx_.diag.error(ref.ind_loc.begin, "indicator \"" + ref.ind_expr + "\" has " + std::to_string(ind.size()) +
                                             " member(s) but host variable \"" + ref.expr + "\" has " +
                                             std::to_string(v.size()));
      return false;
    }
  }
  for (std::size_t i = 0; i < v.size(); ++i) out.push_back(var_init(v[i], ind.empty() ? nullptr : &ind[i]));
  if (checking()) note_slots(ref, t, v.size());
  return true;
}

bool Codegen::var_list(const VarList &l, std::vector<std::string> &out) {
  switch (l.kind) {
    case VarList::None: return true;
    case VarList::Vars: {
      bool ok = true;
      for (const HostRef &r : l.vars) ok = vars(r, out) && ok;
      return ok;
    }
    case VarList::SqlDescriptor: {
      std::string name = string_expr(l.descriptor, "a descriptor name");
      out.push_back("{PGESQL_T_DESCRIPTOR, (void *)" + name + ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
      return true;
    }
    case VarList::SqlDa:
      out.push_back("{PGESQL_T_SQLDA, (void *)&" + l.descriptor.text +
                    ", 0L, 0L, 0L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
      return true;
  }
  return true;
}

// A C expression of type const char * for a name, string or string host variable.
std::string Codegen::string_expr(const Value &v, const char *what) {
  if (v.kind == Value::None) return "0";
  if (v.kind == Value::Literal) {
    // A quoted identifier names exactly what it spells: the runtime gets it without quotes.
    if (v.text.size() >= 2 && v.text.front() == '"' && v.text.back() == '"')
      return c_string(v.text.substr(1, v.text.size() - 2));
    return c_string(v.text);
  }
  TypeP t;
  if (!resolve(v.host, false, &t)) return "0";
  bool ok = (t->kind == Type::Array && t->elem->kind == Type::Scalar && is_char(t->elem->base)) ||
            (t->kind == Type::Pointer && t->elem->kind == Type::Scalar && is_char(t->elem->base));
  if (t->kind == Type::Scalar && t->base == Base::Varchar) return "(const char *)(" + v.host.expr + ").arr";
  if (t->kind == Type::Scalar && t->base == Base::Cxx && !t->elem) {
    if (t->spelling.find("string_view") != std::string::npos) return "std::string(" + v.host.expr + ").c_str()";
    if (t->spelling.find("string") != std::string::npos) return "(" + v.host.expr + ").c_str()";
  }
  if (!ok) {
    ctx_.diag.error(v.loc.begin, std::string("host variable \"") + v.host.expr + "\" used as " + what +
                                     " must be a character string, not " + describe_type(*t));
    return "0";
  }
  return "(const char *)(" + v.host.expr + ")";
}

std::string Codegen::conn_expr(const Value &at) { return string_expr(at, "a connection name"); }

// The row count of FOR :n as a long: an integer host variable or a literal number.
std::string Codegen::integer_expr(const Value &v, const std::string &role) {
  if (v.kind == Value::Literal) {
    bool digits = !v.text.empty();
    for (char c : v.text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits) ctx_.diag.error(v.loc.begin, role + " must be an integer, not \"" + v.text + "\"");
    return "(long)(" + v.text + ")";
  }
  TypeP t;
  if (!resolve(v.host, false, &t)) return "0L";
  if (t->kind != Type::Scalar || !is_integer_code(type_code(t->base))) {
    ctx_.diag.error(v.loc.begin, "host variable \"" + v.host.expr + "\" used as " + role +
                                     " must have an integer type, not " + describe_type(*t));
    return "0L";
  }
  return "(long)(" + v.host.expr + ")";
}

// READAHEAD n or :v of a cursor, as the last input variable of its OPEN.
bool Codegen::readahead_var(const Value &v, std::vector<std::string> &in) {
  if (v.kind == Value::Literal) {
    in.push_back("{PGESQL_T_CONST, (void *)" + c_string(v.text) + ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
    return true;
  }
  TypeP t;
  if (!resolve(v.host, false, &t)) return false;
  if (t->kind != Type::Scalar || !is_integer_code(type_code(t->base))) {
    ctx_.diag.error(v.loc.begin, "host variable \"" + v.host.expr + "\" used as READAHEAD must have an integer type, not " +
                                     describe_type(*t));
    return false;
  }
  return vars(v.host, in);
}

}  // namespace pgesql::pp
