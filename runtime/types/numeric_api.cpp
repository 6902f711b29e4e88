// The C entry points of pgtypes_numeric.h over NumericValue.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <pgtypes_error.h>
#include <pgtypes_numeric.h>

#include "types/numeric_c_struct.hpp"
#include "types/pgtypes_memory.hpp"

using pgesql::types::NumericValue;

namespace {

// Runs a two-operand operation; errors go to errno and return -1.
template <typename Op>
int binary_op(numeric *a, numeric *b, numeric *result, Op op) {
  NumericValue va, vb, vr;
  int err = pgesql::types::numeric_from_struct(a, va);
  if (err == 0) err = pgesql::types::numeric_from_struct(b, vb);
  if (err == 0 && result == nullptr) err = PGTYPES_NUM_BAD_NUMERIC;
  if (err == 0) err = op(va, vb, vr);
  if (err != 0) {
    errno = err;
    return -1;
  }
  return pgesql::types::numeric_to_struct(vr, result);
}

int fail(int code) {
  errno = code;
  return -1;
}

}  // namespace

extern "C" {

numeric *PGTYPESnumeric_new(void) { return pgesql::types::numeric_alloc(); }

decimal *PGTYPESdecimal_new(void) {
  return static_cast<decimal *>(std::calloc(1, sizeof(decimal)));
}

void PGTYPESnumeric_free(numeric *var) {
  if (var == nullptr) return;
  std::free(var->buf);
  std::free(var);
}

void PGTYPESdecimal_free(decimal *var) { std::free(var); }

numeric *PGTYPESnumeric_from_asc(char *str, char **endptr) {
  if (str == nullptr) {
    errno = PGTYPES_NUM_BAD_NUMERIC;
    return nullptr;
  }
  errno = 0;
  auto parsed = pgesql::types::parse_numeric(str);
  if (endptr != nullptr) *endptr = str + parsed.stop;
  if (parsed.error != 0) {
    errno = parsed.error;
    return nullptr;
  }
  numeric *n = pgesql::types::numeric_alloc();
  if (n == nullptr) return nullptr;
  if (pgesql::types::numeric_to_struct(parsed.value, n) != 0) {
    PGTYPESnumeric_free(n);
    return nullptr;
  }
  return n;
}

char *PGTYPESnumeric_to_asc(numeric *num, int dscale) {
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(num, v); err != 0) {
    errno = err;
    return nullptr;
  }
  if (dscale < 0) dscale = v.dscale;
  if (dscale > pgesql::types::kNumericMaxScale) {
    errno = PGTYPES_NUM_BAD_NUMERIC;
    return nullptr;
  }
  return pgesql::types::malloc_string(pgesql::types::format_numeric(v, dscale));
}

int PGTYPESnumeric_add(numeric *var1, numeric *var2, numeric *result) {
  return binary_op(var1, var2, result, pgesql::types::numeric_add);
}

int PGTYPESnumeric_sub(numeric *var1, numeric *var2, numeric *result) {
  return binary_op(var1, var2, result, pgesql::types::numeric_sub);
}

int PGTYPESnumeric_mul(numeric *var1, numeric *var2, numeric *result) {
  return binary_op(var1, var2, result, pgesql::types::numeric_mul);
}

int PGTYPESnumeric_div(numeric *var1, numeric *var2, numeric *result) {
  // ECPG's quotient of a digitless zero keeps the result's old display scale
  // (Informix's decdiv shows it as "0"), so callers see the same text.
  const bool zero_dividend = var1 != nullptr && result != nullptr && var1->ndigits == 0 &&
                             (var1->sign == NUMERIC_POS || var1->sign == NUMERIC_NEG);
  const int old_dscale = result != nullptr ? result->dscale : 0;
  int rc = binary_op(var1, var2, result, pgesql::types::numeric_div);
  if (rc == 0 && zero_dividend) result->dscale = old_dscale;
  return rc;
}

int PGTYPESnumeric_cmp(numeric *var1, numeric *var2) {
  NumericValue a, b;
  if (pgesql::types::numeric_from_struct(var1, a) != 0 ||
      pgesql::types::numeric_from_struct(var2, b) != 0 || a.is_nan() || b.is_nan()) {
    errno = PGTYPES_NUM_BAD_NUMERIC;
    return INT_MAX;
  }
  return pgesql::types::compare_values(a, b);
}

int PGTYPESnumeric_from_int(signed int int_val, numeric *var) {
  return PGTYPESnumeric_from_long(int_val, var);
}

int PGTYPESnumeric_from_long(signed long int long_val, numeric *var) {
  if (var == nullptr) return fail(PGTYPES_NUM_BAD_NUMERIC);
  return pgesql::types::numeric_to_struct(pgesql::types::numeric_from_long(long_val), var);
}

int PGTYPESnumeric_copy(numeric *src, numeric *dst) {
  if (dst == nullptr) return -1;
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(src, v); err != 0) return fail(err);
  return pgesql::types::numeric_to_struct(v, dst);
}

int PGTYPESnumeric_from_double(double d, numeric *dst) {
  if (dst == nullptr) return fail(PGTYPES_NUM_BAD_NUMERIC);
  char buffer[DBL_DIG + 100];
  std::snprintf(buffer, sizeof buffer, "%.*g", DBL_DIG, d);
  auto parsed = pgesql::types::parse_numeric(buffer);
  if (parsed.error != 0) return fail(parsed.error);
  if (pgesql::types::numeric_to_struct(parsed.value, dst) != 0) return -1;
  errno = 0;
  return 0;
}

int PGTYPESnumeric_to_double(numeric *nv, double *dp) {
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(nv, v); err != 0) return fail(err);
  std::string text = pgesql::types::format_numeric(v, v.dscale);
  errno = 0;
  char *end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (errno == ERANGE) return fail(value == 0 ? PGTYPES_NUM_UNDERFLOW : PGTYPES_NUM_OVERFLOW);
  if (*end != '\0') return fail(PGTYPES_NUM_BAD_NUMERIC);
  if (dp != nullptr) *dp = value;
  return 0;
}

int PGTYPESnumeric_to_long(numeric *nv, long *lp) {
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(nv, v); err != 0) return fail(err);
  if (v.is_nan()) return fail(PGTYPES_NUM_BAD_NUMERIC);
  if (v.is_inf()) return fail(v.sign == NUMERIC_PINF ? PGTYPES_NUM_OVERFLOW : PGTYPES_NUM_UNDERFLOW);
  std::string text = pgesql::types::format_numeric(v, 0);
  errno = 0;
  long value = std::strtol(text.c_str(), nullptr, 10);
  if (errno == ERANGE) {
    if (lp != nullptr) *lp = value;
    return fail(value == LONG_MIN ? PGTYPES_NUM_UNDERFLOW : PGTYPES_NUM_OVERFLOW);
  }
  if (lp != nullptr) *lp = value;
  return 0;
}

int PGTYPESnumeric_to_int(numeric *nv, int *ip) {
  long l = 0;
  if (int r = PGTYPESnumeric_to_long(nv, &l); r != 0) return r;
  if (l < INT_MIN || l > INT_MAX) return fail(PGTYPES_NUM_OVERFLOW);
  if (ip != nullptr) *ip = static_cast<int>(l);
  return 0;
}

int PGTYPESnumeric_to_decimal(numeric *src, decimal *dst) {
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(src, v); err != 0) return fail(err);
  if (int err = pgesql::types::decimal_from_value(v, dst); err != 0) return fail(err);
  return 0;
}

int PGTYPESnumeric_from_decimal(decimal *src, numeric *dst) {
  NumericValue v;
  if (int err = pgesql::types::numeric_from_struct(src, v); err != 0) return fail(err);
  if (dst == nullptr) return fail(PGTYPES_NUM_BAD_NUMERIC);
  return pgesql::types::numeric_to_struct(v, dst);
}

}  // extern "C"
