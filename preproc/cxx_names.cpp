// C++ names as a compiler resolves them, for the host types of declare sections (C++
// output): using-directives (`using namespace std;`), using-declarations (`using
// std::string;`), alias declarations and typedefs of C++ types, in and outside declare
// sections, and struct names qualified with their namespace (`shop::item`).
#include <array>
#include <string_view>

#include "context.hpp"
#include "driver.hpp"
#include "keywords.hpp"

namespace pgesql::pp {
namespace {

bool is_word(const Tok &t, std::string_view w) { return t.lex == Lex::Ident && t.text == w; }
bool is_scope_op(const Tok &t) { return t.lex == Lex::Op && t.text == "::"; }

std::string spelled(const std::vector<Tok> &toks, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) {
    if (!s.empty() && toks[i].space_before) s += ' ';
    s += toks[i].text;
  }
  return s;
}

}  // namespace

bool is_std_type_name(std::string_view name) {
  // the standard types <pgesql/host_types.hpp> binds, written without std::
  static constexpr std::array<std::string_view, 11> names = {"string",    "string_view", "wstring", "u8string",
                                                             "u16string", "u32string",   "vector",  "array",
                                                             "optional",  "span",        "byte"};
  for (std::string_view n : names)
    if (n == name) return true;
  return false;
}

TypeP Context::type_of_tokens(std::vector<Tok> toks) {
  if (toks.empty()) return nullptr;
  if (toks.size() == 1 && toks[0].lex == Lex::Ident) {
    if (const Symbol *td = symbols.typedef_named(toks[0].text)) return td->type;
    if (const Symbol *tag = symbols.tag(toks[0].text)) return tag->type;
  }
  bool words = true;
  DeclSpec spec;
  spec.kind = DeclSpec::Words;
  for (const Tok &t : toks) {
    bool reserved = false;
    words = words && t.lex == Lex::Ident && c_keyword(t.text, &reserved) >= 0;
    spec.words.push_back(t.text);
  }
  if (words) return resolve_base(spec, toks[0].loc.begin);
  qualify_std_names(toks);
  collapse_qualified_names(toks);
  if (toks.size() == 1 && toks[0].text.find("::") != std::string::npos) return cxx_type(toks[0].text);
  return nullptr;  // not a type this preprocessor can bind: the C++ compiler has the last word
}

void Context::qualify_std_names(std::vector<Tok> &toks) const {
  if (!symbols.namespace_used("std")) return;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Tok &t = toks[i];
    if (t.lex != Lex::Ident || !is_std_type_name(t.text) || symbols.typedef_named(t.text) || symbols.tag(t.text))
      continue;
    if (i > 0 && (is_scope_op(toks[i - 1]) || toks[i - 1].lex == Lex::Dot ||
                  (toks[i - 1].lex == Lex::Op && toks[i - 1].text == "->")))
      continue;
    Tok std_word = t, scope = t;
    std_word.text = "std";
    scope.lex = Lex::Op;
    scope.text = "::";
    scope.space_before = false;
    toks.insert(toks.begin() + static_cast<long>(i), {std_word, scope});
    toks[i + 2].space_before = false;
    i += 2;
  }
}

bool Context::note_cxx_declaration(const std::vector<Tok> &toks) {
  std::size_t end = toks.size();
  if (end > 0 && toks[end - 1].lex == Lex::Semi) --end;
  if (end < 2) return false;
  const Pos at = toks[0].loc.begin;
  if (is_word(toks[0], "using") && is_word(toks[1], "namespace")) {
    symbols.add_namespace(spelled(toks, 2, end), at);
    return true;
  }
  if (is_word(toks[0], "using") && end >= 4 && toks[2].lex == Lex::Eq && toks[1].lex == Lex::Ident) {
    // using alias = type;
    TypeP t = type_of_tokens(std::vector<Tok>(toks.begin() + 3, toks.begin() + static_cast<long>(end)));
    if (t) symbols.add_typedef(toks[1].text, t, at);
    return true;
  }
  if (is_word(toks[0], "using")) {
    // using ns::name;  (a using-declaration: the name is an alias of the qualified one)
    std::size_t last = end - 1;
    if (toks[last].lex != Lex::Ident || last < 2 || !is_scope_op(toks[last - 1])) return false;
    TypeP t = type_of_tokens(std::vector<Tok>(toks.begin() + 1, toks.begin() + static_cast<long>(end)));
    if (t) symbols.add_typedef(toks[last].text, t, at);
    return true;
  }
  if (is_word(toks[0], "typedef")) {
    // typedef <C++ type> name;  outside declare sections (C typedefs are read there only, as in ecpg)
    std::size_t last = end - 1;
    if (toks[last].lex != Lex::Ident || last < 2) return false;
    for (std::size_t i = 1; i < last; ++i)
      if (toks[i].lex == Lex::Star || toks[i].lex == Lex::LBrack || toks[i].lex == Lex::LParen) return false;
    TypeP t = type_of_tokens(std::vector<Tok>(toks.begin() + 1, toks.begin() + static_cast<long>(last)));
    if (t && t->base == Base::Cxx) symbols.add_typedef(toks[last].text, t, at);
    return true;
  }
  return false;
}

void Context::cxx_declaration(std::string_view text, Pos at) {
  if (in_declare_ || skipping()) return;  // a declare section reads its own (Driver::reset)
  note_cxx_declaration(lex_tokens(std::string(text), at, true, diag));
}

void Context::open_namespace(Pos) {
  if (in_declare_ || skipping()) return;
  namespace_depths_.push_back(symbols.depth());
  brace_text_.clear();
}

}  // namespace pgesql::pp
