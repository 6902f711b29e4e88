// NULL markers for host variables without indicators (-r no_indicator): each
// type's value that stands for NULL, as ECPG chose them.
#include <climits>
#include <cstring>

#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "pgtypes_date.h"
#include "pgtypes_interval.h"
#include "pgtypes_numeric.h"
#include "pgtypes_timestamp.h"

namespace {

struct varchar_view {
  int len;
  char arr[1];
};

bool all_ones(const void *p, std::size_t n) {
  const auto *b = static_cast<const unsigned char *>(p);
  for (std::size_t i = 0; i < n; ++i)
    if (b[i] != 0xff) return false;
  return true;
}

}  // namespace

extern "C" PGESQL_API void ECPGset_noind_null(enum ECPGttype type, void *ptr) {
  switch (type) {
    case ECPGt_char:
    case ECPGt_unsigned_char:
    case ECPGt_string: *static_cast<char *>(ptr) = '\0'; break;
    case ECPGt_short:
    case ECPGt_unsigned_short: *static_cast<short *>(ptr) = SHRT_MIN; break;
    case ECPGt_int:
    case ECPGt_unsigned_int: *static_cast<int *>(ptr) = INT_MIN; break;
    case ECPGt_long:
    case ECPGt_unsigned_long:
    case ECPGt_date: *static_cast<long *>(ptr) = LONG_MIN; break;
    case ECPGt_long_long:
    case ECPGt_unsigned_long_long: *static_cast<long long *>(ptr) = LLONG_MIN; break;
    case ECPGt_float: std::memset(ptr, 0xff, sizeof(float)); break;
    case ECPGt_double: std::memset(ptr, 0xff, sizeof(double)); break;
    case ECPGt_varchar: {
      auto *v = static_cast<varchar_view *>(ptr);
      v->arr[0] = '\0';
      v->len = 0;
      break;
    }
    case ECPGt_bytea: static_cast<varchar_view *>(ptr)->len = 0; break;
    case ECPGt_decimal:
      std::memset(ptr, 0, sizeof(decimal));
      static_cast<decimal *>(ptr)->sign = NUMERIC_NULL;
      break;
    case ECPGt_numeric:
      std::memset(ptr, 0, sizeof(numeric));
      static_cast<numeric *>(ptr)->sign = NUMERIC_NULL;
      break;
    case ECPGt_interval: std::memset(ptr, 0xff, sizeof(interval)); break;
    case ECPGt_timestamp: std::memset(ptr, 0xff, sizeof(timestamp)); break;
    default: break;
  }
}

extern "C" PGESQL_API bool ECPGis_noind_null(enum ECPGttype type, const void *ptr) {
  switch (type) {
    case ECPGt_char:
    case ECPGt_unsigned_char:
    case ECPGt_string: return *static_cast<const char *>(ptr) == '\0';
    case ECPGt_short:
    case ECPGt_unsigned_short: return *static_cast<const short *>(ptr) == SHRT_MIN;
    case ECPGt_int:
    case ECPGt_unsigned_int: return *static_cast<const int *>(ptr) == INT_MIN;
    case ECPGt_long:
    case ECPGt_unsigned_long:
    case ECPGt_date: return *static_cast<const long *>(ptr) == LONG_MIN;
    case ECPGt_long_long:
    case ECPGt_unsigned_long_long: return *static_cast<const long long *>(ptr) == LLONG_MIN;
    case ECPGt_float: return all_ones(ptr, sizeof(float));
    case ECPGt_double: return all_ones(ptr, sizeof(double));
    case ECPGt_varchar: return static_cast<const varchar_view *>(ptr)->arr[0] == '\0';
    case ECPGt_bytea: return static_cast<const varchar_view *>(ptr)->len == 0;
    case ECPGt_decimal: return static_cast<const decimal *>(ptr)->sign == NUMERIC_NULL;
    case ECPGt_numeric: return static_cast<const numeric *>(ptr)->sign == NUMERIC_NULL;
    case ECPGt_interval: return all_ones(ptr, sizeof(interval));
    case ECPGt_timestamp: return all_ones(ptr, sizeof(timestamp));
    default: return false;
  }
}
