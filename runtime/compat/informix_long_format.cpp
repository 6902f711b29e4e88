// rfmtlong: formats a long with an Informix numeric format string.
//
// The format is read right to left against the value's digits. Right of the
// last '.' every position prints '0' (the '.' itself prints); left of it,
// '#', '*', '&', '<', '$', '+', '-', '(' and ')' take the next digit while
// digits remain and fill the rest with their own filler, ',' separates, and
// any other character is printed as is (taking a digit position). With '<'
// anywhere the result is left-aligned: once the digits are used up, only a
// sign character is still printed, and nothing after it.
#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "ecpg_informix.h"
#include "pgesql/pgesql.h"

namespace {

struct LongFormat {
  std::string_view fmt;
  std::string digits;  // the magnitude, most significant digit first
  bool negative = false;
  bool left_align = false;
  bool brackets = false;  // '(' and ')' both present: a negative value is bracketed
};

// What a fraction position (right of the last '.') prints.
char fraction_char(const LongFormat &f, std::size_t pos, std::size_t dot) {
  if (pos == dot) return '.';
  if (f.fmt[pos] == ')') return f.negative ? ')' : ' ';
  return '0';
}

std::string format_long(const LongFormat &f) {
  const std::size_t dot = f.fmt.rfind('.');
  std::string out;  // built right to left, reversed at the end
  long next = static_cast<long>(f.digits.size()) - 1;  // the next digit to place; < 0 once all are placed
  bool sign_due = false;  // the digits ran out: a sign character may print now
  bool sign_done = false;
  bool dollar_done = false;
  char previous = ' ';  // the format character of the last printed position

  for (std::size_t pos = f.fmt.size(); pos-- > 0;) {
    const bool blank = next < 0;
    if (next == -1) sign_due = true;
    if (blank && f.left_align && sign_due && sign_done) break;
    if (dot != std::string_view::npos && pos >= dot) {
      out += fraction_char(f, pos, dot);
      continue;
    }
    // in the blank area a ',' repeats the filler of the position to its right
    const char c = blank && f.fmt[pos] == ',' ? previous : f.fmt[pos];
    if (blank && f.left_align && sign_due && !sign_done && c != '+' && c != '-') continue;

    const char digit = next >= 0 ? f.digits[static_cast<std::size_t>(next)] : ' ';
    char printed = f.fmt[pos];
    switch (c) {
      case ',':
        printed = ',';
        ++next;  // a separator takes no digit
        break;
      case '*': printed = blank ? '*' : digit; break;
      case '&': printed = blank ? '0' : digit; break;
      case '#': printed = blank ? ' ' : digit; break;
      case '<': printed = digit; break;
      case '-':
        if (sign_due && f.negative && !sign_done) {
          printed = '-';
          sign_done = true;
        } else {
          printed = blank ? ' ' : digit;
        }
        break;
      case '+':
        if (sign_due && !sign_done) {
          printed = f.negative ? '-' : '+';
          sign_done = true;
        } else {
          printed = blank ? ' ' : digit;
        }
        break;
      case '(':
        printed = sign_due && f.brackets && f.negative ? '(' : (blank ? ' ' : digit);
        break;
      case ')': printed = f.brackets && f.negative ? ')' : ' '; break;
      case '$':
        if (blank && !dollar_done) {
          printed = '$';
          dollar_done = true;
        } else {
          printed = blank ? ' ' : digit;
        }
        break;
      default: break;
    }
    out += printed;
    previous = f.fmt[pos];
    --next;
  }
  return std::string(out.rbegin(), out.rend());
}

}  // namespace

extern "C" PGESQL_API int rfmtlong(long lng_val, const char *fmt, char *outbuf) {
  try {
    LongFormat f;
    f.fmt = fmt;
    f.negative = lng_val < 0;
    const unsigned long magnitude = f.negative ? 0UL - static_cast<unsigned long>(lng_val)
                                               : static_cast<unsigned long>(lng_val);
    f.digits = std::to_string(magnitude);
    f.left_align = f.fmt.find('<') != std::string_view::npos;
    f.brackets = f.fmt.find('(') != std::string_view::npos && f.fmt.find(')') != std::string_view::npos;
    const std::string text = format_long(f);
    std::memcpy(outbuf, text.c_str(), text.size() + 1);
    return 0;
  } catch (const std::bad_alloc &) {
    errno = ENOMEM;
    return -1;
  }
}
