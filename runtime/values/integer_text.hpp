// strtol/strtoll/strtoul/strtoull for the integers a server sends: an
// optional '-' and digits that cannot overflow T are read inline, without
// the C library's locale, whitespace and errno handling (a tenth of the time
// of FETCH into arrays went there). Every other text, overflow included, goes
// to the C library, so the value and the end pointer are always exactly
// what the C function for T gives.
#pragma once

#include <cstdlib>
#include <limits>
#include <type_traits>

namespace pgesql::values {

template <class T>
T integer_text(const char *p, char **end) {
  static_assert(std::is_integral_v<T> && sizeof(T) >= sizeof(long));
  const char *s = p;
  const bool negative = std::is_signed_v<T> && *s == '-';
  if (negative) ++s;
  const char *digits = s;
  T v = 0;
  // digits10 digits always fit, whatever they are
  while (*s >= '0' && *s <= '9' && s - digits < std::numeric_limits<T>::digits10)
    v = static_cast<T>(v * 10 + (*s++ - '0'));
  if (s == digits || (*s >= '0' && *s <= '9')) {
    if constexpr (std::is_same_v<T, long>) return std::strtol(p, end, 10);
    else if constexpr (std::is_same_v<T, unsigned long>) return std::strtoul(p, end, 10);
    else if constexpr (std::is_same_v<T, long long>) return std::strtoll(p, end, 10);
    else return std::strtoull(p, end, 10);
  }
  *end = const_cast<char *>(s);
  return negative ? static_cast<T>(-v) : v;
}

}  // namespace pgesql::values
