#include "types/datetime_text.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

#include <pgtypes_error.h>

#include "types/datetime_decode.hpp"
#include "types/datetime_fields.hpp"

namespace pgesql::types {
namespace {

int shown_year(int year) { return year > 0 ? year : -(year - 1); }

bool digits(std::string_view s, std::size_t at, std::size_t n, int &value) {
  if (at + n > s.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// The server's own ISO output, "YYYY-MM-DD[ HH:MM:SS[.ffffff]][ BC]", read
// without the general field splitter (the statement layer's common case).
// false for anything else, which then takes the general path; both agree.
bool parse_iso_fast(std::string_view s, CivilTime &t, bool &has_time) {
  std::size_t year_len = 0;
  while (year_len < s.size() && year_len < 8 && s[year_len] >= '0' && s[year_len] <= '9') ++year_len;
  if (year_len < 4 || year_len > 7 || year_len >= s.size() || s[year_len] != '-') return false;
  std::size_t i = year_len + 1;
  if (!digits(s, 0, year_len, t.year) || !digits(s, i, 2, t.month) || i + 2 >= s.size() ||
      s[i + 2] != '-' || !digits(s, i + 3, 2, t.day)) {
    return false;
  }
  i += 5;
  has_time = false;
  t.hour = t.minute = t.second = t.fsec = 0;
  if (i + 9 <= s.size() && s[i] == ' ' && s[i + 3] == ':' && s[i + 6] == ':') {
    if (!digits(s, i + 1, 2, t.hour) || !digits(s, i + 4, 2, t.minute) || !digits(s, i + 7, 2, t.second)) {
      return false;
    }
    has_time = true;
    i += 9;
    if (i < s.size() && s[i] == '.') {
      std::size_t n = 0;
      int frac = 0;
      while (i + 1 + n < s.size() && n < 7 && s[i + 1 + n] >= '0' && s[i + 1 + n] <= '9') {
        frac = frac * 10 + (s[i + 1 + n] - '0');
        ++n;
      }
      if (n == 0 || n > 6) return false;
      for (std::size_t k = n; k < 6; ++k) frac *= 10;
      t.fsec = frac;
      i += 1 + n;
    }
  }
  bool bc = s.substr(i) == " BC";
  if (!bc && i != s.size()) return false;
  if (bc) {
    if (t.year == 0) return false;
    t.year = -(t.year - 1);
  }
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= days_in_month(t.year, t.month) &&
         t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

// Splits and decodes; false on any error.
bool decode_text(std::string_view text, DecodedDateTime &out, std::size_t &consumed) {
  std::vector<Field> fields;
  if (!split_datetime_fields(text, fields, consumed)) return false;
  if (text.size() > kMaxDateLen) return false;
  return decode_datetime(fields, out);
}

}  // namespace

std::string format_date_iso(int year, int month, int day) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d%s", shown_year(year), month, day,
                year > 0 ? "" : " BC");
  return buf;
}

std::string format_timestamp_iso(std::int64_t ts, bool &ok) {
  ok = true;
  if (ts == kTimestampNoBegin) return "-infinity";
  if (ts == kTimestampNoEnd) return "infinity";
  CivilTime t;
  if (!timestamp_to_civil(ts, t)) {
    ok = false;
    return {};
  }
  char buf[80];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", shown_year(t.year),
                        t.month, t.day, t.hour, t.minute, t.second);
  std::string s(buf, static_cast<std::size_t>(n));
  if (t.fsec != 0) {
    std::snprintf(buf, sizeof buf, ".%06d", t.fsec);
    std::string frac = buf;
    while (frac.size() > 3 && frac.back() == '0') frac.pop_back();
    s += frac;
  }
  if (t.year <= 0) s += " BC";
  return s;
}

bool date_to_civil(long days, CivilTime &out) {
  long julian = 0;
  if (__builtin_add_overflow(days, static_cast<long>(kJulianOf2000), &julian)) return false;
  if (julian < 0 || julian > INT32_MAX) return false;
  julian_to_date(julian, out.year, out.month, out.day);
  return true;
}

long program_day_number(long days) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<unsigned long>(days)));
}

bool civil_to_date(int year, int month, int day, long &days) {
  if (!julian_in_range(year, month, day)) return false;
  // The server's date range: 4714-11-24 BC up to 5874897-12-31.
  long julian = date_to_julian(year, month, day);
  if (julian < 0 || julian >= kDateEndJulian) return false;
  days = julian - kJulianOf2000;
  return true;
}

int parse_date_text(std::string_view text, long &days, std::size_t &consumed) {
  CivilTime fast;
  bool has_time = false;
  if (parse_iso_fast(text, fast, has_time) && !has_time) {
    consumed = text.size();
    return civil_to_date(fast.year, fast.month, fast.day, days) ? 0 : PGTYPES_DATE_BAD_DATE;
  }
  DecodedDateTime d;
  if (!decode_text(text, d, consumed)) return PGTYPES_DATE_BAD_DATE;
  switch (d.kind) {
    case DateTimeKind::value:
      if (!civil_to_date(d.time.year, d.time.month, d.time.day, days)) return PGTYPES_DATE_BAD_DATE;
      return 0;
    case DateTimeKind::epoch:
      civil_to_date(1970, 1, 1, days);
      return 0;
    default:
      return PGTYPES_DATE_BAD_DATE;
  }
}

int parse_timestamp_text(std::string_view text, std::int64_t &ts, std::size_t &consumed) {
  CivilTime fast;
  bool has_time = false;
  if (parse_iso_fast(text, fast, has_time)) {
    consumed = text.size();
    return civil_to_timestamp(fast, ts) ? 0 : PGTYPES_TS_BAD_TIMESTAMP;
  }
  DecodedDateTime d;
  if (!decode_text(text, d, consumed)) return PGTYPES_TS_BAD_TIMESTAMP;
  switch (d.kind) {
    case DateTimeKind::value:
      // A zone in the text is accepted and ignored: timestamp has none.
      if (!civil_to_timestamp(d.time, ts)) return PGTYPES_TS_BAD_TIMESTAMP;
      return 0;
    case DateTimeKind::epoch: {
      CivilTime epoch;
      epoch.year = 1970;
      epoch.month = epoch.day = 1;
      civil_to_timestamp(epoch, ts);
      return 0;
    }
    case DateTimeKind::late:
      ts = kTimestampNoEnd;
      return 0;
    case DateTimeKind::early:
      ts = kTimestampNoBegin;
      return 0;
  }
  return PGTYPES_TS_BAD_TIMESTAMP;
}

}  // namespace pgesql::types
