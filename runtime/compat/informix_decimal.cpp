// Informix's decimal functions (decimal.h), computed with the pgtypes numeric
// library and reporting Informix's error codes. errno keeps the pgtypes code
// of the last failure, as programs (and ECPG's suite) inspect it.
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "compat/informix_numeric_temp.hpp"
#include "ecpg_informix.h"
#include "pgesql/pgesql.h"
#include "pgtypes_error.h"
#include "sqltypes.h"

namespace pgesql::compat {

NumericPtr numeric_from(decimal *value) {
  NumericPtr n(PGTYPESnumeric_new());
  if (n && PGTYPESnumeric_from_decimal(value, n.get()) != 0) n.reset();
  return n;
}

namespace {

using NumericOp = int (*)(numeric *, numeric *, numeric *);

// Runs op on two decimals and stores a successful result (NULL first, so a
// result that does not fit reads as NULL). A NULL operand leaves the result
// untouched and succeeds; the return value is op's.
int run_binary(decimal *a, decimal *b, decimal *result, NumericOp op) {
  if (risnull(CDECIMALTYPE, reinterpret_cast<char *>(a)) || risnull(CDECIMALTYPE, reinterpret_cast<char *>(b)))
    return 0;
  NumericPtr na = numeric_from(a);
  NumericPtr nb = numeric_from(b);
  NumericPtr nr(PGTYPESnumeric_new());
  if (!na || !nb || !nr) return ECPG_INFORMIX_OUT_OF_MEMORY;
  int rc = op(na.get(), nb.get(), nr.get());
  if (rc == 0) {
    rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(result));
    PGTYPESnumeric_to_decimal(nr.get(), result);
  }
  return rc;
}

// Maps the errno of a failed subtraction or multiplication.
int overflow_or_underflow(int err) {
  return err == PGTYPES_NUM_OVERFLOW ? ECPG_INFORMIX_NUM_OVERFLOW : ECPG_INFORMIX_NUM_UNDERFLOW;
}

// Stores a converted numeric as the decimal's value; np stays NULL on failure.
template <typename Fill>
int convert_into(decimal *np, Fill fill) {
  NumericPtr n(PGTYPESnumeric_new());
  if (!n) return ECPG_INFORMIX_OUT_OF_MEMORY;
  int rc = fill(n.get());
  if (rc == 0) rc = PGTYPESnumeric_to_decimal(n.get(), np);
  return rc;
}

// dectoint/dectolong: a value out of range reports Informix's overflow code.
template <typename T, typename Convert>
int to_integer(decimal *np, T *out, Convert convert) {
  NumericPtr n = numeric_from(np);
  if (!n) return ECPG_INFORMIX_OUT_OF_MEMORY;
  errno = 0;
  int rc = convert(n.get(), out);
  int err = errno;
  n.reset();
  errno = err;
  if (rc == -1 && err == PGTYPES_NUM_OVERFLOW) return ECPG_INFORMIX_NUM_OVERFLOW;
  return rc;
}

}  // namespace
}  // namespace pgesql::compat

using pgesql::compat::NumericPtr;

extern "C" {

PGESQL_API int decadd(decimal *arg1, decimal *arg2, decimal *sum) {
  errno = 0;
  pgesql::compat::run_binary(arg1, arg2, sum, PGTYPESnumeric_add);
  // decadd judges by errno, so a sum too wide for a decimal is an overflow too
  switch (errno) {
    case 0: return 0;
    case PGTYPES_NUM_OVERFLOW: return ECPG_INFORMIX_NUM_OVERFLOW;
    case PGTYPES_NUM_UNDERFLOW: return ECPG_INFORMIX_NUM_UNDERFLOW;
    default: return -1;
  }
}

PGESQL_API int decsub(decimal *n1, decimal *n2, decimal *result) {
  errno = 0;
  if (pgesql::compat::run_binary(n1, n2, result, PGTYPESnumeric_sub) == 0) return 0;
  return pgesql::compat::overflow_or_underflow(errno);
}

PGESQL_API int decmul(decimal *n1, decimal *n2, decimal *result) {
  errno = 0;
  if (pgesql::compat::run_binary(n1, n2, result, PGTYPESnumeric_mul) == 0) return 0;
  return pgesql::compat::overflow_or_underflow(errno);
}

PGESQL_API int decdiv(decimal *n1, decimal *n2, decimal *result) {
  errno = 0;
  if (pgesql::compat::run_binary(n1, n2, result, PGTYPESnumeric_div) == 0) return 0;
  if (errno == PGTYPES_NUM_DIVIDE_ZERO) return ECPG_INFORMIX_DIVIDE_ZERO;
  return pgesql::compat::overflow_or_underflow(errno);
}

PGESQL_API int deccmp(decimal *arg1, decimal *arg2) {
  // a NULL is not comparable: pgtypes' "bad numeric" answer
  if (risnull(CDECIMALTYPE, reinterpret_cast<char *>(arg1)) || risnull(CDECIMALTYPE, reinterpret_cast<char *>(arg2))) {
    errno = PGTYPES_NUM_BAD_NUMERIC;
    return INT_MAX;
  }
  NumericPtr a = pgesql::compat::numeric_from(arg1);
  NumericPtr b = pgesql::compat::numeric_from(arg2);
  if (!a || !b) return ECPG_INFORMIX_OUT_OF_MEMORY;
  return PGTYPESnumeric_cmp(a.get(), b.get());
}

PGESQL_API void deccopy(decimal *src, decimal *target) { std::memcpy(target, src, sizeof(decimal)); }

PGESQL_API int deccvasc(const char *cp, int len, decimal *np) {
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(np));
  if (risnull(CSTRINGTYPE, cp)) return 0;
  std::size_t length = std::strlen(cp);
  if (len >= 0 && static_cast<std::size_t>(len) < length) length = static_cast<std::size_t>(len);
  std::string text(cp, length);
  errno = 0;
  NumericPtr n(PGTYPESnumeric_from_asc(text.data(), nullptr));
  if (!n) {
    switch (errno) {
      case PGTYPES_NUM_OVERFLOW: return ECPG_INFORMIX_NUM_OVERFLOW;
      case PGTYPES_NUM_BAD_NUMERIC: return ECPG_INFORMIX_BAD_NUMERIC;
      default: return ECPG_INFORMIX_BAD_EXPONENT;
    }
  }
  return PGTYPESnumeric_to_decimal(n.get(), np) == 0 ? 0 : ECPG_INFORMIX_NUM_OVERFLOW;
}

PGESQL_API int deccvdbl(double dbl, decimal *np) {
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(np));
  if (risnull(CDOUBLETYPE, reinterpret_cast<const char *>(&dbl))) return 0;
  return pgesql::compat::convert_into(np, [dbl](numeric *n) { return PGTYPESnumeric_from_double(dbl, n); });
}

PGESQL_API int deccvint(int in, decimal *np) {
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(np));
  if (risnull(CINTTYPE, reinterpret_cast<const char *>(&in))) return 0;
  return pgesql::compat::convert_into(np, [in](numeric *n) { return PGTYPESnumeric_from_int(in, n); });
}

PGESQL_API int deccvlong(long lng, decimal *np) {
  rsetnull(CDECIMALTYPE, reinterpret_cast<char *>(np));
  if (risnull(CLONGTYPE, reinterpret_cast<const char *>(&lng))) return 0;
  return pgesql::compat::convert_into(np, [lng](numeric *n) { return PGTYPESnumeric_from_long(lng, n); });
}

PGESQL_API int dectoasc(decimal *np, char *cp, int len, int right) {
  rsetnull(CSTRINGTYPE, cp);
  if (risnull(CDECIMALTYPE, reinterpret_cast<char *>(np))) return 0;
  NumericPtr n = pgesql::compat::numeric_from(np);
  if (!n) return ECPG_INFORMIX_OUT_OF_MEMORY;
  char *text = PGTYPESnumeric_to_asc(n.get(), right >= 0 ? right : n->dscale);
  if (text == nullptr) return -1;
  std::size_t needed = std::strlen(text) + 1;
  int rc = 0;
  if (len < 0 || needed > static_cast<std::size_t>(len)) {
    // too long for the buffer: Informix marks the field with a star
    if (len > 1) std::strcpy(cp, "*");
    rc = -1;
  } else {
    std::memcpy(cp, text, needed);
  }
  PGTYPESchar_free(text);
  return rc;
}

PGESQL_API int dectodbl(decimal *np, double *dblp) {
  NumericPtr n = pgesql::compat::numeric_from(np);
  if (!n) return ECPG_INFORMIX_OUT_OF_MEMORY;
  return PGTYPESnumeric_to_double(n.get(), dblp);
}

PGESQL_API int dectoint(decimal *np, int *ip) {
  return pgesql::compat::to_integer(np, ip, PGTYPESnumeric_to_int);
}

PGESQL_API int dectolong(decimal *np, long *lngp) {
  return pgesql::compat::to_integer(np, lngp, PGTYPESnumeric_to_long);
}

}  // extern "C"
