#include "types/wire_text.hpp"

#include <cstring>

#include <pgtypes_error.h>

#include "types/datetime_text.hpp"
#include "types/interval_text.hpp"
#include "types/numeric_c_struct.hpp"

namespace pgesql::types::wire {

int numeric_from_text(std::string_view text, numeric *dst) {
  if (dst == nullptr) return PGTYPES_NUM_BAD_NUMERIC;
  NumericParse p = parse_numeric(text);
  if (p.error != 0) return p.error;
  return numeric_to_struct(p.value, dst) == 0 ? 0 : PGTYPES_NUM_OVERFLOW;
}

int decimal_from_text(std::string_view text, decimal *dst) {
  if (dst == nullptr) return PGTYPES_NUM_BAD_NUMERIC;
  NumericParse p = parse_numeric(text);
  if (p.error != 0) return p.error;
  return decimal_from_value(p.value, dst);
}

int date_from_text(std::string_view text, date *dst) {
  long days = 0;
  std::size_t consumed = 0;
  if (dst == nullptr) return PGTYPES_DATE_BAD_DATE;
  if (int err = parse_date_text(text, days, consumed); err != 0) return err;
  *dst = days;
  return 0;
}

int timestamp_from_text(std::string_view text, timestamp *dst) {
  std::int64_t ts = 0;
  std::size_t consumed = 0;
  if (dst == nullptr) return PGTYPES_TS_BAD_TIMESTAMP;
  if (int err = parse_timestamp_text(text, ts, consumed); err != 0) return err;
  *dst = ts;
  return 0;
}

int interval_from_text(std::string_view text, interval *dst) {
  IntervalValue v;
  std::size_t consumed = 0;
  if (dst == nullptr) return PGTYPES_INTVL_BAD_INTERVAL;
  if (int err = parse_interval_text(text, v, consumed); err != 0) return err;
  dst->time = v.time;
  dst->month = v.month;
  return 0;
}

int numeric_to_text(const numeric *src, std::string &out) {
  NumericValue v;
  if (int err = numeric_from_struct(src, v); err != 0) return err;
  out = format_numeric(v, v.dscale);
  return 0;
}

int decimal_to_text(const decimal *src, std::string &out) {
  NumericValue v;
  if (int err = numeric_from_struct(src, v); err != 0) return err;
  out = format_numeric(v, v.dscale);
  return 0;
}

int date_to_text(date value, std::string &out) {
  CivilTime t;
  if (!date_to_civil(value, t)) return PGTYPES_DATE_BAD_DATE;
  out = format_date_iso(t.year, t.month, t.day);
  return 0;
}

int timestamp_to_text(timestamp value, std::string &out) {
  bool ok = false;
  out = format_timestamp_iso(value, ok);
  return ok ? 0 : PGTYPES_TS_BAD_TIMESTAMP;
}

int interval_to_text(const interval *src, std::string &out) {
  if (src == nullptr) return PGTYPES_INTVL_BAD_INTERVAL;
  out = format_interval_verbose({src->time, src->month});
  return 0;
}

}  // namespace pgesql::types::wire
