// PGTYPEStimestamp_defmt_asc: reading a timestamp through a %-format, with
// ECPG's rules (blanks float freely, a field ends where the format's next
// literal text appears, a failed directive only counts if it is the last).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include <pgtypes_timestamp.h>

#include "types/calendar.hpp"
#include "types/datetime_decode.hpp"
#include "types/datetime_fields.hpp"

namespace pt = pgesql::types;

namespace {

struct Fields {
  // -1: not read (finish() fills in a default); the hour starts at 0 so %p can add to it.
  pt::CivilTime civil{.year = -1, .month = -1, .day = -1, .hour = 0, .minute = -1, .second = -1};
  int tz_west = 0;
};

// Where the text of the directive just read ends: at the first occurrence in
// str of the format's literal text up to its next directive (trailing blanks
// of that literal ignored); std::string::npos when it does not occur.
std::size_t field_end(const std::string &str, std::size_t pos, const std::string &fmt, std::size_t fpos) {
  if (fpos >= fmt.size()) return str.size();
  std::size_t off = fpos;
  while (off + 1 < fmt.size() && fmt[off] == '%') off += 2;  // adjacent directives: no delimiter
  std::size_t next = fmt.find('%', off);
  if (next == std::string::npos) return str.size();
  std::size_t stop = next;
  while (stop > off + 1 && fmt[stop - 1] == ' ') --stop;
  std::string literal = fmt.substr(off, stop - off);
  std::size_t from = pos;
  while (from < str.size() && str[from] == ' ') ++from;
  std::size_t at = str.find(literal, from);
  if (at == std::string::npos && literal == " ") return str.size();
  return at;
}

// Reads a number field; advances pos past the digits (or to the field end).
bool scan_number(const std::string &str, std::size_t &pos, const std::string &fmt, std::size_t fpos,
                 long &value) {
  std::size_t end = field_end(str, pos, fmt, fpos);
  if (end == std::string::npos) return false;
  std::string field = str.substr(pos, end - pos);
  const char *p = field.c_str();
  while (*p == ' ') ++p;
  errno = 0;
  char *stop = nullptr;
  value = std::strtol(p, &stop, 10);
  bool ok = errno == 0;
  pos = *stop != '\0' ? pos + static_cast<std::size_t>(stop - field.c_str()) : end;
  return ok;
}

bool scan_text(const std::string &str, std::size_t &pos, const std::string &fmt, std::size_t fpos,
               std::string &value) {
  std::size_t end = field_end(str, pos, fmt, fpos);
  if (end == std::string::npos) return false;
  value = str.substr(pos, end - pos);
  pos = end;
  return true;
}

bool starts_with(const std::string &s, std::size_t pos, const char *word) {
  return s.compare(pos, std::strlen(word), word) == 0;
}

// Matches one of names at pos; its index, or -1.
int match_name(const std::string &s, std::size_t &pos, const char *const *names, int count) {
  for (int i = 0; i < count; ++i) {
    if (starts_with(s, pos, names[i])) {
      pos += std::strlen(names[i]);
      return i;
    }
  }
  return -1;
}

int as_int(long v) { return static_cast<int>(static_cast<unsigned>(v)); }

// ECPG accumulates these fields in unsigned arithmetic; wrapping (never
// signed overflow) keeps absurd input defined, and the range checks reject it.
int wrap_add(int a, long b) { return static_cast<int>(static_cast<unsigned>(a) + static_cast<unsigned>(b)); }
int wrap_mul(long a, unsigned b) { return static_cast<int>(static_cast<unsigned>(a) * b); }

int scan(const std::string &str, std::size_t &pos, const std::string &fmt, Fields &f);

// %D, %r, %R, %T: the expansion followed by the rest of the format.
int scan_expanded(const std::string &str, std::size_t &pos, const char *expansion,
                  const std::string &fmt, std::size_t fpos, Fields &f) {
  return scan(str, pos, expansion + fmt.substr(fpos), f);
}

// The directive letters scan_number_directive and scan_other_directive read.
constexpr const char kNumberDirectives[] = "CdemygGYHIkljMSsuUWVw";
constexpr const char kOtherDirectives[] = "aAbhBnt%pPzZ";

// %p and %P: each spelling is tried in turn from where the previous one left off, as ECPG does.
int scan_meridian(const std::string &str, std::size_t &pos, bool upper, Fields &f) {
  int err = 1;
  const char *words[4] = {upper ? "AM" : "am", upper ? "A.M." : "a.m.", upper ? "PM" : "pm", upper ? "P.M." : "p.m."};
  for (int w = 0; w < 4; ++w) {
    if (starts_with(str, pos, words[w])) {
      if (w >= 2) f.civil.hour = wrap_add(f.civil.hour, 12);
      pos += std::strlen(words[w]);
      err = 0;
    }
  }
  return err;
}

// %s: seconds since the epoch, UTC.
int scan_epoch(long v, Fields &f) {
  std::time_t secs = static_cast<std::time_t>(static_cast<unsigned long>(v));
  std::tm tm{};
  if (gmtime_r(&secs, &tm) == nullptr) return 1;
  f.civil = pt::civil_from_tm(tm);
  return 0;
}

// The directives that read a number (%d, %Y, %H, ...): sets `err` and returns true when `code`
// is one of them; `fp` is past the code.
bool scan_number_directive(const std::string &str, std::size_t &pos, const std::string &fmt, std::size_t &fp,
                           char code, Fields &f, int &err) {
  long v = 0;
  if (std::strchr(kNumberDirectives, code) == nullptr) return false;
  err = !scan_number(str, pos, fmt, fp, v);
  switch (code) {
    case 'C': f.civil.year = wrap_mul(v, 100); break;
    case 'd':
    case 'e': f.civil.day = as_int(v); break;
    case 'm': f.civil.month = as_int(v); break;
    case 'y':
    case 'g':
      f.civil.year = f.civil.year < 0 ? as_int(v) : wrap_add(f.civil.year, v);
      if (f.civil.year < 100) f.civil.year += 1900;
      break;
    case 'G':
    case 'Y': f.civil.year = as_int(v); break;
    case 'H':
    case 'I':
    case 'k':
    case 'l': f.civil.hour = wrap_add(f.civil.hour, v); break;
    case 'M': f.civil.minute = as_int(v); break;
    case 'S': f.civil.second = as_int(v); break;
    case 's': {
      const int failed = scan_epoch(v, f);  // fields set even after a bad number, as before
      err = err || failed;
      break;
    }
    case 'u': err = err || v < 1 || v > 7; break;
    case 'U':
    case 'W': err = err || static_cast<unsigned>(v) > 53; break;
    case 'V': err = err || v < 1 || v > 53; break;
    case 'w': err = err || static_cast<unsigned>(v) > 6; break;
    default: break;  // %j is read and ignored
  }
  return true;
}

// The directives that read no number; `fp` is past the code.
int scan_other_directive(const std::string &str, std::size_t &pos, const std::string &fmt, std::size_t &fp,
                         char code, Fields &f) {
  std::string text;
  switch (code) {
    case 'a': return match_name(str, pos, pt::kWeekdayAbbrevs, 7) < 0;
    case 'A': return match_name(str, pos, pt::kWeekdayNames, 7) < 0;
    case 'b':
    case 'h':
    case 'B': {
      int m = match_name(str, pos, code == 'B' ? pt::kMonthNames : pt::kMonthAbbrevs, 12);
      if (m >= 0) f.civil.month = m + 1;
      return m < 0;
    }
    case 'n':
    case 't':
    case '%': {
      const char wanted = code == 'n' ? '\n' : code == 't' ? '\t' : '%';
      if (!(pos < str.size() && str[pos] == wanted)) return 1;
      ++pos;
      return 0;
    }
    case 'p':
    case 'P': return scan_meridian(str, pos, code == 'P', f);
    case 'z': return !scan_text(str, pos, fmt, fp, text) || !pt::decode_zone_offset(text, f.tz_west);
    case 'Z': {
      int east = 0;
      if (!scan_text(str, pos, fmt, fp, text) || !pt::lookup_zone_abbrev(text, east)) return 1;
      f.tz_west = -east;
      return 0;
    }
    default: return 1;
  }
}

int scan(const std::string &str, std::size_t &pos, const std::string &fmt, Fields &f) {
  std::size_t fp = 0;
  int err = 1;
  while (fp < fmt.size()) {
    err = 0;
    while (fp < fmt.size() && fmt[fp] == ' ') ++fp;
    while (pos < str.size() && str[pos] == ' ') ++pos;
    if (fp >= fmt.size()) break;
    if (fmt[fp] != '%') {
      if (pos < str.size() && fmt[fp] == str[pos]) {
        ++fp;
        ++pos;
        continue;
      }
      return 1;
    }
    ++fp;
    char code = fp < fmt.size() ? fmt[fp] : '\0';
    switch (code) {
      case '\0': return 1;
      case 'c':
      case 'x':
      case 'X':
      case '+': continue;  // accepted without reading anything (nor the code), as ECPG does
      case 'D': return scan_expanded(str, pos, "%m/%d/%y", fmt, fp + 1, f);
      case 'r': return scan_expanded(str, pos, "%I:%M:%S %p", fmt, fp + 1, f);
      case 'R': return scan_expanded(str, pos, "%H:%M", fmt, fp + 1, f);
      case 'T': return scan_expanded(str, pos, "%H:%M:%S", fmt, fp + 1, f);
      default:
        // An unknown directive is not consumed: its letter is then matched as text, as ECPG does.
        if (std::strchr(kNumberDirectives, code) == nullptr && std::strchr(kOtherDirectives, code) == nullptr) continue;
        break;
    }
    ++fp;
    if (!scan_number_directive(str, pos, fmt, fp, code, f, err)) err = scan_other_directive(str, pos, fmt, fp, code, f);
  }
  return err;
}

// Fills what the format left out, clamps what is out of range (an error,
// but the clamped value is still stored, as ECPG does), and stores it.
int finish(Fields &f, timestamp *d) {
  int err = 0;
  if (f.civil.second < 0) f.civil.second = 0;
  if (f.civil.minute < 0) f.civil.minute = 0;
  if (f.civil.hour < 0) f.civil.hour = 0;
  if (f.civil.day < 0) { err = 1; f.civil.day = 1; }
  if (f.civil.month < 0) { err = 1; f.civil.month = 1; }
  if (f.civil.year < 0) { err = 1; f.civil.year = 1970; }
  if (f.civil.second > 59) { err = 1; f.civil.second = 0; }
  if (f.civil.minute > 59) { err = 1; f.civil.minute = 0; }
  if (f.civil.hour > 24 || (f.civil.hour == 24 && (f.civil.minute > 0 || f.civil.second > 0))) { err = 1; f.civil.hour = 0; }
  if (f.civil.month > 12) { err = 1; f.civil.month = 1; }
  int last = pt::days_in_month(f.civil.year, f.civil.month);
  if (f.civil.day > last) { f.civil.day = last; err = 1; }
  std::int64_t ts = 0;
  if (!pt::civil_to_timestamp(f.civil, ts) ||
      __builtin_add_overflow(ts, static_cast<std::int64_t>(f.tz_west) * pt::kUsecsPerSec, &ts)) {
    return 1;  // out of timestamp's range (ECPG reported success without storing)
  }
  *d = ts;
  return err;
}

}  // namespace

extern "C" int PGTYPEStimestamp_defmt_asc(const char *str, const char *fmt, timestamp *d) {
  if (str == nullptr || d == nullptr) return 1;
  if (fmt == nullptr) fmt = "%Y-%m-%d %H:%M:%S";
  if (fmt[0] == '\0') return 1;
  std::string text = str;
  std::size_t pos = 0;
  Fields f;
  int err = scan(text, pos, fmt, f);
  if (err != 0) return err;
  return finish(f, d);
}
