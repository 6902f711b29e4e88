// Text forms of dates and timestamps: ECPG's ISO output, and whole-string
// input through the field splitter and decoder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "types/calendar.hpp"

namespace pgesql::types {

// "1999-01-08", "0099-01-08 BC".
std::string format_date_iso(int year, int month, int day);
// "1999-01-08 13:24:40.495" (at least two fraction digits once there is a
// fraction, as ECPG prints), " BC" suffix; "infinity"/"-infinity".
std::string format_timestamp_iso(std::int64_t ts, bool &ok);

// Whole-text parses; return 0 or the PGTYPES_* error code. `consumed` is
// how far the text was read (ECPG's endptr).
int parse_date_text(std::string_view text, long &days, std::size_t &consumed);
int parse_timestamp_text(std::string_view text, std::int64_t &ts, std::size_t &consumed);

// Days since 2000-01-01 <-> calendar date; false when outside the
// server's date range.
bool date_to_civil(long days, CivilTime &out);
// A program's `date` (a C long) as ECPG's pgtypes functions read it: narrowed
// to a C int, so a value with higher bits set (the NULL mark LONG_MIN that
// ECPGset_noind_null writes, which ECPG prints as 2000-01-01) reads as its
// low 32 bits.
long program_day_number(long days);
bool civil_to_date(int year, int month, int day, long &days);

}  // namespace pgesql::types
