#include "types/interval_text.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <pgtypes_error.h>

#include "types/calendar.hpp"
#include "types/datetime_decode.hpp"
#include "types/datetime_fields.hpp"

namespace pgesql::types {
namespace {

// Interval parts while parsing; 64-bit with overflow checks so absurd input
// is an error rather than wrapped arithmetic.
struct Parts {
  std::int64_t year = 0, mon = 0, day = 0, hour = 0, min = 0, sec = 0, fsec = 0;
  bool overflow = false;

  void add(std::int64_t &field, double v) {
    if (!std::isfinite(v) || std::fabs(v) > 9e18) {
      overflow = true;
      return;
    }
    if (__builtin_add_overflow(field, static_cast<std::int64_t>(v), &field)) overflow = true;
  }
  // Spreads a fraction of `scale` seconds over seconds and microseconds.
  void add_fraction_seconds(double frac, double scale) {
    if (frac == 0) return;
    frac *= scale;
    double whole = std::trunc(frac);
    add(sec, whole);
    add(fsec, std::rint((frac - whole) * 1000000));
  }
  void add_fraction_days(double frac, double scale) {
    if (frac == 0) return;
    frac *= scale;
    double whole = std::trunc(frac);
    add(day, whole);
    add_fraction_seconds(frac - whole, 86400);
  }
};

enum : int { kMTime = 1, kMTz = 2, kMSecond = 4, kMMinute = 8, kMHour = 16, kMDay = 32,
             kMMonth = 64, kMYear = 128, kMMilli = 256, kMMicro = 512, kMAllSecs = 4 | 256 | 512 };

constexpr int kNoUnit = -1;
constexpr int kAgoUnit = -2;  // a number right before "ago" has no unit

// A clock field ("10:20:30.5", or "-1:30" read as a signed offset) sets the time parts.
void set_clock(Parts &p, const CivilTime &t, int sign) {
  p.hour = sign * t.hour;
  p.min = sign * t.minute;
  p.sec = sign * t.second;
  p.fsec = sign * t.fsec;  // the fraction takes the sign too (ECPG drops it)
}

// A number field: an integer, "1-2" (years and months: `unit` becomes months) or a decimal
// fraction. False when it is none of these or does not fit an int.
bool read_number(const std::string &text, int &unit, std::int64_t &val, double &fval) {
  errno = 0;
  const char *s = text.c_str();
  char *cp = nullptr;
  long lval = std::strtol(s, &cp, 10);
  if (errno == ERANGE || lval > INT_MAX || lval < INT_MIN) return false;
  val = lval;
  fval = 0;
  if (*cp == '-') {
    errno = 0;
    long months = std::strtol(cp + 1, &cp, 10);
    if (errno == ERANGE || months < 0 || months >= 12 || *cp != '\0') return false;
    unit = kUnitMonth;
    if (s[0] == '-') months = -months;
    val = val * 12 + months;
  } else if (*cp == '.') {
    errno = 0;
    fval = std::strtod(cp, &cp);
    if (*cp != '\0' || errno != 0) return false;
    if (s[0] == '-') fval = -fval;
  } else if (*cp != '\0') {
    return false;
  }
  return true;
}

// Adds `val`.`fval` of `unit` to the parts; `tmask` says which part it filled. An hour moves the
// unit of a following bare number to days, as the server reads "1 2:00" backwards.
bool add_number(Parts &p, int &unit, std::int64_t val, double fval, int fmask, int &tmask) {
  double v = static_cast<double>(val);
  switch (unit) {
    case kUnitMicrosecond: p.add(p.fsec, std::rint(v + fval)); tmask = kMMicro; return true;
    case kUnitMillisecond: p.add(p.fsec, std::rint((v + fval) * 1000)); tmask = kMMilli; return true;
    case kUnitSecond:
      p.add(p.sec, v);
      p.add(p.fsec, std::rint(fval * 1000000));
      tmask = fval == 0 ? kMSecond : kMAllSecs;
      return true;
    case kUnitMinute:
      p.add(p.min, v);
      p.add_fraction_seconds(fval, 60);
      tmask = kMMinute;
      return true;
    case kUnitHour:
      p.add(p.hour, v);
      p.add_fraction_seconds(fval, 3600);
      tmask = kMHour;
      unit = kUnitDay;
      return true;
    case kUnitDay:
    case kUnitWeek:
      p.add(p.day, unit == kUnitWeek ? v * 7 : v);
      if (unit == kUnitWeek) p.add_fraction_days(fval, 7);
      else p.add_fraction_seconds(fval, 86400);
      tmask = (fmask & kMDay) ? 0 : kMDay;
      return true;
    case kUnitMonth:
      p.add(p.mon, v);
      p.add_fraction_days(fval, 30);
      tmask = kMMonth;
      return true;
    case kUnitYear:
    case kUnitDecade:
    case kUnitCentury:
    case kUnitMillennium: {
      double years = unit == kUnitYear ? 1 : unit == kUnitDecade ? 10 : unit == kUnitCentury ? 100 : 1000;
      p.add(p.year, v * years);
      p.add(p.mon, std::rint(fval * 12 * years));
      tmask = (fmask & kMYear) ? 0 : kMYear;
      return true;
    }
    default: return false;
  }
}

// Carries whole seconds out of the microseconds and applies "ago".
bool finish_parts(Parts &p, bool before) {
  if (p.overflow) return false;
  if (p.fsec != 0) {
    std::int64_t whole = p.fsec / kUsecsPerSec;
    p.fsec -= whole * kUsecsPerSec;
    p.add(p.sec, static_cast<double>(whole));
  }
  if (before) {
    for (std::int64_t *part : {&p.year, &p.mon, &p.day, &p.hour, &p.min, &p.sec, &p.fsec}) *part = -*part;
  }
  return !p.overflow;
}

// The fields are read from the last: a unit word names the number before it.
bool decode_fields(std::vector<Field> &fields, Parts &p) {
  int fmask = 0;
  int unit = kNoUnit;
  bool before = false;
  for (std::size_t k = fields.size(); k-- > 0;) {
    Field &f = fields[k];
    int tmask = 0;
    bool as_number = false;
    CivilTime t;
    switch (f.kind) {
      case FieldKind::time:
        if (!decode_clock(f.text, t)) return false;
        set_clock(p, t, 1);
        unit = kUnitDay;
        tmask = kMTime;
        break;
      case FieldKind::zone:
        as_number = f.text.find(':', 1) == std::string::npos || !decode_clock(f.text.substr(1), t);
        if (!as_number) {
          set_clock(p, t, f.text[0] == '-' ? -1 : 1);
          unit = kUnitDay;
          tmask = kMTz;
        }
        break;
      case FieldKind::date:
      case FieldKind::number: as_number = true; break;
      case FieldKind::string:
      case FieldKind::special: {
        KeywordMatch m = lookup_interval_keyword(f.text);
        if (m.kind == Keyword::ignore) continue;
        if (m.kind == Keyword::units) {
          unit = m.value;
        } else if (m.kind == Keyword::ago) {
          before = true;
          unit = kAgoUnit;
        } else {
          return false;
        }
        break;
      }
    }
    if (as_number) {
      if (unit == kNoUnit) unit = kUnitSecond;
      std::int64_t val;
      double fval;
      if (!read_number(f.text, unit, val, fval) || !add_number(p, unit, val, fval, fmask, tmask)) return false;
    }
    if (tmask & fmask) return false;
    fmask |= tmask;
  }
  return fmask != 0 && finish_parts(p, before);
}

// ISO 8601 "P" form with designators: P1Y2M3W4DT5H6M7.5S (each number may be
// signed and fractional).
bool decode_iso8601(std::string_view s, Parts &p) {
  std::size_t i = 0;
  if (s.empty() || s[i++] != 'P') return false;
  bool time_part = false;
  bool any = false;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (time_part) return false;
      time_part = true;
      ++i;
      continue;
    }
    std::string number;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' ||
                            s[i] == '-' || s[i] == '+')) {
      number.push_back(s[i++]);
    }
    if (number.empty() || i >= s.size()) return false;
    char *end = nullptr;
    double v = std::strtod(number.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return false;
    double whole = std::trunc(v), frac = v - whole;
    char unit = s[i++];
    if (!time_part) {
      switch (unit) {
        case 'Y': p.add(p.year, whole); p.add(p.mon, std::rint(frac * 12)); break;
        case 'M': p.add(p.mon, whole); p.add_fraction_days(frac, 30); break;
        case 'W': p.add(p.day, whole * 7); p.add_fraction_days(frac, 7); break;
        case 'D': p.add(p.day, whole); p.add_fraction_seconds(frac, 86400); break;
        default: return false;
      }
    } else {
      switch (unit) {
        case 'H': p.add(p.hour, whole); p.add_fraction_seconds(frac, 3600); break;
        case 'M': p.add(p.min, whole); p.add_fraction_seconds(frac, 60); break;
        case 'S': p.add(p.sec, whole); p.add(p.fsec, std::rint(frac * 1000000)); break;
        default: return false;
      }
    }
    any = true;
  }
  return any && !p.overflow;
}

bool to_interval(const Parts &p, IntervalValue &out) {
  std::int64_t months = 0;
  if (__builtin_mul_overflow(p.year, 12, &months) || __builtin_add_overflow(months, p.mon, &months) ||
      months > INT_MAX || months < INT_MIN) {
    return false;
  }
  std::int64_t t = 0;
  if (__builtin_mul_overflow(p.day, 24, &t) || __builtin_add_overflow(t, p.hour, &t) ||
      __builtin_mul_overflow(t, 60, &t) || __builtin_add_overflow(t, p.min, &t) ||
      __builtin_mul_overflow(t, 60, &t) || __builtin_add_overflow(t, p.sec, &t) ||
      __builtin_mul_overflow(t, kUsecsPerSec, &t) || __builtin_add_overflow(t, p.fsec, &t)) {
    return false;
  }
  out.month = static_cast<long>(months);
  out.time = t;
  return true;
}

void add_verbose_part(std::string &s, long long value, const char *unit, bool &is_zero, bool &before) {
  if (value == 0) return;
  if (is_zero) {
    before = value < 0;
    value = std::llabs(value);
  } else if (before) {
    value = -value;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, " %lld %s%s", value, unit, value == 1 ? "" : "s");
  s += buf;
  is_zero = false;
}

}  // namespace

int parse_interval_text(std::string_view text, IntervalValue &out, std::size_t &consumed) {
  std::vector<Field> fields;
  Parts p;
  bool ok = text.size() <= kMaxDateLen && split_datetime_fields(text, fields, consumed) &&
            decode_fields(fields, p);
  if (!ok && text.size() <= kMaxDateLen) {
    p = Parts{};
    ok = decode_iso8601(text, p);
  }
  if (!ok || !to_interval(p, out)) return PGTYPES_INTVL_BAD_INTERVAL;
  return 0;
}

std::string format_interval_verbose(const IntervalValue &v) {
  long long year = v.month / 12, mon = v.month % 12;
  std::int64_t t = v.time;
  long long day = t / kUsecsPerDay;
  t -= day * kUsecsPerDay;
  long long hour = t / kUsecsPerHour;
  t -= hour * kUsecsPerHour;
  long long min = t / kUsecsPerMinute;
  t -= min * kUsecsPerMinute;
  long long sec = t / kUsecsPerSec;
  long long fsec = t - sec * kUsecsPerSec;

  std::string s = "@";
  bool is_zero = true, before = false;
  add_verbose_part(s, year, "year", is_zero, before);
  add_verbose_part(s, mon, "mon", is_zero, before);
  add_verbose_part(s, day, "day", is_zero, before);
  add_verbose_part(s, hour, "hour", is_zero, before);
  add_verbose_part(s, min, "min", is_zero, before);
  if (sec != 0 || fsec != 0) {
    s.push_back(' ');
    if (sec < 0 || (sec == 0 && fsec < 0)) {
      if (is_zero) before = true;
      else if (!before) s.push_back('-');
    } else if (before) {
      s.push_back('-');
    }
    char buf[64];
    if (fsec == 0) {
      std::snprintf(buf, sizeof buf, "%lld", std::llabs(sec));
      s += buf;
    } else {
      std::snprintf(buf, sizeof buf, "%lld.%06lld", std::llabs(sec), std::llabs(fsec));
      std::string secs = buf;
      // ECPG keeps at least two fraction digits.
      while (secs.back() == '0' && secs[secs.size() - 3] != '.') secs.pop_back();
      s += secs;
    }
    s += " sec";
    if (std::llabs(sec) != 1 || fsec != 0) s.push_back('s');
    is_zero = false;
  }
  if (is_zero) s += " 0";
  if (before) s += " ago";
  return s;
}

}  // namespace pgesql::types
