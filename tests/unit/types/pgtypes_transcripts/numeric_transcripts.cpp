// The calls of ECPG's pgtypeslib/num_test and num_test2 programs, as transcripts: built
// against pgesql and against ECPG's libpgtypes, the two must print the same.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <pgtypes_error.h>
#include <pgtypes_numeric.h>

#include "transcripts.hpp"

using pgesql::transcripts::appendf;

namespace {

void print_errno(std::string &out) {
  switch (errno) {
    case 0: appendf(out, "(no errno set) - "); break;
    case PGTYPES_NUM_OVERFLOW: appendf(out, "(errno == PGTYPES_NUM_OVERFLOW) - "); break;
    case PGTYPES_NUM_UNDERFLOW: appendf(out, "(errno == PGTYPES_NUM_UNDERFLOW) - "); break;
    case PGTYPES_NUM_BAD_NUMERIC: appendf(out, "(errno == PGTYPES_NUM_BAD_NUMERIC) - "); break;
    case PGTYPES_NUM_DIVIDE_ZERO: appendf(out, "(errno == PGTYPES_NUM_DIVIDE_ZERO) - "); break;
    default: appendf(out, "(unknown errno (%d))\n", errno); break;
  }
}

// Prints text and frees it, as the programs do.
void put(std::string &out, const char *fmt, char *text) {
  appendf(out, fmt, text);
  PGTYPESchar_free(text);
}

std::string num_test() {
  std::string out;
  numeric *value1 = PGTYPESnumeric_new();
  PGTYPESnumeric_from_int(1407, value1);
  put(out, "from int = %s\n", PGTYPESnumeric_to_asc(value1, -1));
  PGTYPESnumeric_free(value1);

  value1 = PGTYPESnumeric_from_asc(const_cast<char *>("2369.7"), nullptr);
  numeric *value2 = PGTYPESnumeric_from_asc(const_cast<char *>("10.0"), nullptr);
  numeric *res = PGTYPESnumeric_new();
  PGTYPESnumeric_add(value1, value2, res);
  put(out, "add = %s\n", PGTYPESnumeric_to_asc(res, -1));
  PGTYPESnumeric_sub(res, value2, res);
  put(out, "sub = %s\n", PGTYPESnumeric_to_asc(res, -1));
  PGTYPESnumeric_free(value2);

  value2 = PGTYPESnumeric_from_asc(const_cast<char *>("2369.7"), nullptr);
  PGTYPESnumeric_mul(value1, value2, res);
  PGTYPESnumeric_free(value2);
  // The program stores `res - 10 + 10` in a numeric(14,7) column and reads it
  // back: the server sends it as this text.
  numeric *des = PGTYPESnumeric_from_asc(const_cast<char *>("2369.7000000"), nullptr);
  PGTYPESnumeric_mul(res, des, res);
  put(out, "mul = %s\n", PGTYPESnumeric_to_asc(res, -1));
  PGTYPESnumeric_free(des);

  value2 = PGTYPESnumeric_from_asc(const_cast<char *>("10000"), nullptr);
  PGTYPESnumeric_div(res, value2, res);
  char *text = PGTYPESnumeric_to_asc(res, -1);
  double d = 0;
  PGTYPESnumeric_to_double(res, &d);
  appendf(out, "div = %s %g\n", text, d);
  PGTYPESchar_free(text);
  PGTYPESnumeric_free(value1);
  PGTYPESnumeric_free(value2);

  value1 = PGTYPESnumeric_from_asc(const_cast<char *>("2E7"), nullptr);
  value2 = PGTYPESnumeric_from_asc(const_cast<char *>("14"), nullptr);
  long l1 = 0, l2 = 0;
  int i = PGTYPESnumeric_to_long(value1, &l1) | PGTYPESnumeric_to_long(value2, &l2);
  appendf(out, "to long(%d) = %ld %ld\n", i, l1, l2);
  PGTYPESnumeric_free(value1);
  PGTYPESnumeric_free(value2);
  PGTYPESnumeric_free(res);

  int min = 0, max = 0;
  value1 = PGTYPESnumeric_from_asc(const_cast<char *>("-2147483648"), nullptr);
  PGTYPESnumeric_to_int(value1, &min);
  appendf(out, "min int = %d\n", min);
  PGTYPESnumeric_free(value1);
  value2 = PGTYPESnumeric_from_asc(const_cast<char *>("2147483647"), nullptr);
  PGTYPESnumeric_to_int(value2, &max);
  appendf(out, "max int = %d\n", max);
  PGTYPESnumeric_free(value2);
  return out;
}

const char *const kNum2Inputs[] = {
    "2E394", "-2", ".794", "3.44", "592.49E21", "-32.84e4", "2E-394", ".1E-2", "+.0",
    "-592.49E-07", "+32.84e-4", ".500001", "-.5000001", "1234567890123456789012345678.91",
    "1234567890123456789012345678.921", "not a number"};

void print_result(std::string &out, int r, const char *what, int i, int j, numeric *n) {
  if (r) {
    print_errno(out);
    appendf(out, "r: %d\n", r);
  } else {
    char *text = PGTYPESnumeric_to_asc(n, 10);
    appendf(out, "num[%s,%d,%d]: %s\n", what, i, j, text);
    PGTYPESchar_free(text);
  }
}

std::string num_test2() {
  std::string out;
  std::vector<numeric *> nums;
  int index = 0;
  for (const char *input : kNum2Inputs) {
    int i = index++;
    char *endptr = nullptr;
    numeric *num = PGTYPESnumeric_from_asc(const_cast<char *>(input), &endptr);
    if (!num) print_errno(out);
    if (endptr != nullptr) {
      appendf(out, "endptr of %d is not NULL\n", i);
      if (*endptr != '\0') appendf(out, "*endptr of %d is not \\0\n", i);
    }
    if (!num) continue;
    nums.push_back(num);
    for (int k = 0; k < 4; ++k) {
      char *text = PGTYPESnumeric_to_asc(num, k - 1);
      if (!text) print_errno(out);
      appendf(out, "num[%d,%d]: %s\n", i, k + 1, text);
      PGTYPESchar_free(text);
    }
    numeric *nin = PGTYPESnumeric_new();
    put(out, (std::string("num[") + std::to_string(i) + ",5]: %s\n").c_str(),
        PGTYPESnumeric_to_asc(nin, 2));

    long l = 0;
    int r = PGTYPESnumeric_to_long(num, &l);
    if (r) print_errno(out);
    appendf(out, "num[%d,6]: %ld (r: %d)\n", i, r ? 0L : l, r);
    if (r == 0) {
      r = PGTYPESnumeric_from_long(l, nin);
      if (r) print_errno(out);
      char *text = PGTYPESnumeric_to_asc(nin, 2);
      int q = PGTYPESnumeric_cmp(num, nin);
      appendf(out, "num[%d,7]: %s (r: %d - cmp: %d)\n", i, text, r, q);
      PGTYPESchar_free(text);
    }
    int k = 0;
    r = PGTYPESnumeric_to_int(num, &k);
    if (r) print_errno(out);
    appendf(out, "num[%d,8]: %d (r: %d)\n", i, r ? 0 : k, r);
    if (r == 0) {
      r = PGTYPESnumeric_from_int(k, nin);
      if (r) print_errno(out);
      char *text = PGTYPESnumeric_to_asc(nin, 2);
      int q = PGTYPESnumeric_cmp(num, nin);
      appendf(out, "num[%d,9]: %s (r: %d - cmp: %d)\n", i, text, r, q);
      PGTYPESchar_free(text);
    }
    if (i != 6) {
      double d = 0;
      r = PGTYPESnumeric_to_double(num, &d);
      if (r) print_errno(out);
      appendf(out, "num[%d,10]: %g (r: %d)\n", i, r ? 0.0 : d, r);
    }
    decimal *dec = PGTYPESdecimal_new();
    r = PGTYPESnumeric_to_decimal(num, dec);
    if (r) print_errno(out);
    appendf(out, "num[%d,11]: - (r: %d)\n", i, r);
    if (r == 0) {
      r = PGTYPESnumeric_from_decimal(dec, nin);
      if (r) print_errno(out);
      char *text = PGTYPESnumeric_to_asc(nin, 2);
      int q = PGTYPESnumeric_cmp(num, nin);
      appendf(out, "num[%d,12]: %s (r: %d - cmp: %d)\n", i, text, r, q);
      PGTYPESchar_free(text);
    }
    PGTYPESdecimal_free(dec);
    PGTYPESnumeric_free(nin);
    appendf(out, "\n");
  }
  int count = static_cast<int>(nums.size());
  for (int i = 0; i < count; ++i) {
    for (int j = 0; j < count; ++j) {
      numeric *a = PGTYPESnumeric_new();
      numeric *s = PGTYPESnumeric_new();
      numeric *m = PGTYPESnumeric_new();
      numeric *d = PGTYPESnumeric_new();
      print_result(out, PGTYPESnumeric_add(nums[i], nums[j], a), "a", i, j, a);
      print_result(out, PGTYPESnumeric_sub(nums[i], nums[j], s), "s", i, j, s);
      print_result(out, PGTYPESnumeric_mul(nums[i], nums[j], m), "m", i, j, m);
      print_result(out, PGTYPESnumeric_div(nums[i], nums[j], d), "d", i, j, d);
      PGTYPESnumeric_free(a);
      PGTYPESnumeric_free(s);
      PGTYPESnumeric_free(m);
      PGTYPESnumeric_free(d);
    }
  }
  for (int i = 0; i < count; ++i) {
    put(out, (std::to_string(i) + ": %s\n").c_str(), PGTYPESnumeric_to_asc(nums[i], -1));
    PGTYPESnumeric_free(nums[i]);
  }
  return out;
}

}  // namespace

const pgesql::transcripts::transcript pgesql::transcripts::numeric[2] = {{"num_test", num_test}, {"num_test2", num_test2}};
