// The C entry points of pgtypes_timestamp.h except the format functions.
#include <cerrno>
#include <cstring>

#include <pgtypes_error.h>
#include <pgtypes_timestamp.h>

#include "types/calendar.hpp"
#include "types/datetime_fields.hpp"
#include "types/datetime_text.hpp"
#include "types/pgtypes_memory.hpp"

namespace pt = pgesql::types;

extern "C" {

timestamp PGTYPEStimestamp_from_asc(char *str, char **endptr) {
  if (str == nullptr) {
    errno = PGTYPES_TS_BAD_TIMESTAMP;
    return 0;
  }
  std::size_t consumed = 0;
  std::int64_t ts = 0;
  int err = std::strlen(str) > pt::kMaxDateLen ? PGTYPES_TS_BAD_TIMESTAMP
                                               : pt::parse_timestamp_text(str, ts, consumed);
  if (endptr != nullptr) *endptr = str + consumed;
  if (err != 0) {
    errno = err;
    return 0;
  }
  errno = 0;  // 0 is also a valid result: errno tells them apart
  return ts;
}

char *PGTYPEStimestamp_to_asc(timestamp tstamp) {
  bool ok = false;
  std::string text = pt::format_timestamp_iso(tstamp, ok);
  if (!ok) {
    errno = PGTYPES_TS_BAD_TIMESTAMP;
    return nullptr;
  }
  return pt::malloc_string(text);
}

void PGTYPEStimestamp_current(timestamp *ts) {
  if (ts == nullptr) return;
  pt::CivilTime now = pt::local_now();
  std::int64_t value = 0;
  if (pt::civil_to_timestamp(now, value)) *ts = value;
}

int PGTYPEStimestamp_sub(timestamp *ts1, timestamp *ts2, interval *iv) {
  if (ts1 == nullptr || ts2 == nullptr || iv == nullptr) return PGTYPES_TS_BAD_TIMESTAMP;
  if (!pt::timestamp_is_finite(*ts1) || !pt::timestamp_is_finite(*ts2)) {
    return PGTYPES_TS_ERR_EINFTIME;
  }
  std::int64_t diff = 0;
  if (__builtin_sub_overflow(*ts1, *ts2, &diff)) return PGTYPES_TS_BAD_TIMESTAMP;
  iv->time = diff;
  iv->month = 0;
  return 0;
}

int PGTYPEStimestamp_add_interval(timestamp *tin, interval *span, timestamp *tout) {
  if (tin == nullptr || span == nullptr || tout == nullptr) return -1;
  if (!pt::timestamp_is_finite(*tin)) {
    *tout = *tin;
    return 0;
  }
  std::int64_t result = *tin;
  if (span->month != 0) {
    pt::CivilTime t;
    if (!pt::timestamp_to_civil(result, t)) return -1;
    // Month arithmetic, then clamp the day to the new month's length.
    long long months = static_cast<long long>(t.year) * 12 + (t.month - 1);
    if (__builtin_add_overflow(months, static_cast<long long>(span->month), &months)) return -1;
    long long year = months >= 0 ? months / 12 : -((-months + 11) / 12);
    if (year > 5874898 || year < -4713) return -1;
    t.year = static_cast<int>(year);
    t.month = static_cast<int>(months - year * 12) + 1;
    int last = pt::days_in_month(t.year, t.month);
    if (t.day > last) t.day = last;
    if (!pt::civil_to_timestamp(t, result)) return -1;
  }
  if (__builtin_add_overflow(result, span->time, &result)) return -1;
  if (result < pt::kTimestampMin || result >= pt::kTimestampEnd) return -1;
  *tout = result;
  return 0;
}

int PGTYPEStimestamp_sub_interval(timestamp *tin, interval *span, timestamp *tout) {
  if (span == nullptr) return -1;
  if (span->time == INT64_MIN) return -1;
  interval negated;
  negated.month = -span->month;
  negated.time = -span->time;
  return PGTYPEStimestamp_add_interval(tin, &negated, tout);
}

}  // extern "C"
