#include "types/datetime_fields.hpp"

#include <algorithm>
#include <cctype>

namespace pgesql::types {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

struct Entry {
  const char *name;
  Keyword kind;
  int value;
};

const Entry kDateKeywords[] = {
    {"-infinity", Keyword::reserved, kEarly}, {"ad", Keyword::ad_bc, 0},
    {"allballs", Keyword::reserved, kZulu},   {"am", Keyword::am_pm, 0},
    {"apr", Keyword::month, 4},               {"april", Keyword::month, 4},
    {"at", Keyword::ignore, 0},               {"aug", Keyword::month, 8},
    {"august", Keyword::month, 8},            {"bc", Keyword::ad_bc, 1},
    {"d", Keyword::units, kUnitDay},          {"dec", Keyword::month, 12},
    {"december", Keyword::month, 12},         {"dow", Keyword::units, kUnitOther},
    {"doy", Keyword::units, kUnitOther},      {"dst", Keyword::dst_mod, 3600},
    {"epoch", Keyword::reserved, kEpoch},     {"feb", Keyword::month, 2},
    {"february", Keyword::month, 2},          {"fri", Keyword::weekday, 5},
    {"friday", Keyword::weekday, 5},          {"h", Keyword::units, kUnitHour},
    {"infinity", Keyword::reserved, kLate},   {"isodow", Keyword::units, kUnitOther},
    {"j", Keyword::units, kUnitJulian},       {"jan", Keyword::month, 1},
    {"january", Keyword::month, 1},           {"jd", Keyword::units, kUnitJulian},
    {"jul", Keyword::month, 7},               {"julian", Keyword::units, kUnitJulian},
    {"july", Keyword::month, 7},              {"jun", Keyword::month, 6},
    {"june", Keyword::month, 6},              {"m", Keyword::units, kUnitMonth},
    {"mar", Keyword::month, 3},               {"march", Keyword::month, 3},
    {"may", Keyword::month, 5},               {"mm", Keyword::units, kUnitMinute},
    {"mon", Keyword::weekday, 1},             {"monday", Keyword::weekday, 1},
    {"nov", Keyword::month, 11},              {"november", Keyword::month, 11},
    {"now", Keyword::reserved, kNow},         {"oct", Keyword::month, 10},
    {"october", Keyword::month, 10},          {"on", Keyword::ignore, 0},
    {"pm", Keyword::am_pm, 1},                {"s", Keyword::units, kUnitSecond},
    {"sat", Keyword::weekday, 6},             {"saturday", Keyword::weekday, 6},
    {"sep", Keyword::month, 9},               {"sept", Keyword::month, 9},
    {"september", Keyword::month, 9},         {"sun", Keyword::weekday, 0},
    {"sunday", Keyword::weekday, 0},          {"t", Keyword::iso_time, kUnitTime},
    {"thu", Keyword::weekday, 4},             {"thur", Keyword::weekday, 4},
    {"thurs", Keyword::weekday, 4},           {"thursday", Keyword::weekday, 4},
    {"today", Keyword::reserved, kToday},     {"tomorrow", Keyword::reserved, kTomorrow},
    {"tue", Keyword::weekday, 2},             {"tues", Keyword::weekday, 2},
    {"tuesday", Keyword::weekday, 2},         {"wed", Keyword::weekday, 3},
    {"wednesday", Keyword::weekday, 3},       {"weds", Keyword::weekday, 3},
    {"y", Keyword::units, kUnitYear},         {"yesterday", Keyword::reserved, kYesterday},
};

const Entry kIntervalKeywords[] = {
    {"@", Keyword::ignore, 0},
    {"ago", Keyword::ago, 0},
    {"c", Keyword::units, kUnitCentury},
    {"cent", Keyword::units, kUnitCentury},
    {"centuries", Keyword::units, kUnitCentury},
    {"century", Keyword::units, kUnitCentury},
    {"d", Keyword::units, kUnitDay},
    {"day", Keyword::units, kUnitDay},
    {"days", Keyword::units, kUnitDay},
    {"dec", Keyword::units, kUnitDecade},
    {"decade", Keyword::units, kUnitDecade},
    {"decades", Keyword::units, kUnitDecade},
    {"decs", Keyword::units, kUnitDecade},
    {"h", Keyword::units, kUnitHour},
    {"hour", Keyword::units, kUnitHour},
    {"hours", Keyword::units, kUnitHour},
    {"hr", Keyword::units, kUnitHour},
    {"hrs", Keyword::units, kUnitHour},
    {"m", Keyword::units, kUnitMinute},
    {"microsecon", Keyword::units, kUnitMicrosecond},
    {"mil", Keyword::units, kUnitMillennium},
    {"millennia", Keyword::units, kUnitMillennium},
    {"millennium", Keyword::units, kUnitMillennium},
    {"millisecon", Keyword::units, kUnitMillisecond},
    {"mils", Keyword::units, kUnitMillennium},
    {"min", Keyword::units, kUnitMinute},
    {"mins", Keyword::units, kUnitMinute},
    {"minute", Keyword::units, kUnitMinute},
    {"minutes", Keyword::units, kUnitMinute},
    {"mon", Keyword::units, kUnitMonth},
    {"mons", Keyword::units, kUnitMonth},
    {"month", Keyword::units, kUnitMonth},
    {"months", Keyword::units, kUnitMonth},
    {"ms", Keyword::units, kUnitMillisecond},
    {"msec", Keyword::units, kUnitMillisecond},
    {"msecond", Keyword::units, kUnitMillisecond},
    {"mseconds", Keyword::units, kUnitMillisecond},
    {"msecs", Keyword::units, kUnitMillisecond},
    {"qtr", Keyword::units, kUnitQuarter},
    {"quarter", Keyword::units, kUnitQuarter},
    {"s", Keyword::units, kUnitSecond},
    {"sec", Keyword::units, kUnitSecond},
    {"second", Keyword::units, kUnitSecond},
    {"seconds", Keyword::units, kUnitSecond},
    {"secs", Keyword::units, kUnitSecond},
    {"timezone", Keyword::units, kUnitTimezone},
    {"timezone_h", Keyword::units, kUnitTimezone},
    {"timezone_m", Keyword::units, kUnitTimezone},
    {"us", Keyword::units, kUnitMicrosecond},
    {"usec", Keyword::units, kUnitMicrosecond},
    {"usecond", Keyword::units, kUnitMicrosecond},
    {"useconds", Keyword::units, kUnitMicrosecond},
    {"usecs", Keyword::units, kUnitMicrosecond},
    {"w", Keyword::units, kUnitWeek},
    {"week", Keyword::units, kUnitWeek},
    {"weeks", Keyword::units, kUnitWeek},
    {"y", Keyword::units, kUnitYear},
    {"year", Keyword::units, kUnitYear},
    {"years", Keyword::units, kUnitYear},
    {"yr", Keyword::units, kUnitYear},
    {"yrs", Keyword::units, kUnitYear},
};

struct ZoneEntry {
  const char *name;
  int seconds_east;
  bool dst;
};

const ZoneEntry kZones[] = {
#include "types/tz_abbrevs.inc"
};

template <std::size_t N>
KeywordMatch find(const Entry (&table)[N], std::string_view lower) {
  std::string_view key = lower.substr(0, 10);
  for (const auto &e : table) {
    if (key == e.name) return {e.kind, e.value};
  }
  return {};
}

}  // namespace

bool split_datetime_fields(std::string_view s, std::vector<Field> &fields, std::size_t &consumed) {
  fields.clear();
  std::size_t i = 0;
  auto done = [&](bool ok) {
    consumed = i;
    return ok;
  };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (fields.size() >= kMaxDateFields) return done(false);
    Field f{FieldKind::number, {}};
    if (digit(c)) {
      while (i < s.size() && digit(s[i])) f.text.push_back(s[i++]);
      if (i < s.size() && s[i] == ':') {
        f.kind = FieldKind::time;
        while (i < s.size() && (digit(s[i]) || s[i] == ':' || s[i] == '.')) f.text.push_back(s[i++]);
      } else if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
        char delim = s[i];
        f.text.push_back(s[i++]);
        if (i < s.size() && digit(s[i])) {
          f.kind = delim == '.' ? FieldKind::number : FieldKind::date;
          while (i < s.size() && digit(s[i])) f.text.push_back(s[i++]);
          if (i < s.size() && s[i] == delim) {  // a three-part date needs matching delimiters
            f.kind = FieldKind::date;
            while (i < s.size() && (digit(s[i]) || s[i] == delim)) f.text.push_back(s[i++]);
          }
        } else {
          f.kind = FieldKind::date;
          while (i < s.size() && (alnum(s[i]) || s[i] == delim)) f.text.push_back(lower(s[i++]));
        }
      }
    } else if (c == '.') {
      f.text.push_back(s[i++]);
      while (i < s.size() && digit(s[i])) f.text.push_back(s[i++]);
    } else if (alpha(c)) {
      f.kind = FieldKind::string;
      while (i < s.size() && alpha(s[i])) f.text.push_back(lower(s[i++]));
      if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
        char delim = s[i];
        f.kind = FieldKind::date;
        f.text.push_back(s[i++]);
        while (i < s.size() && (digit(s[i]) || s[i] == delim)) f.text.push_back(s[i++]);
      }
    } else if (c == '+' || c == '-') {
      f.text.push_back(s[i++]);
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i < s.size() && digit(s[i])) {
        f.kind = FieldKind::zone;
        while (i < s.size() && (digit(s[i]) || s[i] == ':' || s[i] == '.')) f.text.push_back(s[i++]);
      } else if (i < s.size() && alpha(s[i])) {
        f.kind = FieldKind::special;
        while (i < s.size() && alpha(s[i])) f.text.push_back(lower(s[i++]));
      } else {
        return done(false);
      }
    } else if (std::ispunct(static_cast<unsigned char>(c))) {
      ++i;  // stray punctuation separates fields
      continue;
    } else {
      return done(false);
    }
    fields.push_back(std::move(f));
  }
  return done(true);
}

KeywordMatch lookup_date_keyword(std::string_view lower) {
  KeywordMatch m = find(kDateKeywords, lower);
  if (m.kind != Keyword::none) return m;
  int east = 0;
  std::string_view key = lower.substr(0, 10);
  for (const auto &z : kZones) {
    if (key == z.name) {
      east = z.seconds_east;
      return {z.dst ? Keyword::dst_zone : Keyword::zone, east};
    }
  }
  return {};
}

KeywordMatch lookup_interval_keyword(std::string_view lower) {
  return find(kIntervalKeywords, lower);
}

bool lookup_zone_abbrev(std::string_view name, int &seconds_east) {
  std::string low(name);
  std::transform(low.begin(), low.end(), low.begin(), lower);
  for (const auto &z : kZones) {
    if (low == z.name) {
      seconds_east = z.seconds_east;
      return true;
    }
  }
  return false;
}

}  // namespace pgesql::types
