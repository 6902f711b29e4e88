#include "types/pgtypes_memory.hpp"

#include <cstdlib>
#include <cstring>

#include <pgtypes.h>

namespace pgesql::types {

char *malloc_string(std::string_view text) {
  auto *s = static_cast<char *>(std::malloc(text.size() + 1));
  if (s == nullptr) return nullptr;
  if (!text.empty()) std::memcpy(s, text.data(), text.size());
  s[text.size()] = '\0';
  return s;
}

}  // namespace pgesql::types

extern "C" void PGTYPESchar_free(char *ptr) { std::free(ptr); }
