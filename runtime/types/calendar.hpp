// Calendar arithmetic shared by date, timestamp and interval: Julian day
// numbers, broken-down times, and the names ECPG prints and parses.
#pragma once

#include <ctime>

#include <cstdint>

namespace pgesql::types {

inline constexpr std::int64_t kUsecsPerSec = 1000000;
inline constexpr std::int64_t kUsecsPerMinute = 60 * kUsecsPerSec;
inline constexpr std::int64_t kUsecsPerHour = 60 * kUsecsPerMinute;
inline constexpr std::int64_t kUsecsPerDay = 24 * kUsecsPerHour;
inline constexpr int kJulianOf2000 = 2451545;  // Julian day of 2000-01-01
inline constexpr long kDateEndJulian = 2147483494;  // 5874898-01-01, first day past date's range

// timestamp's "-infinity" / "infinity" and its finite range (4714-11-24 BC
// up to, not including, 294277-01-01), as the server defines them.
inline constexpr std::int64_t kTimestampNoBegin = INT64_MIN;
inline constexpr std::int64_t kTimestampNoEnd = INT64_MAX;
inline constexpr std::int64_t kTimestampMin = -211813488000000000LL;
inline constexpr std::int64_t kTimestampEnd = 9223371331200000000LL;

// A broken-down date and time. year <= 0 means BC (0 is 1 BC), month and
// day are 1-based, fsec is microseconds.
struct CivilTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  int fsec = 0;
  int yday = 0;  // day of the year, 1-based (set by timestamp_to_civil)
};

// The date and time of a struct tm (from localtime_r/gmtime_r).
CivilTime civil_from_tm(const std::tm &tm);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Julian day numbers for the proleptic Gregorian calendar.
bool julian_in_range(int year, int month, int day);  // the server's JULIAN_MIN..MAX
int date_to_julian(int year, int month, int day);
void julian_to_date(long julian, int &year, int &month, int &day);

// Sunday = 0 .. Saturday = 6.
int weekday_of_julian(long julian);

// Microseconds since 2000-01-01 <-> broken-down time; false when out of range.
bool timestamp_to_civil(std::int64_t ts, CivilTime &out);
bool civil_to_timestamp(const CivilTime &t, std::int64_t &out);
bool timestamp_is_finite(std::int64_t ts);

// Local "now" as a broken-down time (date_today, timestamp_current, "now").
CivilTime local_now();

// Names: index 0 is January / Sunday.
extern const char *const kMonthAbbrevs[12];   // "Jan"
extern const char *const kMonthNames[12];     // "January"
extern const char *const kWeekdayAbbrevs[7];  // "Sun"
extern const char *const kWeekdayNames[7];    // "Sunday"

}  // namespace pgesql::types
