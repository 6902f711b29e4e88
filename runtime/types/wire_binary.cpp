#include "types/wire_binary.hpp"

#include <climits>

#include <pgtypes_error.h>

#include "types/calendar.hpp"
#include "types/datetime_text.hpp"
#include "types/numeric_c_struct.hpp"

namespace pgesql::types::wire {
namespace {

// The server's numeric wire header values.
constexpr std::uint16_t kWirePositive = 0x0000;
constexpr std::uint16_t kWireNegative = 0x4000;
constexpr std::uint16_t kWireNaN = 0xC000;
constexpr std::uint16_t kWirePlusInf = 0xD000;
constexpr std::uint16_t kWireMinusInf = 0xF000;
constexpr std::int32_t kDateNoBegin = INT32_MIN;  // date '-infinity'
constexpr std::int32_t kDateNoEnd = INT32_MAX;    // date 'infinity'

std::uint64_t read_be(std::span<const std::uint8_t> b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | b[at + static_cast<std::size_t>(i)];
  return v;
}

void write_be(std::vector<std::uint8_t> &out, std::uint64_t v, int n) {
  for (int i = n - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

}  // namespace

int numeric_from_binary(std::span<const std::uint8_t> b, numeric *dst) {
  if (dst == nullptr || b.size() < 8) return PGTYPES_NUM_BAD_NUMERIC;
  auto ndigits = static_cast<std::int16_t>(read_be(b, 0, 2));
  auto weight = static_cast<std::int16_t>(read_be(b, 2, 2));
  auto sign = static_cast<std::uint16_t>(read_be(b, 4, 2));
  auto dscale = static_cast<std::uint16_t>(read_be(b, 6, 2));
  if (ndigits < 0 || b.size() != 8 + 2 * static_cast<std::size_t>(ndigits)) return PGTYPES_NUM_BAD_NUMERIC;
  NumericValue v;
  if (sign == kWireNaN || sign == kWirePlusInf || sign == kWireMinusInf) {
    v.sign = sign == kWireNaN ? NUMERIC_NAN : sign == kWirePlusInf ? NUMERIC_PINF : NUMERIC_NINF;
    return numeric_to_struct(v, dst) == 0 ? 0 : PGTYPES_NUM_OVERFLOW;
  }
  if (sign != kWirePositive && sign != kWireNegative) return PGTYPES_NUM_BAD_NUMERIC;
  if (dscale > kNumericMaxScale) return PGTYPES_NUM_BAD_NUMERIC;
  v.sign = sign == kWireNegative ? NUMERIC_NEG : NUMERIC_POS;
  for (int i = 0; i < ndigits; ++i) {
    auto group = static_cast<std::uint16_t>(read_be(b, 8 + 2 * static_cast<std::size_t>(i), 2));
    if (group > 9999) return PGTYPES_NUM_BAD_NUMERIC;
    v.digits.push_back(static_cast<std::uint8_t>(group / 1000));
    v.digits.push_back(static_cast<std::uint8_t>(group / 100 % 10));
    v.digits.push_back(static_cast<std::uint8_t>(group / 10 % 10));
    v.digits.push_back(static_cast<std::uint8_t>(group % 10));
  }
  v.weight = weight * 4 + 3;
  std::size_t lead = 0;
  while (lead < v.digits.size() && v.digits[lead] == 0) ++lead;
  v.digits.erase(v.digits.begin(), v.digits.begin() + static_cast<long>(lead));
  v.weight -= static_cast<int>(lead);
  // Digits past the display scale are not part of the value (the server
  // never sends them; dropping them keeps rscale truthful).
  long keep = static_cast<long>(v.weight) + dscale + 1;
  if (keep < static_cast<long>(v.digits.size())) v.digits.resize(keep < 0 ? 0 : static_cast<std::size_t>(keep));
  while (!v.digits.empty() && v.digits.back() == 0) v.digits.pop_back();
  if (v.digits.empty()) v.weight = 0;
  v.dscale = v.rscale = dscale;
  return numeric_to_struct(v, dst) == 0 ? 0 : PGTYPES_NUM_OVERFLOW;
}

int numeric_to_binary(const numeric *src, std::vector<std::uint8_t> &out) {
  NumericValue v;
  if (int err = numeric_from_struct(src, v); err != 0) return err;
  if (v.is_special()) {
    write_be(out, 0, 2);
    write_be(out, 0, 2);
    write_be(out, v.is_nan() ? kWireNaN : v.sign == NUMERIC_PINF ? kWirePlusInf : kWireMinusInf, 2);
    write_be(out, 0, 2);
    return 0;
  }
  // Round to the display scale exactly as the text form would.
  NumericParse rounded = parse_numeric(format_numeric(v, v.dscale));
  if (rounded.error != 0) return rounded.error;
  const NumericValue &r = rounded.value;
  std::vector<std::uint16_t> groups;
  int group_weight = 0;
  if (!r.digits.empty()) {
    // Group g holds powers 4g .. 4g+3; floor division for negative powers.
    auto group_of = [](long power) { return power >= 0 ? power / 4 : -((-power + 3) / 4); };
    long top = group_of(r.weight);
    long low = group_of(static_cast<long>(r.weight) - static_cast<long>(r.digits.size()) + 1);
    group_weight = static_cast<int>(top);
    for (long g = top; g >= low; --g) {
      int value = 0;
      for (long p = 4 * g + 3; p >= 4 * g; --p) {
        long index = r.weight - p;
        int d = index >= 0 && index < static_cast<long>(r.digits.size()) ? r.digits[static_cast<std::size_t>(index)] : 0;
        value = value * 10 + d;
      }
      groups.push_back(static_cast<std::uint16_t>(value));
    }
    while (!groups.empty() && groups.back() == 0) groups.pop_back();
  }
  if (groups.size() > INT16_MAX || group_weight > INT16_MAX || group_weight < INT16_MIN) {
    return PGTYPES_NUM_OVERFLOW;
  }
  write_be(out, groups.size(), 2);
  write_be(out, static_cast<std::uint16_t>(groups.empty() ? 0 : group_weight), 2);
  write_be(out, r.sign == NUMERIC_NEG ? kWireNegative : kWirePositive, 2);
  write_be(out, static_cast<std::uint16_t>(v.dscale), 2);
  for (auto g : groups) write_be(out, g, 2);
  return 0;
}

int date_from_binary(std::span<const std::uint8_t> b, date *dst) {
  if (dst == nullptr || b.size() != 4) return PGTYPES_DATE_BAD_DATE;
  auto days = static_cast<std::int32_t>(read_be(b, 0, 4));
  if (days == kDateNoBegin || days == kDateNoEnd) return PGTYPES_DATE_BAD_DATE;
  *dst = days;
  return 0;
}

int date_to_binary(date value, std::vector<std::uint8_t> &out) {
  CivilTime t;
  if (value <= INT32_MIN || value >= INT32_MAX || !date_to_civil(value, t)) return PGTYPES_DATE_BAD_DATE;
  write_be(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(value)), 4);
  return 0;
}

int timestamp_from_binary(std::span<const std::uint8_t> b, timestamp *dst) {
  if (dst == nullptr || b.size() != 8) return PGTYPES_TS_BAD_TIMESTAMP;
  *dst = static_cast<std::int64_t>(read_be(b, 0, 8));  // the same microsecond count
  return 0;
}

int timestamp_to_binary(timestamp value, std::vector<std::uint8_t> &out) {
  if (timestamp_is_finite(value) && (value < kTimestampMin || value >= kTimestampEnd)) {
    return PGTYPES_TS_BAD_TIMESTAMP;
  }
  write_be(out, static_cast<std::uint64_t>(value), 8);
  return 0;
}

int interval_from_binary(std::span<const std::uint8_t> b, interval *dst) {
  if (dst == nullptr || b.size() != 16) return PGTYPES_INTVL_BAD_INTERVAL;
  auto usecs = static_cast<std::int64_t>(read_be(b, 0, 8));
  auto days = static_cast<std::int32_t>(read_be(b, 8, 4));
  auto months = static_cast<std::int32_t>(read_be(b, 12, 4));
  std::int64_t time = 0;
  // pgtypes keeps days inside the microsecond count.
  if (__builtin_mul_overflow(static_cast<std::int64_t>(days), kUsecsPerDay, &time) ||
      __builtin_add_overflow(time, usecs, &time)) {
    return PGTYPES_INTVL_BAD_INTERVAL;
  }
  dst->time = time;
  dst->month = months;
  return 0;
}

int interval_to_binary(const interval *src, std::vector<std::uint8_t> &out) {
  if (src == nullptr || src->month > INT32_MAX || src->month < INT32_MIN) return PGTYPES_INTVL_BAD_INTERVAL;
  // Whole days go to the day field, as the server's own text input would put them.
  std::int64_t days = src->time / kUsecsPerDay;
  std::int64_t usecs = src->time - days * kUsecsPerDay;
  if (days > INT32_MAX || days < INT32_MIN) return PGTYPES_INTVL_BAD_INTERVAL;
  write_be(out, static_cast<std::uint64_t>(usecs), 8);
  write_be(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(days)), 4);
  write_be(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(src->month)), 4);
  return 0;
}

}  // namespace pgesql::types::wire
