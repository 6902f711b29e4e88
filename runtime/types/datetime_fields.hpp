// Splitting date/time/interval text into typed fields, and the keywords
// those fields may be (month and day names, units, zones, reserved words).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pgesql::types {

inline constexpr std::size_t kMaxDateLen = 128;  // longer input is rejected
inline constexpr std::size_t kMaxDateFields = 25;

enum class FieldKind {
  number,   // digits, maybe with one '.': 1999, 040506, 1999.008, .5
  date,     // digits or text joined by '-', '/' or '.': 1999-01-08, jan-08-1999
  time,     // digits with ':': 13:24:40.495
  string,   // letters: january, pdt, bc
  special,  // sign then letters: -infinity
  zone,     // sign then digits: +3, -8:00
};

struct Field {
  FieldKind kind;
  std::string text;  // lower-cased
};

// Splits text into fields; false when it has more than kMaxDateFields or a
// character no field can hold. `consumed` is how far splitting got.
bool split_datetime_fields(std::string_view text, std::vector<Field> &fields, std::size_t &consumed);

enum class Keyword {
  none,
  reserved,  // value: one of the Reserved enumerators
  month,     // value 1..12
  weekday,   // value 0..6
  ad_bc,     // value 0 = AD, 1 = BC
  am_pm,     // value 0 = AM, 1 = PM
  ignore,    // "at", "on"
  units,     // value: a Unit
  iso_time,  // "t"
  zone,      // value: seconds east of UTC
  dst_zone,  // value: seconds east of UTC, daylight time
  dst_mod,   // "dst": value 3600
  ago,       // intervals only
};

enum Reserved { kEarly, kLate, kEpoch, kNow, kToday, kTomorrow, kYesterday, kZulu };

enum Unit {
  kUnitMicrosecond, kUnitMillisecond, kUnitSecond, kUnitMinute, kUnitHour, kUnitDay,
  kUnitWeek, kUnitMonth, kUnitQuarter, kUnitYear, kUnitDecade, kUnitCentury,
  kUnitMillennium, kUnitJulian, kUnitTime, kUnitTimezone, kUnitOther
};

struct KeywordMatch {
  Keyword kind = Keyword::none;
  int value = 0;
};

// Keywords of date/timestamp input (ECPG compares the first 10 characters).
KeywordMatch lookup_date_keyword(std::string_view lower);
// Keywords of interval input: units, "ago", "@".
KeywordMatch lookup_interval_keyword(std::string_view lower);
// A zone abbreviation (case-insensitive): seconds east of UTC.
bool lookup_zone_abbrev(std::string_view name, int &seconds_east);

}  // namespace pgesql::types
