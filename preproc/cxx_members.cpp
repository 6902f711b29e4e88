// C++ class members as host variables in member functions defined outside the class body
// (`void order::save() { EXEC SQL ... :m_price ...; }`): the members a class body declares
// in a declare section are remembered when the body closes, and brought back into scope
// when a block opens after `order::name(...)`, as the C++ compiler does.
#include <cctype>
#include <string>
#include <string_view>

#include "context.hpp"

namespace pgesql::pp {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The text without comments and string literals (kept as blanks), for the two readings below.
std::string code_only(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "//") == 0) {
      for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      const std::size_t end = out.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? out.size() : end + 2;
      for (; i < stop; ++i) out[i] = ' ';
      --i;
    } else if (out[i] == '"' || out[i] == '\'') {
      const char q = out[i];
      for (++i; i < out.size() && out[i] != q; ++i) {
        if (out[i] == '\\' && i + 1 < out.size()) out[i++] = ' ';
        out[i] = ' ';
      }
    }
  }
  return out;
}

// `class name` or `struct name` (with `final` and base classes) right before the brace.
std::string class_head(std::string_view text) {
  std::size_t colon = std::string_view::npos;
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if (text[i] == ':' && text[i + 1] != ':' && (i == 0 || text[i - 1] != ':')) {
      colon = i;
      break;
    }
  std::string_view head = text.substr(0, colon);
  std::size_t end = head.find_last_not_of(" \t\n\r");
  if (end == std::string_view::npos) return {};
  head = head.substr(0, end + 1);
  if (head.size() >= 5 && head.substr(head.size() - 5) == "final" &&
      (head.size() == 5 || !ident_char(head[head.size() - 6])))
    head = head.substr(0, head.find_last_not_of(" \t\n\r", head.size() - 6) + 1);
  std::size_t start = head.size();
  while (start > 0 && ident_char(head[start - 1])) --start;
  const std::string name(head.substr(start));
  std::size_t kw_end = head.find_last_not_of(" \t\n\r", start == 0 ? 0 : start - 1);
  if (name.empty() || start == 0 || kw_end == std::string_view::npos || kw_end + 1 == start) return {};
  std::size_t kw_start = kw_end + 1;
  while (kw_start > 0 && ident_char(head[kw_start - 1])) --kw_start;
  const std::string_view kw = head.substr(kw_start, kw_end + 1 - kw_start);
  return kw == "class" || kw == "struct" ? name : std::string();
}

// `owner::member(` outside parentheses: the class whose member function this block defines.
std::string member_definition_owner(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    else if (text[i] == ')') --depth;
    if (depth != 0 || text[i] != ':' || text[i + 1] != ':') continue;
    std::size_t a = i;
    while (a > 0 && text[a - 1] == ' ') --a;
    std::size_t owner_start = a;
    while (owner_start > 0 && ident_char(text[owner_start - 1])) --owner_start;
    std::size_t b = i + 2;
    while (b < text.size() && text[b] == ' ') ++b;
    if (b < text.size() && text[b] == '~') ++b;
    const std::size_t name_start = b;
    while (b < text.size() && ident_char(text[b])) ++b;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
    if (owner_start < a && b > name_start && b < text.size() && text[b] == '(')
      return std::string(text.substr(owner_start, a - owner_start));
  }
  return {};
}

}  // namespace

void Context::note_brace_text(std::string_view text) {
  if (in_declare_ || opt.lang != OutputLang::Cxx) return;  // C has no member functions
  // the '{' being opened arrives here first: blocks clear the text as they open instead
  const std::size_t cut = text.find_last_of(";}");
  if (cut == std::string_view::npos) {
    brace_text_.append(text);
  } else {
    brace_text_.assign(text.substr(cut + 1));
  }
  if (brace_text_.size() > 4096) brace_text_.erase(0, brace_text_.size() - 4096);  // heads are short
}

void Context::enter_class_or_member_block() {
  if (opt.lang != OutputLang::Cxx) {
    block_classes_.emplace_back();
    return;
  }
  std::string code = code_only(brace_text_);
  if (const std::size_t brace = code.find_last_of('{'); brace != std::string::npos) code.resize(brace);
  brace_text_.clear();
  std::string cls = class_head(code);
  block_classes_.push_back(cls);
  if (!cls.empty()) return;
  const std::string owner = member_definition_owner(code);
  const auto it = owner.empty() ? class_members_.end() : class_members_.find(owner);
  if (it == class_members_.end()) return;
  for (const Symbol &m : it->second) symbols.add_variable(m.name, m.type, m.declared);
}

void Context::leave_class_or_member_block() {
  brace_text_.clear();
  if (block_classes_.empty()) return;
  const std::string cls = std::move(block_classes_.back());
  block_classes_.pop_back();
  if (!cls.empty()) class_members_[cls] = symbols.variables_declared_here();
}

}  // namespace pgesql::pp
