// Interpreting date/time fields the way ECPG's parser does (US month/day
// order, two-digit years 70-99 -> 19xx and 00-69 -> 20xx, BC, Julian days,
// run-together numbers, zones that a timestamp without zone ignores).
#pragma once

#include <string>
#include <vector>

#include "types/calendar.hpp"
#include "types/datetime_fields.hpp"

namespace pgesql::types {

enum class DateTimeKind { value, early, late, epoch };

struct DecodedDateTime {
  DateTimeKind kind = DateTimeKind::value;
  CivilTime time;
  int tz_west = 0;  // seconds west of UTC, when the text named a zone
};

// false when the fields are not one complete date (with optional time).
bool decode_datetime(std::vector<Field> &fields, DecodedDateTime &out);

// Helpers shared with interval and format parsing.
// "+hh", "-hh:mm", "+hhmm" -> seconds west of UTC (the sign convention of
// ECPG's tz values); false on junk.
bool decode_zone_offset(const std::string &text, int &tz_west);
// "hh:mm[:ss[.ffffff]]" with minutes and seconds in range.
bool decode_clock(const std::string &text, CivilTime &t);

}  // namespace pgesql::types
