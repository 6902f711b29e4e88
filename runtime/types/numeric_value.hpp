// Exact decimal arithmetic behind PGTYPESnumeric_* (one decimal digit per
// element, as in ECPG's public struct, so conversions are plain copies).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pgtypes_numeric.h>

namespace pgesql::types {

// Limits of the server's numeric type; larger values are reported as
// overflow instead of allocating unbounded memory.
inline constexpr int kNumericMaxWeight = 131071;  // 131072 digits before the point
inline constexpr int kNumericMaxScale = 16383;    // digits after the point

struct NumericValue {
  int sign = NUMERIC_POS;  // NUMERIC_POS, NUMERIC_NEG, NUMERIC_NAN, NUMERIC_PINF, NUMERIC_NINF
  int weight = 0;          // power of ten of digits[0]
  int rscale = 0;          // digits the value carries after the point
  int dscale = 0;          // digits shown after the point
  std::vector<std::uint8_t> digits;  // most significant first

  bool is_nan() const { return sign == NUMERIC_NAN; }
  bool is_inf() const { return sign == NUMERIC_PINF || sign == NUMERIC_NINF; }
  bool is_special() const { return is_nan() || is_inf(); }
};

// Result of parsing: the value, or a PGTYPES_NUM_* code and where it stopped.
struct NumericParse {
  int error = 0;
  std::size_t stop = 0;  // offset just past what was consumed
  NumericValue value;
};

// Reads text the way PGTYPESnumeric_from_asc does: blanks, NaN, sign,
// digits with one optional point, optional exponent, trailing blanks; and
// the server's [+-]Infinity / [+-]inf.
NumericParse parse_numeric(std::string_view text);

// Text with `scale` digits after the point, rounding half away from zero;
// "NaN", "Infinity", "-Infinity" for those. A negative value that rounds to
// zero keeps its '-' (ECPG).
std::string format_numeric(const NumericValue &v, int scale);

// -1, 0, 1 comparing absolute values of finite values.
int compare_abs(const NumericValue &a, const NumericValue &b);

// -1, 0, 1 ordering non-NaN values: -Infinity < finite < Infinity; finite
// values by sign first, so a negative zero sorts below zero (ECPG).
int compare_values(const NumericValue &a, const NumericValue &b);

// ECPG's result-scale rules: add/sub keep max(rscale), max(dscale); mul
// rounds to rscale1+rscale2 digits; div rounds to its selected scale + 4.
// NaN and infinities follow the server's rules (inf - inf is NaN, x / inf is
// 0, inf / 0 is an error). Each returns 0 or a PGTYPES_NUM_* code.
int numeric_add(const NumericValue &a, const NumericValue &b, NumericValue &out);
int numeric_sub(const NumericValue &a, const NumericValue &b, NumericValue &out);
int numeric_mul(const NumericValue &a, const NumericValue &b, NumericValue &out);
int numeric_div(const NumericValue &a, const NumericValue &b, NumericValue &out);

// The value of a C long, shown with one decimal (ECPG: "1407.0").
NumericValue numeric_from_long(long v);

}  // namespace pgesql::types
