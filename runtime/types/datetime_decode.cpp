#include "types/datetime_decode.hpp"

#include <cctype>
#include <climits>
#include <cstdlib>

namespace pgesql::types {
namespace {

// One bit per kind of information a field supplies; a second field
// supplying the same bit is an error.
enum : int {
  kMReserved = 1 << 0, kMMonth = 1 << 1, kMYear = 1 << 2, kMDay = 1 << 3,
  kMTz = 1 << 5, kMDtz = 1 << 6, kMDtzMod = 1 << 7, kMAmPm = 1 << 9,
  kMHour = 1 << 10, kMMinute = 1 << 11, kMSecond = 1 << 12, kMDoy = 1 << 15,
  kMDow = 1 << 16, kMAdBc = 1 << 18,
};
constexpr int kDateMask = kMYear | kMMonth | kMDay;
constexpr int kTimeMask = kMHour | kMMinute | kMSecond;

// strtol clamped to int, like the server's strtoint; end is set past digits.
int to_int(const char *s, const char **end) {
  char *e = nullptr;
  long v = std::strtol(s, &e, 10);
  *end = e;
  if (v > INT_MAX) return INT_MAX;
  if (v < INT_MIN) return INT_MIN;
  return static_cast<int>(v);
}

// Up to six digits after a point, zero-filled on the right (the seventh
// and later digits are dropped, as ECPG does). false on non-digits.
bool fraction_usecs(const char *p, int &usecs) {
  char buf[7];
  for (int i = 0; i < 6; ++i) buf[i] = *p != '\0' ? *p++ : '0';
  buf[6] = '\0';
  for (int i = 0; i < 6; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(buf[i]))) return false;
  }
  usecs = std::atoi(buf);
  return true;
}

struct State {
  CivilTime &t;
  bool is2digits = false;
};

// Run-together digits: yyyymmdd, yymmdd, yyddd, hhmmss, hhmm (with an
// optional .ffffff). Returns 1 for a date, 2 for a time, 0 on failure.
int decode_number_run(std::string text, int fmask, int &tmask, State &st) {
  CivilTime &t = st.t;
  std::size_t point = text.find('.');
  if (point != std::string::npos) {
    if (!fraction_usecs(text.c_str() + point + 1, t.fsec)) return 0;
    text.resize(point);
  } else if ((fmask & kDateMask) != kDateMask) {
    std::size_t len = text.size();
    if (len == 8 || len == 6 || len == 5) {
      tmask = kDateMask;
      std::size_t ylen = len == 8 ? 4 : 2;
      t.year = std::atoi(text.substr(0, ylen).c_str());
      if (len == 5) {
        t.month = 1;
        t.day = std::atoi(text.substr(2).c_str());
      } else {
        t.month = std::atoi(text.substr(ylen, 2).c_str());
        t.day = std::atoi(text.substr(ylen + 2).c_str());
      }
      if (len != 8) st.is2digits = true;
      return 1;
    }
  }
  if ((fmask & kTimeMask) != kTimeMask) {
    if (text.size() == 6 || text.size() == 4) {
      tmask = kTimeMask;
      t.hour = std::atoi(text.substr(0, 2).c_str());
      t.minute = std::atoi(text.substr(2, 2).c_str());
      t.second = text.size() == 6 ? std::atoi(text.substr(4).c_str()) : 0;
      return 2;
    }
  }
  return 0;
}

// One number of a date: year, month, day or day of year depending on
// what is known already (US order when ambiguous).
bool decode_number(const std::string &text, int fmask, int &tmask, State &st) {
  CivilTime &t = st.t;
  const char *end;
  int val = to_int(text.c_str(), &end);
  if (end == text.c_str()) return false;
  std::size_t flen = text.size();
  if (*end == '.') {
    if (end - text.c_str() > 2) return decode_number_run(text, fmask | kDateMask, tmask, st) != 0;
    return false;
  }
  if (*end != '\0') return false;
  if (flen == 3 && (fmask & kMYear) && val >= 1 && val <= 366) {
    tmask = kMDoy | kMMonth | kMDay;
    t.yday = val;
    julian_to_date(static_cast<long>(date_to_julian(t.year, 1, 1)) + val - 1, t.year, t.month, t.day);
  } else if (flen >= 4) {
    tmask = kMYear;
    if ((fmask & kMYear) && !(fmask & kMDay) && t.year >= 1 && t.year <= 31) {
      t.day = t.year;  // a leading "day" read as a year becomes the day
      tmask = kMDay;
    }
    t.year = val;
  } else if ((fmask & kMYear) && !(fmask & kMMonth) && val >= 1 && val <= 12) {
    tmask = kMMonth;
    t.month = val;
  } else if ((fmask & kMMonth) && !(fmask & kMYear) && !(fmask & kMDay) && val >= 1 && val <= 31) {
    tmask = kMDay;
    t.day = val;
  } else if (!(fmask & kMMonth) && val >= 1 && val <= 12) {
    tmask = kMMonth;
    t.month = val;
  } else if (!(fmask & kMDay) && val >= 1 && val <= 31) {
    tmask = kMDay;
    t.day = val;
  } else if (!(fmask & kMYear) && flen == 2) {
    tmask = kMYear;
    t.year = val;
    st.is2digits = true;
  } else {
    return false;
  }
  return true;
}

// A date written with delimiters: 1999-01-08, 08-jan-1999, 1/8/1999, 1999.008.
bool decode_date(const std::string &text, int fmask, int &tmask, State &st) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < text.size() && parts.size() < kMaxDateFields) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    std::size_t start = i;
    bool digits = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    while (i < text.size() && (digits ? std::isdigit(static_cast<unsigned char>(text[i]))
                                      : std::isalpha(static_cast<unsigned char>(text[i])))) {
      ++i;
    }
    parts.push_back(text.substr(start, i - start));
  }
  bool bc = false;
  tmask = 0;
  std::vector<bool> used(parts.size(), false);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (!std::isalpha(static_cast<unsigned char>(parts[k][0]))) continue;
    KeywordMatch m = lookup_date_keyword(parts[k]);
    used[k] = true;
    if (m.kind == Keyword::ignore) continue;
    int dmask;
    if (m.kind == Keyword::month) {
      st.t.month = m.value;
      dmask = kMMonth;
    } else if (m.kind == Keyword::ad_bc) {
      bc = m.value == 1;
      dmask = kMAdBc;
    } else {
      return false;
    }
    if (fmask & dmask) return false;
    fmask |= dmask;
    tmask |= dmask;
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (used[k]) continue;
    int dmask = 0;
    if (!decode_number(parts[k], fmask, dmask, st)) return false;
    if (fmask & dmask) return false;
    fmask |= dmask;
    tmask |= dmask;
  }
  if ((fmask & ~(kMDoy | kMTz)) != kDateMask) return false;
  if (bc) {
    if (st.t.year <= 0) return false;
    st.t.year = -(st.t.year - 1);
  } else if (st.is2digits) {
    if (st.t.year < 70) st.t.year += 2000;
    else if (st.t.year < 100) st.t.year += 1900;
    st.is2digits = false;
  }
  return true;
}

// "pst-3": a zone abbreviation with an offset.
bool decode_posix_zone(const std::string &text, int &tz_west) {
  std::size_t i = 0;
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
  int offset = 0;
  if (!decode_zone_offset(text.substr(i), offset)) return false;
  KeywordMatch m = lookup_date_keyword(text.substr(0, i));
  if (m.kind != Keyword::zone && m.kind != Keyword::dst_zone) return false;
  tz_west = -(m.value + offset);
  return true;
}

}  // namespace

bool decode_zone_offset(const std::string &text, int &tz_west) {
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return false;
  const char *end;
  int hr = to_int(text.c_str() + 1, &end);
  int min = 0;
  if (*end == ':') {
    min = to_int(end + 1, &end);
  } else if (*end == '\0' && text.size() > 3) {
    min = std::atoi(text.c_str() + text.size() - 2);
    hr = std::atoi(text.substr(1, text.size() - 3).c_str());
    if (min < 0 || min >= 60 || hr < 0 || hr > 13) return false;
  }
  if (*end != '\0') return false;
  if (hr < 0 || hr > 1000 || min < 0 || min > 1000) return false;  // keeps the product in range
  int east = (hr * 60 + min) * 60;
  tz_west = text[0] == '-' ? east : -east;
  return true;
}

bool decode_clock(const std::string &text, CivilTime &t) {
  const char *end;
  t.hour = to_int(text.c_str(), &end);
  if (*end != ':') return false;
  t.minute = to_int(end + 1, &end);
  t.second = 0;
  t.fsec = 0;
  if (*end == ':') {
    t.second = to_int(end + 1, &end);
    if (*end == '.') {
      if (!fraction_usecs(end + 1, t.fsec)) return false;
    } else if (*end != '\0') {
      return false;
    }
  } else if (*end != '\0') {
    return false;
  }
  return t.hour >= 0 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 59 &&
         t.fsec < kUsecsPerSec;
}

namespace {

// The state of one decode_datetime run: what has been seen (fmask) and what modifies what follows.
struct DateTimeDecoder {
  std::vector<Field> &fields;
  DecodedDateTime &out;
  CivilTime &t;
  State st;
  int fmask = 0;
  int prefix = -1;    // a unit label ("j", "y", "t") waiting for its number
  int meridian = -1;  // -1: 24-hour clock, 0: AM, 1: PM
  bool have_text_month = false;
  bool bc = false;

  DateTimeDecoder(std::vector<Field> &f, DecodedDateTime &o) : fields(f), out(o), t(o.time), st{o.time} {}

  bool date_field(Field &f, int &tmask);
  bool zone_field(std::size_t i, int &tmask);
  bool unit_number(const Field &f, int &tmask);
  bool julian_day(int value, const char *end, int &tmask);
  bool plain_number(const Field &f, int &tmask);
  bool reserved_word(int value, int &tmask);
  // false: invalid; `skip`: a word to ignore
  bool keyword(std::size_t i, int &tmask, bool &skip);
  bool finish();
};

bool DateTimeDecoder::date_field(Field &f, int &tmask) {
  if ((fmask & kDateMask) != kDateMask && prefix < 0) return decode_date(f.text, fmask, tmask, st);
  // After a full date: a zone such as "pst-3" or a run-together time "hhmmss-zz".
  if (!std::isdigit(static_cast<unsigned char>(f.text[0])) && prefix < 0) {
    if (!decode_posix_zone(f.text, out.tz_west)) return false;
    f.kind = FieldKind::zone;
    tmask = kMTz;
    return true;
  }
  if (prefix >= 0 && prefix != kUnitTime) return false;
  prefix = -1;
  if ((fmask & kTimeMask) == kTimeMask) return false;
  std::size_t dash = f.text.find('-');
  if (dash == std::string::npos) return false;
  if (!decode_zone_offset(f.text.substr(dash), out.tz_west)) return false;
  if (decode_number_run(f.text.substr(0, dash), fmask, tmask, st) == 0) return false;
  tmask |= kMTz;
  return true;
}

bool DateTimeDecoder::zone_field(std::size_t i, int &tmask) {
  int tz = 0;
  if (!decode_zone_offset(fields[i].text, tz)) return false;
  if (i > 0 && (fmask & kMTz) && fields[i - 1].kind == FieldKind::zone &&
      std::isalpha(static_cast<unsigned char>(fields[i - 1].text[0]))) {
    out.tz_west -= tz;  // second half of "EST+3"
  } else {
    out.tz_west = tz;
    tmask = kMTz;
  }
  return true;
}

bool DateTimeDecoder::julian_day(int value, const char *end, int &tmask) {
  if (value < 0) return false;
  tmask = kDateMask;
  julian_to_date(value, t.year, t.month, t.day);
  if (*end != '.') return true;
  double frac = std::strtod(end, nullptr);
  std::int64_t us = static_cast<std::int64_t>(frac * static_cast<double>(kUsecsPerDay));
  if (us < 0 || us >= kUsecsPerDay) return false;
  tmask |= kTimeMask;
  t.hour = static_cast<int>(us / kUsecsPerHour);
  t.minute = static_cast<int>(us / kUsecsPerMinute % 60);
  t.second = static_cast<int>(us / kUsecsPerSec % 60);
  t.fsec = static_cast<int>(us % kUsecsPerSec);
  return true;
}

// A number after a unit label: "y 2001", "j 2451545", "t 040506".
bool DateTimeDecoder::unit_number(const Field &f, int &tmask) {
  const char *end;
  int value = to_int(f.text.c_str(), &end);
  if (*end == '.') {
    if (prefix != kUnitJulian && prefix != kUnitTime && prefix != kUnitSecond) return false;
  } else if (*end != '\0') {
    return false;
  }
  const int unit = prefix;
  prefix = -1;
  switch (unit) {
    case kUnitYear: t.year = value; tmask = kMYear; return true;
    case kUnitMonth:
      if ((fmask & kMMonth) && (fmask & kMHour)) {
        t.minute = value;
        tmask = kMMinute;
      } else {
        t.month = value;
        tmask = kMMonth;
      }
      return true;
    case kUnitDay: t.day = value; tmask = kMDay; return true;
    case kUnitHour: t.hour = value; tmask = kMHour; return true;
    case kUnitMinute: t.minute = value; tmask = kMMinute; return true;
    case kUnitSecond:
      t.second = value;
      tmask = kMSecond;
      return *end != '.' || fraction_usecs(end + 1, t.fsec);
    case kUnitJulian: return julian_day(value, end, tmask);
    case kUnitTime: return decode_number_run(f.text, fmask | kDateMask, tmask, st) != 0 && tmask == kTimeMask;
    default: return false;
  }
}

bool DateTimeDecoder::plain_number(const Field &f, int &tmask) {
  std::size_t point = f.text.find('.');
  std::size_t flen = f.text.size();
  if (point != std::string::npos && !(fmask & kDateMask)) return decode_date(f.text, fmask, tmask, st);
  if ((point != std::string::npos && point > 2) || flen > 4) return decode_number_run(f.text, fmask, tmask, st) != 0;
  return decode_number(f.text, fmask, tmask, st);
}

// now, today, tomorrow, yesterday, zulu, -infinity, infinity, epoch.
bool DateTimeDecoder::reserved_word(int value, int &tmask) {
  tmask = kMReserved;
  if (value == kNow) {
    tmask = kDateMask | kTimeMask | kMTz;
    t = local_now();
  } else if (value == kToday || value == kTomorrow || value == kYesterday) {
    tmask = kDateMask;
    CivilTime now = local_now();
    int shift = value == kTomorrow ? 1 : value == kYesterday ? -1 : 0;
    julian_to_date(static_cast<long>(date_to_julian(now.year, now.month, now.day)) + shift, t.year, t.month, t.day);
    t.hour = t.minute = t.second = 0;
  } else if (value == kZulu) {
    tmask = kTimeMask | kMTz;
    t.hour = t.minute = t.second = 0;
    out.tz_west = 0;
  } else {
    out.kind = value == kEarly ? DateTimeKind::early : value == kLate ? DateTimeKind::late : DateTimeKind::epoch;
  }
  return true;
}

bool DateTimeDecoder::keyword(std::size_t i, int &tmask, bool &skip) {
  Field &f = fields[i];
  KeywordMatch m = lookup_date_keyword(f.text);
  switch (m.kind) {
    case Keyword::ignore: skip = true; return true;
    case Keyword::reserved: return reserved_word(m.value, tmask);
    case Keyword::month:
      tmask = kMMonth;
      if ((fmask & kMMonth) && !have_text_month && !(fmask & kMDay) && t.month >= 1 && t.month <= 31) {
        t.day = t.month;  // "8 jan": the number read as a month was the day
        tmask = kMDay;
      }
      have_text_month = true;
      t.month = m.value;
      return true;
    case Keyword::dst_mod:
      tmask = kMDtzMod | kMDtz;
      out.tz_west -= m.value;
      return true;
    case Keyword::dst_zone:
    case Keyword::zone:
      tmask = m.kind == Keyword::dst_zone ? (kMDtz | kMTz) : kMTz;
      out.tz_west = -m.value;
      f.kind = FieldKind::zone;
      return true;
    case Keyword::am_pm: tmask = kMAmPm; meridian = m.value; return true;
    case Keyword::ad_bc: tmask = kMAdBc; bc = m.value == 1; return true;
    case Keyword::weekday: tmask = kMDow; return true;
    case Keyword::units: prefix = m.value; return true;
    case Keyword::iso_time:
      if ((fmask & kDateMask) != kDateMask || i + 1 >= fields.size()) return false;
      if (fields[i + 1].kind != FieldKind::number && fields[i + 1].kind != FieldKind::time &&
          fields[i + 1].kind != FieldKind::date)
        return false;
      prefix = kUnitTime;
      return true;
    default: return false;
  }
}

// Era, two-digit years, AM/PM, and whether what was read makes a whole date.
bool DateTimeDecoder::finish() {
  if (bc) {
    if (t.year <= 0) return false;
    t.year = -(t.year - 1);
  } else if (st.is2digits) {
    if (t.year < 70) t.year += 2000;
    else if (t.year < 100) t.year += 1900;
  }
  if (meridian >= 0 && t.hour > 12) return false;
  if (meridian == 0 && t.hour == 12) t.hour = 0;
  else if (meridian == 1 && t.hour != 12) t.hour += 12;
  if (out.kind == DateTimeKind::value) {
    if ((fmask & kDateMask) != kDateMask) return false;
    if (t.month < 1 || t.day < 1 || t.day > days_in_month(t.year, t.month)) return false;
    if (!(fmask & kMTz) && (fmask & kMDtzMod)) return false;
  }
  return true;
}

}  // namespace

bool decode_datetime(std::vector<Field> &fields, DecodedDateTime &out) {
  out = DecodedDateTime{};
  DateTimeDecoder d(fields, out);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    Field &f = fields[i];
    int tmask = 0;
    bool ok = true, skip = false;
    switch (f.kind) {
      case FieldKind::date: ok = d.date_field(f, tmask); break;
      case FieldKind::time:
        ok = decode_clock(f.text, d.t) &&
             !(d.t.hour > 24 || (d.t.hour == 24 && (d.t.minute > 0 || d.t.second > 0)));
        tmask = kTimeMask;
        break;
      case FieldKind::zone: ok = d.zone_field(i, tmask); break;
      case FieldKind::number: ok = d.prefix >= 0 ? d.unit_number(f, tmask) : d.plain_number(f, tmask); break;
      case FieldKind::string:
      case FieldKind::special: ok = d.keyword(i, tmask, skip); break;
    }
    if (!ok) return false;
    if (skip) continue;
    if (tmask & d.fmask) return false;
    d.fmask |= tmask;
  }
  return d.finish();
}

}  // namespace pgesql::types
