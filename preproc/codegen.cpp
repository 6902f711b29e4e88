#include "codegen.hpp"

#include <cctype>
#include <cstdio>
#include <optional>

#include <pgesql/pgesql.h>

#include "context.hpp"
#include "driver.hpp"
#include "sema/readahead_safety.hpp"

namespace pgesql::pp {
namespace {

bool word_is(const Tok &t, const char *w) {
  return t.lex == Lex::Ident && Driver::lower(t.text) == w;
}

HostRef hostref_of(const Tok &t) {
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
std::size_t read_hostref(const std::vector<Tok> &toks, std::size_t i, HostRef &r) {
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

bool is_integer_code(const std::string &code) {
  return code == "PGESQL_T_SHORT" || code == "PGESQL_T_UNSIGNED_SHORT" || code == "PGESQL_T_INT" ||
         code == "PGESQL_T_UNSIGNED_INT" || code == "PGESQL_T_LONG" || code == "PGESQL_T_UNSIGNED_LONG" ||
         code == "PGESQL_T_LONG_LONG" || code == "PGESQL_T_UNSIGNED_LONG_LONG";
}

const char *desc_item_code(const std::string &item) {
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
bool returns_rows(const std::vector<Tok> &t) {
  if (t.empty()) return false;
  for (const char *w : {"select", "insert", "update", "delete", "with", "discard", "values", "table", "merge", "fetch"})
    if (word_is(t[0], w)) return true;
  return false;
}

// PREPARE name [(types)] AS ...: the statement name's token, or null for other SQL.
const Tok *prepare_as_name(const std::vector<Tok> &t) {
  if (t.size() < 3 || !word_is(t[0], "prepare") || word_is(t[1], "transaction")) return nullptr;
  if (t[1].lex != Lex::Ident && t[1].lex != Lex::QIdent && t[1].lex != Lex::HostVar) return nullptr;
  return &t[1];
}

Value value_of(const Tok &t) {
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

bool is_transaction(const std::vector<Tok> &t) {
  if (t.empty()) return false;
  for (const char *w : {"begin", "commit", "rollback", "abort", "end", "start"})
    if (word_is(t[0], w)) return true;
  return word_is(t[0], "prepare") && t.size() > 1 && word_is(t[1], "transaction");
}

}  // namespace

// ---- host variables ---------------------------------------------------------

bool Codegen::resolve(const HostRef &ref, bool indicator, TypeP *type) {
  const std::string &e = indicator ? ref.ind_expr : ref.expr;
  const Pos at = (indicator ? ref.ind_loc : ref.loc).begin;
  std::size_t i = 0;
  while (i < e.size() && (std::isalnum(static_cast<unsigned char>(e[i])) || e[i] == '_' ||
                          static_cast<unsigned char>(e[i]) >= 0x80))
    ++i;
  std::string name = e.substr(0, i);
  const Symbol *sym = ctx_.symbols.variable(name);
  if (!sym) {
    ctx_.diag.error(at, std::string(indicator ? "indicator" : "host") + " variable \"" + name + "\" is not declared");
    return false;
  }
  TypeP t = sym->type;
  std::string path = name;
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
      if (t->base == Base::Other) return unsupported("cannot hold SQL data");
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
        if (el->base == Base::Other) return unsupported("cannot hold SQL data");
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
        if (el->base == Base::Other) return unsupported("cannot hold SQL data");
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

bool Codegen::vars(const HostRef &ref, std::vector<std::string> &out) {
  if (ref.expr.empty()) {
    out.push_back("{PGESQL_T_CONST, (void *)" + c_string(ref.constant) +
                  ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
    return true;
  }
  TypeP t;
  if (!resolve(ref, false, &t)) return false;
  std::vector<VarDesc> v;
  if (!describe(t, ref.expr, ref.loc, v)) return false;
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
std::string Codegen::batch_rows_expr(const Value &v) {
  if (v.kind == Value::Literal) {
    bool digits = !v.text.empty();
    for (char c : v.text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits) ctx_.diag.error(v.loc.begin, "the row count of FOR must be an integer, not \"" + v.text + "\"");
    return "(long)(" + v.text + ")";
  }
  TypeP t;
  if (!resolve(v.host, false, &t)) return "0L";
  if (t->kind != Type::Scalar || !is_integer_code(type_code(t->base))) {
    ctx_.diag.error(v.loc.begin, "host variable \"" + v.host.expr + "\" used as the row count of FOR must have an integer type, not " + describe_type(*t));
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

// ---- SQL text -------------------------------------------------------------------

std::string Codegen::sql_text(const std::vector<Tok> &toks, std::vector<std::string> &in,
                              std::vector<std::string> &out, int first_param, bool allow_into) {
  std::string sql;
  int n = first_param;
  origins_.clear();
  auto append = [&](const Tok &t, const std::string &text) {
    if (!sql.empty() && t.space_before) sql += ' ';
    origins_.push_back(sema::sql_origin{sql.size(), text == t.text ? text.size() : 0, t.loc.begin});
    sql += text;
  };
  for (std::size_t i = 0; i < toks.size();) {
    const Tok &t = toks[i];
    if (allow_into && word_is(t, "into") && i + 1 < toks.size() && toks[i + 1].lex == Lex::HostVar) {
      std::size_t j = i + 1;
      for (;;) {
        HostRef r;
        j = read_hostref(toks, j, r);
        vars(r, out);
        if (j + 1 < toks.size() && toks[j].lex == Lex::Comma && toks[j + 1].lex == Lex::HostVar) {
          ++j;
          continue;
        }
        break;
      }
      i = j;
      continue;
    }
    // SELECT ... INTO SQL DESCRIPTOR name / INTO DESCRIPTOR sqlda
    if (allow_into && word_is(t, "into")) {
      std::size_t k = i + 1;
      bool sql_desc = k < toks.size() && word_is(toks[k], "sql");
      if (sql_desc) ++k;
      if (k + 1 < toks.size() && word_is(toks[k], "descriptor")) {
        const Tok &nt = toks[k + 1];
        VarList l;
        l.kind = sql_desc ? VarList::SqlDescriptor : VarList::SqlDa;
        l.descriptor.loc = nt.loc;
        if (nt.lex == Lex::HostVar) {
          l.descriptor.kind = Value::Host;
          l.descriptor.host = hostref_of(nt);
          if (!sql_desc) l.descriptor.text = l.descriptor.host.expr;
        } else {
          l.descriptor.kind = Value::Literal;
          l.descriptor.text = nt.text;
        }
        var_list(l, out);
        i = k + 2;
        continue;
      }
    }
    if (t.lex == Lex::HostVar) {
      HostRef r;
      std::size_t j = read_hostref(toks, i, r);
      std::size_t before = in.size();
      vars(r, in);
      std::string params;
      for (std::size_t k = before; k < in.size(); ++k) params += (k > before ? ", $" : "$") + std::to_string(n++);
      if (params.empty()) params = "$" + std::to_string(n++);
      append(t, params);
      i = j;
      continue;
    }
    append(t, t.text);
    ++i;
  }
  return sql;
}

// The text a C string literal's body stands for (EXECUTE IMMEDIATE "..." is a C string).
std::string Codegen::c_unescape(const std::string &s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    if (c >= '0' && c <= '7') {
      int v = 0, n = 0;
      while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') v = v * 8 + (s[i++] - '0'), ++n;
      --i;
      out += static_cast<char>(v);
      continue;
    }
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      default: out += c;  // \\ \" \' \?
    }
  }
  return out;
}

std::string Codegen::c_string(const std::string &s) {
  std::string out = "\"";
  char prev = 0;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '?': out += prev == '?' ? "\\?" : "?"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
    prev = c;
  }
  return out + "\"";
}

std::string Codegen::join_tokens(const std::vector<Tok> &toks) {
  std::string s;
  for (const Tok &t : toks) {
    if (!s.empty() && t.space_before) s += ' ';
    s += t.text;
  }
  return s;
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

// ---- statement scaffolding ---------------------------------------------------------

std::string Codegen::header(const Stmt &s, const char *kind, const std::string &sql, const std::string &name,
                            const std::string &file, int extra_flags, int facts, const std::string &relations) {
  // a positioned UPDATE/DELETE: the runtime puts a cursor that read ahead back on the program's row
  if (!sql.empty() && !sema::find_positioned_cursors(sql).names.empty()) facts |= PGESQL_FACT_CURRENT_OF;
  return "{ static const pgesql_stmt pgesql_st = {" + std::string(kind) + ", " +
         std::to_string(ctx_.opt.statement_flags() | extra_flags) + ", " + (sql.empty() ? "0" : c_string(sql)) + ", " +
         (name.empty() ? "0" : c_string(name)) + ", " + c_string(file) + ", " + std::to_string(s.loc.begin.line) +
         ", " + std::to_string(s.loc.begin.col) + ", " + std::to_string(facts) + ", " +
         (relations.empty() ? "0" : c_string(relations)) + "};\n";
}

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

void Codegen::check_syntax(const std::string &sql, const std::vector<sema::sql_origin> &origins, const Pos &fallback,
                           bool question_marks) {
  // $0 stands for a name a host variable supplies at run time: no statement to parse yet
  if (ctx_.opt.sql_syntax == SqlSyntax::Off || sql.find("$0") != std::string::npos) return;
  const std::optional<sema::sql_syntax_error> e = sema::check_sql_syntax(sql, question_marks);
  if (!e) return;
  const Pos at = sema::source_position(origins, e->offset, fallback);
  if (ctx_.opt.sql_syntax == SqlSyntax::Warning)
    ctx_.diag.warning(at, e->message);
  else
    ctx_.diag.error(at, e->message);
}

// PREPARE ... FROM 'text' / EXECUTE IMMEDIATE "text": the literal's body (C escapes read as C
// reads them), placed after its opening quote.
void Codegen::check_literal_syntax(const Value &literal, const Stmt &s) {
  if (literal.kind != Value::Literal) return;
  const std::string text = c_unescape(literal.text);
  Pos at = literal.loc.begin.line > 0 ? literal.loc.begin : s.loc.begin;
  at.col += 1;
  // the runtime numbers ? placeholders of these texts, as ECPG does
  check_syntax(text, {sema::sql_origin{0, text.size(), at}}, s.loc.begin, true);
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

std::string Codegen::statement(const Stmt &s, const Value &given_at, const std::string &file) {
  std::vector<std::string> in, out;
  std::optional<Value> named = statement_name(s);
  const Value at = named ? bound_connection(*named, given_at) : given_at;
  std::string conn = conn_expr(at);
  auto exec_call = [&](const std::string &name_expr) {
    return "  pgesql_exec(&pgesql_st, " + conn + ", " + name_expr + ", " + std::to_string(in.size()) + ", " +
           (in.empty() ? "0" : "pgesql_in") + ", " + std::to_string(out.size()) + ", " +
           (out.empty() ? "0" : "pgesql_out") + ");\n";
  };
  auto finish = [&](bool rows) { return whenever_checks(rows) + "}"; };

  switch (s.kind) {
    case Stmt::Generic: {
      const Tok *prep = prepare_as_name(s.tokens);
      if (prep != nullptr && prep->lex == Lex::HostVar) {
        // PREPARE :name(types) AS ...: the variable names the statement ($0), as in ECPG
        std::vector<Tok> toks = s.tokens;
        toks[1].lex = Lex::Op;
        toks[1].text = "$0";
        std::string sql = sql_text(toks, in, out, 1, false);
        return header(s, "PGESQL_STMT_NORMAL", sql, "", file) + arrays(in, out) +
               exec_call(string_expr(value_of(*prep), "a statement name")) + finish(false);
      }
      std::string sql = sql_text(s.tokens, in, out, 1, true);
      check_syntax(sql, origins_, s.loc.begin, ctx_.opt.rule_questionmarks);
      if (s.batch_rows.kind != Value::None) {
        // FOR :n: element i of each host array is row i of one pipelined batch
        if (!out.empty()) ctx_.diag.error(s.batch_rows.loc.begin, "FOR :n cannot be used with INTO or RETURNING ... INTO");
        return header(s, "PGESQL_STMT_NORMAL", sql, "", file) + arrays(in, out) + "  pgesql_exec_batch(&pgesql_st, " +
               conn + ", " + batch_rows_expr(s.batch_rows) + ", " + std::to_string(in.size()) + ", " +
               (in.empty() ? "0" : "pgesql_in") + ");\n" + finish(true);
      }
      const char *kind = is_transaction(s.tokens) ? "PGESQL_STMT_TRANSACTION" : "PGESQL_STMT_NORMAL";
      return header(s, kind, sql, "", file) + arrays(in, out) + exec_call("0") + finish(returns_rows(s.tokens));
    }
    case Stmt::Connect: {
      std::string target = "0", name = string_expr(s.name, "a connection name");
      if (s.target.kind == Value::Literal && s.target.text == "DEFAULT" && s.name.kind == Value::None)
        name = "PGESQL_CONN_DEFAULT";
      else if (s.target.kind != Value::None)
        target = string_expr(s.target, "a connection target");
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_connect(&pgesql_st, " + target + ", " +
             string_expr(s.user, "a user name") + ", " + string_expr(s.password, "a password") + ", " + name + ", " +
             (ctx_.opt.autocommit ? "1" : "0") + ");\n" + finish(false);
    }
    case Stmt::Disconnect:
    case Stmt::SetConnection: {
      std::string name;
      if (s.name.kind == Value::Literal && (s.name.text == "CURRENT" || s.name.text == "ALL" || s.name.text == "DEFAULT"))
        name = "PGESQL_CONN_" + s.name.text;
      else
        name = string_expr(s.name, "a connection name");
      const char *fn = s.kind == Stmt::Disconnect ? "pgesql_disconnect" : "pgesql_set_connection";
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  " + fn + "(&pgesql_st, " + name + ");\n" +
             finish(false);
    }
    case Stmt::SetAutocommit:
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_set_autocommit(&pgesql_st, " + conn + ", " +
             (s.flag ? "1" : "0") + ");\n" + finish(false);
    case Stmt::DeclareCursor: {
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
        check_syntax(c.query, origins_, s.loc.begin, ctx_.opt.rule_questionmarks);
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
      cursors_[cursor_key(s.name)] = std::move(c);
      return code;
    }
    case Stmt::DeclareStatement: {
      std::string key = cursor_key(s.name);
      if (declared_.count(key))
        ctx_.diag.error(s.name.loc.begin, "name \"" + (s.name.kind == Value::Host ? s.name.host.expr : s.name.text) +
                                              "\" is already declared");
      declared_[key] = at;
      return {};
    }
    case Stmt::Open: {
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
      std::string prefix = "declare " + cname + " " + c.options + " for";
      if (!c.prepared.empty()) {
        return header(s, "PGESQL_STMT_OPEN", prefix, host_name ? "" : s.name.text, file, flags, c.facts) +
               arrays(in, out) +
               fetch_saved + "  pgesql_open_prepared(&pgesql_st, " + conn + ", " + name_arg + ", " + c.prepared + ", " +
               std::to_string(in.size()) + ", " + (in.empty() ? "0" : "pgesql_in") + ");\n" + finish(false);
      }
      return header(s, "PGESQL_STMT_OPEN", prefix + " " + c.query, host_name ? "" : s.name.text, file, flags,
                    c.facts, c.relations) +
             arrays(in, out) + fetch_saved + exec_call(name_arg) + finish(false);
    }
    case Stmt::Fetch: {
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
      var_list(s.into_list, out);
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
             exec_call(name_arg) + finish(!s.flag);
    }
    case Stmt::Close: {
      bool host_name = s.name.kind == Value::Host;
      bool informix = ctx_.opt.compat == Compat::Informix || ctx_.opt.compat == Compat::InformixSE;
      if (informix && !host_name && Driver::lower(s.name.text) == "database")  // Informix CLOSE DATABASE
        return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_disconnect(&pgesql_st, PGESQL_CONN_CURRENT);\n" +
               finish(false);
      auto cit = cursors_.find(cursor_key(s.name));
      if (conn == "0" && cit != cursors_.end()) conn = conn_expr(cit->second.at);
      return header(s, "PGESQL_STMT_CLOSE", "close " + (host_name ? std::string("$0") : s.name.text),
                    host_name ? "" : s.name.text, file) +
             exec_call(host_name ? string_expr(s.name, "a cursor name") : "0") + finish(false);
    }
    case Stmt::Prepare: {
      if (s.target.kind == Value::None) {
        ctx_.diag.error(s.target.loc.begin, "PREPARE ... FROM needs a string literal or a host variable");
        return {};
      }
      check_literal_syntax(s.target, s);
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_prepare(&pgesql_st, " + conn + ", " +
             string_expr(s.name, "a statement name") + ", " + string_expr(s.target, "a query") + ");\n" +
             finish(false);
    }
    case Stmt::ExecImmediate: {
      if (s.target.kind == Value::Literal) {
        check_literal_syntax(s.target, s);
        return header(s, "PGESQL_STMT_NORMAL", c_unescape(s.target.text), "", file) + exec_call("0") + finish(false);
      }
      if (s.target.kind == Value::None) {
        ctx_.diag.error(s.target.loc.begin, "EXECUTE IMMEDIATE needs a string literal or a host variable");
        return {};
      }
      vars(s.target.host, in);
      return header(s, "PGESQL_STMT_EXEC_IMMEDIATE", "", "", file) + arrays(in, out) + exec_call("0") + finish(false);
    }
    case Stmt::Execute: {
      bool host_name = s.name.kind == Value::Host;
      if (s.flag) {  // EXECUTE name(expr, ...): sent as SQL with the name substituted
        std::string sql = "execute " + (host_name ? std::string("$0") : s.name.text) + "(" +
                          sql_text(s.tokens, in, out, 1, true);
        var_list(s.using_list, in);
        var_list(s.into_list, out);
        return header(s, "PGESQL_STMT_NORMAL", sql, host_name ? "" : s.name.text, file) + arrays(in, out) +
               exec_call(host_name ? string_expr(s.name, "a statement name") : "0") + finish(true);
      }
      var_list(s.using_list, in);
      var_list(s.into_list, out);
      return header(s, "PGESQL_STMT_EXECUTE", host_name ? "$0" : s.name.text, host_name ? "" : s.name.text, file) +
             arrays(in, out) + exec_call(host_name ? string_expr(s.name, "a statement name") : "0") + finish(true);
    }
    case Stmt::Deallocate:
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_deallocate(&pgesql_st, " + conn + ", " +
             (s.flag ? std::string("0") : string_expr(s.name, "a statement name")) + ");\n" + finish(false);
    case Stmt::Describe: {
      var_list(s.into_list, out);
      if (out.empty()) return {};
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + arrays(in, out) + "  pgesql_describe(&pgesql_st, " +
             conn + ", " + string_expr(s.name, "a statement name") + ", " + (s.flag ? "1" : "0") +
             ", &pgesql_out[0]);\n" + finish(false);
    }
    case Stmt::AllocDesc:
    case Stmt::DeallocDesc: {
      const char *fn = s.kind == Stmt::AllocDesc ? "pgesql_allocate_descriptor" : "pgesql_deallocate_descriptor";
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  " + fn + "(&pgesql_st, " +
             string_expr(s.name, "a descriptor name") + ");\n" + finish(false);
    }
    case Stmt::GetDescCount:
    case Stmt::SetDescCount: {
      std::vector<std::string> v;
      if (s.count.kind == Value::Host) vars(s.count.host, v);
      else v.push_back("{PGESQL_T_CONST, (void *)" + c_string(s.count.text) + ", 1L, 1L, 1L, PGESQL_T_NO_INDICATOR, 0, 0L, 0L, 0L}");
      if (v.size() != 1) return {};
      const char *fn = s.kind == Stmt::GetDescCount ? "pgesql_get_descriptor_count" : "pgesql_set_descriptor_count";
      return header(s, "PGESQL_STMT_NORMAL", "", "", file) + "  pgesql_var pgesql_count = " + v[0] + ";\n  " + fn +
             "(&pgesql_st, " + string_expr(s.name, "a descriptor name") + ", &pgesql_count);\n" + finish(false);
    }
    case Stmt::GetDesc:
    case Stmt::SetDesc: {
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
    case Stmt::Whenever: {
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
    case Stmt::TypeDef: {
      const Declaration &d = s.type_decl.at(0);
      TypeP base = ctx_.resolve_base(d.spec, d.loc.begin);
      if (!base) return {};
      Declarator dc = d.declarators.at(0);
      dc.name = s.text;
      TypeP t = ctx_.resolve_declarator(base, dc);
      if (!t) return {};
      ctx_.symbols.add_typedef(s.text, t, s.loc.begin);
      if (!ctx_.opt.c_types) return {};
      Declaration td = d;
      td.spec.storage.insert(td.spec.storage.begin(), "typedef");
      td.declarators.at(0).name = s.text;
      return decl_text(td, "");
    }
    case Stmt::VarDef: {
      const Declaration &d = s.type_decl.at(0);
      TypeP base = ctx_.resolve_base(d.spec, d.loc.begin);
      if (!base) return {};
      Declarator dc = d.declarators.at(0);
      dc.name = s.text;
      TypeP t = ctx_.resolve_declarator(base, dc);
      if (t && !ctx_.symbols.retype_variable(s.text, t))
        ctx_.diag.error(s.loc.begin, "host variable \"" + s.text + "\" is not declared");
      return {};
    }
    default: return {};
  }
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
    if (!dc.init.empty()) s += (dc.brace_init ? "" : " = ") + dc.init;
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
