// PGTYPESdate_fmt_asc and PGTYPESdate_defmt_asc: ECPG's dd/mm/yy patterns.
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <pgtypes_date.h>
#include <pgtypes_error.h>

#include "types/calendar.hpp"
#include "types/datetime_text.hpp"

namespace pt = pgesql::types;

namespace {

// Replaces every occurrence of pattern, in place, by text of the same length.
// false when a value does not fit its pattern (a year past 9999 or BC).
bool replace_all(std::string &s, const char *pattern, const std::string &text) {
  std::size_t len = std::strlen(pattern);
  if (text.size() != len) return false;
  for (std::size_t at = s.find(pattern); at != std::string::npos; at = s.find(pattern)) {
    s.replace(at, len, text);
  }
  return true;
}

std::string two_digits(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

int fail(int code) {
  errno = code;
  return -1;
}

struct Token {
  std::size_t start = 0, end = 0;  // [start, end)
  long value = -1;                 // -1 until known
};

// Which of year, month and day comes first in the format: "ymd", "mdy", ...
std::string field_order(const char *y, const char *m, const char *d) {
  if (y < m) {
    if (d < y) return "dym";
    if (d > m) return "ymd";
    return "ydm";
  }
  if (d < m) return "dmy";
  if (d > y) return "myd";
  return "mdy";
}

}  // namespace

extern "C" {

int PGTYPESdate_fmt_asc(date dDate, const char *fmtstring, char *outbuf) {
  if (fmtstring == nullptr || outbuf == nullptr) return fail(PGTYPES_DATE_ERR_EARGS);
  pt::CivilTime t;
  if (!pt::date_to_civil(pt::program_day_number(dDate), t)) return fail(PGTYPES_DATE_BAD_DATE);
  int dow = PGTYPESdate_dayofweek(dDate);
  std::string s = fmtstring;
  char year4[16];
  std::snprintf(year4, sizeof year4, "%04d", t.year);
  // Longer patterns first: "ddd" before "dd", "yyyy" before "yy".
  if (!replace_all(s, "ddd", pt::kWeekdayAbbrevs[dow]) || !replace_all(s, "dd", two_digits(t.day)) ||
      !replace_all(s, "mmm", pt::kMonthAbbrevs[t.month - 1]) ||
      !replace_all(s, "mm", two_digits(t.month)) || !replace_all(s, "yyyy", year4) ||
      !replace_all(s, "yy", two_digits((t.year % 100 + 100) % 100))) {
    return fail(PGTYPES_DATE_BAD_DATE);
  }
  std::memcpy(outbuf, s.c_str(), s.size() + 1);
  return 0;
}

int PGTYPESdate_defmt_asc(date *d, const char *fmt, const char *str) {
  if (d == nullptr || fmt == nullptr || str == nullptr) return fail(PGTYPES_DATE_ERR_EARGS);
  const char *ys = std::strstr(fmt, "yy");
  const char *ms = std::strstr(fmt, "mm");
  const char *ds = std::strstr(fmt, "dd");
  if (ys == nullptr || ms == nullptr || ds == nullptr) return fail(PGTYPES_DATE_ERR_EARGS);
  std::string order = field_order(ys, ms, ds);

  std::string text;
  std::size_t len = std::strlen(str);
  bool all_digits = true;
  for (std::size_t i = 0; i < len; ++i) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(str[i]));
  if (all_digits) {
    // "19951225" / "951225": cut at the widths the format implies.
    if (len != 8 && len != 6) return fail(PGTYPES_DATE_ERR_ENOSHORTDATE);
    std::size_t widths[3] = {2, 2, 2};
    if (len == 8) widths[order.find('y')] = 4;
    std::size_t at = 0;
    for (int i = 0; i < 3; ++i) {
      if (i > 0) text.push_back(' ');
      text.append(str + at, widths[i]);
      at += widths[i];
    }
  } else {
    text = str;
    for (char &c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }

  Token tokens[3];
  int count = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    if (count == 3) return fail(PGTYPES_DATE_ERR_ENOTDMY);
    tokens[count].start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    tokens[count++].end = i;
  }
  if (count < 2) return fail(PGTYPES_DATE_ERR_ENOSHORTDATE);
  if (count == 2) {
    // The third field must be a month name: full names first, then abbreviations.
    bool found = false;
    for (int pass = 0; pass < 2 && !found; ++pass) {
      for (int m = 0; m < 12 && !found; ++m) {
        std::string name = pass == 0 ? pt::kMonthNames[m] : pt::kMonthAbbrevs[m];
        for (char &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::size_t at = text.find(name);
        if (at == std::string::npos) continue;
        int slot = at < tokens[0].start ? 0 : at < tokens[1].start ? 1 : 2;
        for (int k = 2; k > slot; --k) tokens[k] = tokens[k - 1];
        tokens[slot] = Token{at, at + name.size(), m + 1};
        // A name where the format expects no month is an error found below.
        if (order[static_cast<std::size_t>(slot)] != 'm') tokens[slot].value = -1;
        found = true;
      }
    }
    if (!found) return fail(PGTYPES_DATE_ERR_ENOTDMY);
  }
  int year = 0, month = 0, day = 0;
  for (int i = 0; i < 3; ++i) {
    long v = tokens[i].value;
    if (v == -1) {
      std::string digits = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      errno = 0;
      v = std::strtol(digits.c_str(), nullptr, 10);
      if (errno != 0 || v > INT32_MAX) v = -1;
    }
    char which = order[static_cast<std::size_t>(i)];
    int value = static_cast<int>(v);
    if (which == 'd') day = value;
    else if (which == 'm') month = value;
    else year = value;
  }
  if (day < 1 || day > 31) return fail(PGTYPES_DATE_BAD_DAY);
  if (month < 1 || month > 12) return fail(PGTYPES_DATE_BAD_MONTH);
  if (day == 31 && (month == 4 || month == 6 || month == 9 || month == 11)) {
    return fail(PGTYPES_DATE_BAD_DAY);
  }
  if (month == 2 && day > 29) return fail(PGTYPES_DATE_BAD_DAY);
  long days = 0;
  if (!pt::civil_to_date(year, month, day, days)) return fail(PGTYPES_DATE_BAD_DATE);
  *d = days;
  return 0;
}

}  // extern "C"
