// The C entry points of pgtypes_interval.h.
#include <cerrno>
#include <cstdlib>

#include <pgtypes_error.h>
#include <pgtypes_interval.h>

#include "types/interval_text.hpp"
#include "types/pgtypes_memory.hpp"

namespace pt = pgesql::types;

extern "C" {

interval *PGTYPESinterval_new(void) {
  return static_cast<interval *>(std::calloc(1, sizeof(interval)));
}

void PGTYPESinterval_free(interval *intvl) { std::free(intvl); }

interval *PGTYPESinterval_from_asc(char *str, char **endptr) {
  if (str == nullptr) {
    errno = PGTYPES_INTVL_BAD_INTERVAL;
    return nullptr;
  }
  pt::IntervalValue v;
  std::size_t consumed = 0;
  int err = pt::parse_interval_text(str, v, consumed);
  if (endptr != nullptr) *endptr = str + consumed;
  if (err != 0) {
    errno = err;
    return nullptr;
  }
  interval *result = PGTYPESinterval_new();
  if (result == nullptr) return nullptr;
  result->time = v.time;
  result->month = v.month;
  errno = 0;
  return result;
}

char *PGTYPESinterval_to_asc(interval *span) {
  if (span == nullptr) {
    errno = PGTYPES_INTVL_BAD_INTERVAL;
    return nullptr;
  }
  return pt::malloc_string(pt::format_interval_verbose({span->time, span->month}));
}

int PGTYPESinterval_copy(interval *intvlsrc, interval *intvldest) {
  if (intvlsrc == nullptr || intvldest == nullptr) return -1;
  intvldest->time = intvlsrc->time;
  intvldest->month = intvlsrc->month;
  return 0;
}

}  // extern "C"
