// Fuzzes numeric text and binary input and every operation on what parses.
// Input: "<a>\n<b>"; the whole input is also tried as binary numeric.
#include <cstddef>
#include <cstdint>
#include <string>

#include <pgtypes_numeric.h>

#include "types/wire_binary.hpp"

namespace {

void exercise(numeric *n) {
  for (int scale : {-1, 0, 3, 40}) PGTYPESchar_free(PGTYPESnumeric_to_asc(n, scale));
  long l;
  int i;
  double d;
  PGTYPESnumeric_to_long(n, &l);
  PGTYPESnumeric_to_int(n, &i);
  PGTYPESnumeric_to_double(n, &d);
  decimal *dec = PGTYPESdecimal_new();
  if (PGTYPESnumeric_to_decimal(n, dec) == 0) {
    numeric *back = PGTYPESnumeric_new();
    PGTYPESnumeric_from_decimal(dec, back);
    PGTYPESnumeric_free(back);
  }
  PGTYPESdecimal_free(dec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 4096) return 0;  // long inputs only slow the search down
  std::string input(reinterpret_cast<const char *>(data), size);
  std::size_t split = input.find('\n');
  std::string a = input.substr(0, split);
  std::string b = split == std::string::npos ? "1" : input.substr(split + 1);

  char *end = nullptr;
  numeric *x = PGTYPESnumeric_from_asc(a.data(), &end);
  numeric *y = PGTYPESnumeric_from_asc(b.data(), &end);
  if (x != nullptr) exercise(x);
  if (x != nullptr && y != nullptr) {
    numeric *r = PGTYPESnumeric_new();
    PGTYPESnumeric_add(x, y, r);
    PGTYPESnumeric_sub(x, y, r);
    PGTYPESnumeric_mul(x, y, r);
    PGTYPESnumeric_div(x, y, r);
    PGTYPESnumeric_cmp(x, y);
    exercise(r);
    PGTYPESnumeric_free(r);
  }
  PGTYPESnumeric_free(x);
  PGTYPESnumeric_free(y);

  numeric *bin = PGTYPESnumeric_new();
  if (pgesql::types::wire::numeric_from_binary({data, size}, bin) == 0) {
    std::vector<std::uint8_t> out;
    pgesql::types::wire::numeric_to_binary(bin, out);
    exercise(bin);
  }
  PGTYPESnumeric_free(bin);
  return 0;
}
