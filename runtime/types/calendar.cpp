#include "types/calendar.hpp"

#include <ctime>

namespace pgesql::types {

const char *const kMonthAbbrevs[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const kMonthNames[12] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};
const char *const kWeekdayAbbrevs[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char *const kWeekdayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};

CivilTime civil_from_tm(const std::tm &tm) {
  CivilTime t;
  t.year = tm.tm_year + 1900;
  t.month = tm.tm_mon + 1;
  t.day = tm.tm_mday;
  t.hour = tm.tm_hour;
  t.minute = tm.tm_min;
  t.second = tm.tm_sec;
  return t;
}

bool is_leap_year(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

bool julian_in_range(int year, int month, int /*day*/) {
  bool after_start = year > -4713 || (year == -4713 && month >= 11);
  bool before_end = year < 5874898 || (year == 5874898 && month < 6);
  return after_start && before_end;
}

int date_to_julian(int year, int month, int day) {
  // Count from March of year -4800 so leap days fall at the end of a cycle.
  long shift = month <= 2 ? 1 : 0;
  long y = static_cast<long>(year) + 4800 - shift;
  long m = month + 12 * shift - 3;
  long j = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
  return static_cast<int>(j);
}

void julian_to_date(long julian, int &year, int &month, int &day) {
  long a = julian + 32044;
  long centuries = (4 * a + 3) / 146097;
  long c = a - 146097 * centuries / 4;
  long years = (4 * c + 3) / 1461;
  long e = c - 1461 * years / 4;
  long m = (5 * e + 2) / 153;
  day = static_cast<int>(e - (153 * m + 2) / 5 + 1);
  month = static_cast<int>(m + 3 - 12 * (m / 10));
  year = static_cast<int>(100 * centuries + years - 4800 + m / 10);
}

int weekday_of_julian(long julian) {
  long w = (julian + 1) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool timestamp_is_finite(std::int64_t ts) {
  return ts != kTimestampNoBegin && ts != kTimestampNoEnd;
}

bool timestamp_to_civil(std::int64_t ts, CivilTime &out) {
  std::int64_t days = ts / kUsecsPerDay;
  std::int64_t time = ts % kUsecsPerDay;
  if (time < 0) {
    time += kUsecsPerDay;
    --days;
  }
  std::int64_t julian = days + kJulianOf2000;
  if (julian < 0 || julian > INT32_MAX) return false;
  julian_to_date(static_cast<long>(julian), out.year, out.month, out.day);
  out.hour = static_cast<int>(time / kUsecsPerHour);
  time -= out.hour * kUsecsPerHour;
  out.minute = static_cast<int>(time / kUsecsPerMinute);
  time -= out.minute * kUsecsPerMinute;
  out.second = static_cast<int>(time / kUsecsPerSec);
  out.fsec = static_cast<int>(time - out.second * kUsecsPerSec);
  out.yday = static_cast<int>(julian - date_to_julian(out.year, 1, 1) + 1);
  return true;
}

bool civil_to_timestamp(const CivilTime &t, std::int64_t &out) {
  if (!julian_in_range(t.year, t.month, t.day)) return false;
  std::int64_t days = date_to_julian(t.year, t.month, t.day) - kJulianOf2000;
  std::int64_t time =
      ((static_cast<std::int64_t>(t.hour) * 60 + t.minute) * 60 + t.second) * kUsecsPerSec + t.fsec;
  std::int64_t result;
  if (__builtin_mul_overflow(days, kUsecsPerDay, &result) ||
      __builtin_add_overflow(result, time, &result)) {
    return false;
  }
  if (result < kTimestampMin || result >= kTimestampEnd) return false;
  out = result;
  return true;
}

CivilTime local_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return civil_from_tm(tm);
}

}  // namespace pgesql::types
