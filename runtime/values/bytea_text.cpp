#include "values/bytea_text.hpp"

namespace pgesql::values {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

}  // namespace

void decode_bytea_text(const char *text, std::size_t length, std::vector<char> &out) {
  out.clear();
  if (length >= 2 && text[0] == '\\' && text[1] == 'x') {
    out.reserve((length - 2) / 2);
    for (std::size_t i = 2; i < length;) {
      char c = text[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        ++i;
        continue;
      }
      if (i + 1 >= length) return;
      int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
      if (hi < 0 || lo < 0) return;
      out.push_back(static_cast<char>(hi << 4 | lo));
      i += 2;
    }
    return;
  }
  // escape form: \\ is a backslash, \ooo an octal byte, anything else itself
  for (std::size_t i = 0; i < length;) {
    if (text[i] != '\\') {
      out.push_back(text[i++]);
    } else if (i + 1 < length && text[i + 1] == '\\') {
      out.push_back('\\');
      i += 2;
    } else if (i + 3 < length + 0 && is_octal(text[i + 1]) && is_octal(text[i + 2]) && is_octal(text[i + 3])) {
      out.push_back(static_cast<char>((text[i + 1] - '0') << 6 | (text[i + 2] - '0') << 3 | (text[i + 3] - '0')));
      i += 4;
    } else {
      return;
    }
  }
}

}  // namespace pgesql::values
