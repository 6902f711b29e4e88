// PGTYPEStimestamp_fmt_asc: strftime-like %-codes with ECPG's English names.
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <ctime>
#include <string>

#include <pgtypes_date.h>
#include <pgtypes_timestamp.h>

#include "types/calendar.hpp"

namespace pt = pgesql::types;

namespace {

struct Context {
  timestamp ts;
  int dow;
  pt::CivilTime t;
};

std::string number(const char *fmt, unsigned v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

// strftime for the codes ECPG delegates to the C library; "" -> failure.
bool libc_code(const Context &c, const char *code, std::string &out) {
  std::tm tm{};
  tm.tm_year = c.t.year - 1900;
  tm.tm_mon = c.t.month - 1;
  tm.tm_mday = c.t.day;
  tm.tm_hour = c.t.hour;
  tm.tm_min = c.t.minute;
  tm.tm_sec = c.t.second;
  tm.tm_wday = c.dow;
  tm.tm_yday = c.t.yday - 1;
  tm.tm_isdst = -1;
  char buf[128];
  std::size_t n = std::strftime(buf, sizeof buf, code, &tm);
  if (n == 0) return false;
  out.append(buf, n);
  return true;
}

// Appends the expansion of fmt; false on a trailing '%' or a failed code.
bool expand(const Context &c, const char *fmt, std::string &out) {
  const pt::CivilTime &t = c.t;
  for (const char *p = fmt; *p != '\0'; ++p) {
    if (*p != '%') {
      out.push_back(*p);
      continue;
    }
    ++p;
    switch (*p) {
      case 'a': out += pt::kWeekdayAbbrevs[c.dow]; break;
      case 'A': out += pt::kWeekdayNames[c.dow]; break;
      case 'b':
      case 'h': out += pt::kMonthAbbrevs[t.month - 1]; break;
      case 'B': out += pt::kMonthNames[t.month - 1]; break;
      case 'c': break;  // ECPG prints nothing for the locale's date and time
      case 'C': out += number("%02u", static_cast<unsigned>(t.year / 100)); break;
      case 'd': out += number("%02u", static_cast<unsigned>(t.day)); break;
      case 'D': if (!expand(c, "%m/%d/%y", out)) return false; break;
      case 'e': out += number("%2u", static_cast<unsigned>(t.day)); break;
      case 'E': {
        if (p[1] == '\0') return false;
        char code[4] = {'%', 'E', p[1], '\0'};
        ++p;
        if (!libc_code(c, code, out)) return false;
        break;
      }
      case 'G': if (!libc_code(c, "%G", out)) return false; break;
      case 'g': if (!libc_code(c, "%g", out)) return false; break;
      case 'H': out += number("%02u", static_cast<unsigned>(t.hour)); break;
      case 'I': out += number("%02u", static_cast<unsigned>(t.hour % 12)); break;
      case 'j': out += number("%03u", static_cast<unsigned>(t.yday)); break;
      case 'k': out += number("%2u", static_cast<unsigned>(t.hour)); break;
      case 'l': out += number("%2u", static_cast<unsigned>(t.hour % 12)); break;
      case 'm': out += number("%02u", static_cast<unsigned>(t.month)); break;
      case 'M': out += number("%02u", static_cast<unsigned>(t.minute)); break;
      case 'n': out.push_back('\n'); break;
      case 'p': out += t.hour < 12 ? "AM" : "PM"; break;
      case 'P': out += t.hour < 12 ? "am" : "pm"; break;
      case 'r': if (!expand(c, "%I:%M:%S %p", out)) return false; break;
      case 'R': if (!expand(c, "%H:%M", out)) return false; break;
      case 's': {
        // Seconds since 1970-01-01 (946684800 s before 2000-01-01).
        __int128 usecs = static_cast<__int128>(c.ts) + static_cast<__int128>(946684800LL) * pt::kUsecsPerSec;
        out += std::to_string(static_cast<long long>(usecs / pt::kUsecsPerSec));
        break;
      }
      case 'S': out += number("%02u", static_cast<unsigned>(t.second)); break;
      case 't': out.push_back('\t'); break;
      case 'T': if (!expand(c, "%H:%M:%S", out)) return false; break;
      case 'u': out += number("%u", static_cast<unsigned>(c.dow == 0 ? 7 : c.dow)); break;
      case 'U':
      case 'W': if (!libc_code(c, "%U", out)) return false; break;
      case 'V': if (!libc_code(c, "%V", out)) return false; break;
      case 'w': out += number("%u", static_cast<unsigned>(c.dow)); break;
      case 'x': if (!libc_code(c, "%x", out)) return false; break;
      case 'X': if (!libc_code(c, "%X", out)) return false; break;
      case 'y': out += number("%02u", static_cast<unsigned>(t.year % 100)); break;
      case 'Y': out += number("%u", static_cast<unsigned>(t.year)); break;
      case 'z': if (!libc_code(c, "%z", out)) return false; break;
      case 'Z': if (!libc_code(c, "%Z", out)) return false; break;
      case '%': out.push_back('%'); break;
      case '\0': return false;
      default:  // unknown codes are copied as they are
        out.push_back('%');
        out.push_back(*p);
        break;
    }
  }
  return true;
}

}  // namespace

extern "C" int PGTYPEStimestamp_fmt_asc(timestamp *ts, char *output, int str_len, const char *fmtstr) {
  if (ts == nullptr || output == nullptr || fmtstr == nullptr || str_len <= 0) return -1;
  Context c{*ts, PGTYPESdate_dayofweek(PGTYPESdate_from_timestamp(*ts)), {}};
  if (!pt::timestamp_is_finite(*ts) || !pt::timestamp_to_civil(*ts, c.t)) return -1;
  std::string out;
  bool ok = expand(c, fmtstr, out);
  // Whatever fits is written, always terminated; too long is an error.
  std::size_t n = std::min(out.size(), static_cast<std::size_t>(str_len) - 1);
  std::memcpy(output, out.data(), n);
  output[n] = '\0';
  return ok && out.size() < static_cast<std::size_t>(str_len) ? 0 : -1;
}
