#include "values/utc_timestamp.hpp"

#include <cstdio>
#include <cstring>

namespace pgesql::values {
namespace {

constexpr long long us_per_day = 86400LL * 1000000LL;
// Days from 0000-03-01 (proleptic Gregorian) to 2000-01-01.
constexpr long long epoch_2000 = 730425;

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 2000-01-01 of a proleptic Gregorian date (year 0 is 1 BC).
long long days_from_date(long long y, int m, int d) {
  // Count from March so that the leap day ends a year.
  if (m <= 2) --y;
  long long era = floor_div(y, 400);
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - epoch_2000;
}

void date_from_days(long long days, long long *y, int *m, int *d) {
  long long z = days + epoch_2000;
  long long era = floor_div(z, 146097);
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = era * 400 + yoe + (*m <= 2 ? 1 : 0);
}

bool digits(const char *&p, int min, int max, long long *out) {
  long long v = 0;
  int n = 0;
  while (*p >= '0' && *p <= '9' && n < max) v = v * 10 + (*p++ - '0'), ++n;
  *out = v;
  return n >= min;
}

}  // namespace

std::string utc_timestamp_text(long long us) {
  long long days = floor_div(us, us_per_day);
  long long in_day = us - days * us_per_day;
  long long y;
  int m, d;
  date_from_days(days, &y, &m, &d);
  bool bc = y <= 0;
  long long secs = in_day / 1000000;
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d %02lld:%02lld:%02lld.%06lld+00%s", bc ? 1 - y : y, m, d, secs / 3600,
                secs / 60 % 60, secs % 60, in_day % 1000000, bc ? " BC" : "");
  return buf;
}

bool parse_utc_timestamp(const char *p, long long *us) {
  long long y, mo, d, h = 0, mi = 0, s = 0, frac = 0;
  if (!digits(p, 4, 9, &y) || *p++ != '-' || !digits(p, 2, 2, &mo) || *p++ != '-' || !digits(p, 2, 2, &d)) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  long long offset = 0;  // seconds east of UTC
  if (*p == ' ' || *p == 'T') {
    ++p;
    if (!digits(p, 2, 2, &h) || *p++ != ':' || !digits(p, 2, 2, &mi) || *p++ != ':' || !digits(p, 2, 2, &s))
      return false;
    if (*p == '.') {
      ++p;
      int n = 0;
      while (*p >= '0' && *p <= '9') {
        if (n < 6) frac = frac * 10 + (*p - '0');
        ++p, ++n;
      }
      for (; n < 6; ++n) frac *= 10;
    }
    if (*p == '+' || *p == '-') {
      int sign = *p++ == '-' ? -1 : 1;
      long long oh, om = 0, os = 0;
      if (!digits(p, 2, 2, &oh)) return false;
      if (*p == ':' && (++p, !digits(p, 2, 2, &om))) return false;
      if (*p == ':' && (++p, !digits(p, 2, 2, &os))) return false;
      offset = sign * (oh * 3600 + om * 60 + os);
    }
  }
  if (std::strcmp(p, " BC") == 0) {
    y = 1 - y;
    p += 3;
  }
  if (*p != '\0') return false;
  long long days = days_from_date(y, static_cast<int>(mo), static_cast<int>(d));
  *us = days * us_per_day + ((h * 60 + mi) * 60 + s - offset) * 1000000 + frac;
  return true;
}

}  // namespace pgesql::values
