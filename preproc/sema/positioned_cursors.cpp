#include "sema/positioned_cursors.hpp"

#include <cctype>

namespace pgesql::pp::sema {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Whether `word` (lower case) stands at `at`, case-insensitively, as a whole word.
bool word_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  if (at > 0 && ident_char(text[at - 1])) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return at + word.size() == text.size() || !ident_char(text[at + word.size()]);
}

std::size_t skip_space(std::string_view text, std::size_t at) {
  while (at < text.size() && space(text[at])) ++at;
  return at;
}

}  // namespace

void positioned_cursors::add(const positioned_cursors &other) {
  names.insert(other.names.begin(), other.names.end());
  through_host_variable = through_host_variable || other.through_host_variable;
}

positioned_cursors find_positioned_cursors(std::string_view text) {
  positioned_cursors found;
  for (std::size_t at = 0; (at = text.find_first_of("cC", at)) != std::string_view::npos; ++at) {
    if (!word_at(text, at, "current")) continue;
    std::size_t p = skip_space(text, at + 7);
    if (p == at + 7 || !word_at(text, p, "of")) continue;
    p = skip_space(text, p + 2);
    if (p >= text.size()) break;
    if (text[p] == ':') {
      found.through_host_variable = true;
    } else if (text[p] == '"') {
      const std::size_t end = text.find('"', p + 1);
      if (end != std::string_view::npos) found.names.insert(std::string(text.substr(p, end - p + 1)));
    } else {
      std::string name;
      while (p < text.size() && ident_char(text[p])) name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[p++])));
      if (!name.empty()) found.names.insert(name);
    }
  }
  return found;
}

}  // namespace pgesql::pp::sema
