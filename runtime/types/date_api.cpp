// The C entry points of pgtypes_date.h except the format functions.
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <pgtypes_date.h>
#include <pgtypes_error.h>

#include "types/calendar.hpp"
#include "types/datetime_fields.hpp"
#include "types/datetime_text.hpp"
#include "types/pgtypes_memory.hpp"

namespace pt = pgesql::types;

extern "C" {

date *PGTYPESdate_new(void) { return static_cast<date *>(std::calloc(1, sizeof(date))); }

void PGTYPESdate_free(date *d) { std::free(d); }

date PGTYPESdate_from_timestamp(timestamp dt) {
  if (!pt::timestamp_is_finite(dt)) return 0;
  return static_cast<date>(dt / pt::kUsecsPerDay);
}

date PGTYPESdate_from_asc(char *str, char **endptr) {
  errno = 0;
  if (str == nullptr) {
    errno = PGTYPES_DATE_BAD_DATE;
    return INT_MIN;
  }
  std::size_t len = std::strlen(str);
  std::size_t consumed = 0;
  long days = 0;
  int err = len > pt::kMaxDateLen ? PGTYPES_DATE_BAD_DATE
                                   : pt::parse_date_text(str, days, consumed);
  if (endptr != nullptr) *endptr = str + consumed;
  if (err != 0) {
    errno = err;
    return INT_MIN;
  }
  return days;
}

char *PGTYPESdate_to_asc(date dDate) {
  pt::CivilTime t;
  if (!pt::date_to_civil(pt::program_day_number(dDate), t)) {
    errno = PGTYPES_DATE_BAD_DATE;
    return nullptr;
  }
  return pt::malloc_string(pt::format_date_iso(t.year, t.month, t.day));
}

void PGTYPESdate_julmdy(date jd, int *mdy) {
  pt::CivilTime t;
  if (mdy == nullptr) return;
  if (!pt::date_to_civil(pt::program_day_number(jd), t)) {
    errno = PGTYPES_DATE_BAD_DATE;
    return;
  }
  mdy[0] = t.month;
  mdy[1] = t.day;
  mdy[2] = t.year;
}

void PGTYPESdate_mdyjul(int *mdy, date *jdate) {
  if (mdy == nullptr || jdate == nullptr) return;
  long days = 0;
  if (!pt::civil_to_date(mdy[2], mdy[0], mdy[1], days)) {
    errno = PGTYPES_DATE_BAD_DATE;
    return;
  }
  *jdate = days;
}

int PGTYPESdate_dayofweek(date dDate) {
  return pt::weekday_of_julian(static_cast<long>(dDate % 7) + pt::kJulianOf2000);
}

void PGTYPESdate_today(date *d) {
  if (d == nullptr) return;
  pt::CivilTime now = pt::local_now();
  long days = 0;
  if (pt::civil_to_date(now.year, now.month, now.day, days)) *d = days;
}

}  // extern "C"
