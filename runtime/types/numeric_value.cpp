#include "types/numeric_value.hpp"

#include <algorithm>
#include <climits>

#include <pgtypes_error.h>

namespace pgesql::types {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digit of |v| at power of ten p (0 outside the stored digits).
int digit_at(const NumericValue &v, long p) {
  long index = static_cast<long>(v.weight) - p;
  if (index < 0 || index >= static_cast<long>(v.digits.size())) return 0;
  return v.digits[static_cast<std::size_t>(index)];
}

// Drops leading and trailing zero digits; zero gets weight 0.
void strip(NumericValue &v) {
  std::size_t lead = 0;
  while (lead < v.digits.size() && v.digits[lead] == 0) ++lead;
  v.digits.erase(v.digits.begin(), v.digits.begin() + static_cast<long>(lead));
  v.weight -= static_cast<int>(lead);
  while (!v.digits.empty() && v.digits.back() == 0) v.digits.pop_back();
  if (v.digits.empty()) v.weight = 0;
}

bool out_of_range(const NumericValue &v) {
  if (v.dscale > kNumericMaxScale || v.rscale > kNumericMaxScale) return true;
  return !v.digits.empty() && v.weight > kNumericMaxWeight;
}

// |a| + |b| or |a| - |b| (|a| >= |b|) over powers [-rscale, top], truncating
// anything below -rscale as ECPG does.
NumericValue add_or_sub_abs(const NumericValue &a, const NumericValue &b, bool subtract) {
  NumericValue r;
  r.rscale = std::max(a.rscale, b.rscale);
  r.dscale = std::max(a.dscale, b.dscale);
  long top = subtract ? a.weight : std::max(a.weight, b.weight) + 1;
  long low = std::min<long>(-static_cast<long>(r.rscale), top);
  r.digits.assign(static_cast<std::size_t>(top - low + 1), 0);
  r.weight = static_cast<int>(top);
  int carry = 0;
  for (long p = low; p <= top; ++p) {
    int d = digit_at(a, p) + (subtract ? -digit_at(b, p) : digit_at(b, p)) + carry;
    carry = 0;
    if (d >= 10) { d -= 10; carry = 1; }
    if (d < 0) { d += 10; carry = -1; }
    r.digits[static_cast<std::size_t>(top - p)] = static_cast<std::uint8_t>(d);
  }
  strip(r);
  return r;
}

NumericValue special(int sign) {
  NumericValue v;
  v.sign = sign;
  return v;
}

// +1 for Infinity, -1 for -Infinity, 0 otherwise.
int infinity_direction(const NumericValue &v) {
  return v.sign == NUMERIC_PINF ? 1 : v.sign == NUMERIC_NINF ? -1 : 0;
}

bool negative(const NumericValue &v) { return v.sign == NUMERIC_NEG || v.sign == NUMERIC_NINF; }

bool is_zero(const NumericValue &v) {
  for (auto d : v.digits) {
    if (d != 0) return false;
  }
  return true;
}

// a + b, or a - b when subtract is set.
int add_signed(const NumericValue &a, const NumericValue &b, bool subtract, NumericValue &out) {
  if (a.is_nan() || b.is_nan()) {
    out = special(NUMERIC_NAN);
    return 0;
  }
  int ia = infinity_direction(a), ib = infinity_direction(b) * (subtract ? -1 : 1);
  if (ia != 0 || ib != 0) {
    out = special(ia != 0 && ib != 0 && ia != ib ? NUMERIC_NAN
                  : (ia != 0 ? ia : ib) > 0     ? NUMERIC_PINF
                                                : NUMERIC_NINF);
    return 0;
  }
  bool b_negative = (b.sign == NUMERIC_NEG) != subtract;
  bool a_negative = a.sign == NUMERIC_NEG;
  NumericValue r;
  if (a_negative == b_negative) {
    r = add_or_sub_abs(a, b, false);
    r.sign = a_negative ? NUMERIC_NEG : NUMERIC_POS;
  } else {
    int c = compare_abs(a, b);
    if (c == 0) {
      r.rscale = std::max(a.rscale, b.rscale);
      r.dscale = std::max(a.dscale, b.dscale);
      r.sign = NUMERIC_POS;
    } else if (c > 0) {
      r = add_or_sub_abs(a, b, true);
      r.sign = a_negative ? NUMERIC_NEG : NUMERIC_POS;
    } else {
      r = add_or_sub_abs(b, a, true);
      r.sign = b_negative ? NUMERIC_NEG : NUMERIC_POS;
    }
  }
  if (out_of_range(r)) return PGTYPES_NUM_OVERFLOW;
  out = std::move(r);
  return 0;
}

// Keeps digits down to power -scale, rounding half up on the next digit.
void round_at(NumericValue &v, int scale) {
  long keep = static_cast<long>(v.weight) + scale + 1;  // digits to keep
  if (keep >= static_cast<long>(v.digits.size())) return;
  if (keep < 0) {
    v.digits.clear();
    return;
  }
  bool up = v.digits[static_cast<std::size_t>(keep)] >= 5;
  v.digits.resize(static_cast<std::size_t>(keep));
  long i = keep - 1;
  while (up && i >= 0) {
    auto &d = v.digits[static_cast<std::size_t>(i)];
    if (d == 9) {
      d = 0;
      --i;
    } else {
      ++d;
      up = false;
    }
  }
  if (up) {
    v.digits.insert(v.digits.begin(), 1);
    ++v.weight;
  }
}

// Big-integer helpers on most-significant-first decimal digit vectors.
using Digits = std::vector<std::uint8_t>;

int compare_int(const Digits &a, const Digits &b) {
  std::size_t ia = 0, ib = 0;
  while (ia < a.size() && a[ia] == 0) ++ia;
  while (ib < b.size() && b[ib] == 0) ++ib;
  std::size_t la = a.size() - ia, lb = b.size() - ib;
  if (la != lb) return la < lb ? -1 : 1;
  for (; ia < a.size(); ++ia, ++ib) {
    if (a[ia] != b[ib]) return a[ia] < b[ib] ? -1 : 1;
  }
  return 0;
}

void subtract_int(Digits &a, const Digits &b) {  // a -= b, a >= b
  int borrow = 0;
  long ib = static_cast<long>(b.size()) - 1;
  for (long ia = static_cast<long>(a.size()) - 1; ia >= 0; --ia, --ib) {
    int d = a[static_cast<std::size_t>(ia)] - borrow - (ib >= 0 ? b[static_cast<std::size_t>(ib)] : 0);
    borrow = d < 0;
    a[static_cast<std::size_t>(ia)] = static_cast<std::uint8_t>(d < 0 ? d + 10 : d);
  }
}

Digits multiply_small(const Digits &a, int m) {
  Digits r(a.size() + 1, 0);
  int carry = 0;
  for (long i = static_cast<long>(a.size()) - 1; i >= 0; --i) {
    int v = a[static_cast<std::size_t>(i)] * m + carry;
    r[static_cast<std::size_t>(i) + 1] = static_cast<std::uint8_t>(v % 10);
    carry = v / 10;
  }
  r[0] = static_cast<std::uint8_t>(carry);
  return r;
}

// Where only blanks follow position i: the end of the text, else the first non-blank.
std::size_t blanks_end(std::string_view text, std::size_t i) {
  while (i < text.size() && is_blank(text[i])) ++i;
  return i;
}

bool word_at(std::string_view text, std::size_t j, std::string_view lower_word) {
  if (text.size() < j || text.size() - j < lower_word.size()) return false;
  for (std::size_t k = 0; k < lower_word.size(); ++k)
    if ((text[j + k] | 0x20) != lower_word[k]) return false;
  return true;
}

// NaN, and the server's infinities ([+-]Infinity or [+-]inf, any case): the end of the word and
// the sign it sets, or 0 when the text at i is none of them.
std::size_t special_value_end(std::string_view text, std::size_t i, int &sign) {
  if (word_at(text, i, "nan")) {
    sign = NUMERIC_NAN;
    return i + 3;
  }
  bool minus = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) minus = text[i++] == '-';
  std::size_t len = word_at(text, i, "infinity") ? 8 : word_at(text, i, "inf") ? 3 : 0;
  if (len == 0) return 0;
  sign = minus ? NUMERIC_NINF : NUMERIC_PINF;
  return i + len;
}

// "e[+-]digits" after the mantissa (blanks allowed after the e); false on a malformed or huge one.
bool read_exponent(std::string_view text, std::size_t &i, long &exponent) {
  std::size_t j = blanks_end(text, i + 1);
  bool negative = false;
  if (j < text.size() && (text[j] == '+' || text[j] == '-')) negative = text[j++] == '-';
  if (j >= text.size() || !is_digit(text[j])) {
    i = i + 1;
    return false;
  }
  exponent = 0;
  while (j < text.size() && is_digit(text[j])) {
    if (exponent < INT_MAX) exponent = exponent * 10 + (text[j] - '0');
    ++j;
  }
  i = j;
  if (exponent >= INT_MAX / 2) return false;
  if (negative) exponent = -exponent;
  return true;
}

// The digits of [+-][digits][.digits]: into v.digits with v.weight counted; false on a second
// point or no digit at all.
bool read_mantissa(std::string_view text, std::size_t &i, NumericValue &v, long &fraction_digits) {
  v.weight = -1;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    if (text[i] == '-') v.sign = NUMERIC_NEG;
    ++i;
  }
  bool have_point = false;
  if (i < text.size() && text[i] == '.') {
    have_point = true;
    ++i;
  }
  if (i >= text.size() || !is_digit(text[i])) return false;
  fraction_digits = 0;
  for (; i < text.size(); ++i) {
    if (is_digit(text[i])) {
      v.digits.push_back(static_cast<std::uint8_t>(text[i] - '0'));
      if (have_point) ++fraction_digits;
      else if (v.weight < INT_MAX / 2) ++v.weight;
    } else if (text[i] == '.' && !have_point) {
      have_point = true;
    } else {
      return text[i] != '.';
    }
  }
  return true;
}

}  // namespace

NumericParse parse_numeric(std::string_view text) {
  NumericParse out;
  std::size_t i = blanks_end(text, 0);
  auto fail = [&](int code) {
    out.error = code;
    out.stop = i;
    return out;
  };
  int special_sign = 0;
  if (std::size_t end = special_value_end(text, i, special_sign); end > 0) {
    i = blanks_end(text, end);
    if (i < text.size()) return fail(PGTYPES_NUM_BAD_NUMERIC);
    out.value.sign = special_sign;
    out.stop = i;
    return out;
  }
  NumericValue &v = out.value;
  long fraction_digits = 0;
  if (!read_mantissa(text, i, v, fraction_digits)) return fail(PGTYPES_NUM_BAD_NUMERIC);
  long weight = v.weight;
  long scale = fraction_digits;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    long exponent = 0;
    if (!read_exponent(text, i, exponent)) return fail(PGTYPES_NUM_BAD_NUMERIC);
    weight += exponent;
    scale -= exponent;
  }
  i = blanks_end(text, i);
  if (i < text.size()) return fail(PGTYPES_NUM_BAD_NUMERIC);
  out.stop = i;
  if (scale < 0) scale = 0;
  if (scale > kNumericMaxScale) return fail(PGTYPES_NUM_OVERFLOW);
  // Leading zeros go; trailing ones stay (they count against DECSIZE).
  std::size_t lead = 0;
  while (lead < v.digits.size() && v.digits[lead] == 0) ++lead;
  v.digits.erase(v.digits.begin(), v.digits.begin() + static_cast<long>(lead));
  weight -= static_cast<long>(lead);
  if (v.digits.empty()) weight = 0;
  if (weight > kNumericMaxWeight) return fail(PGTYPES_NUM_OVERFLOW);
  v.weight = static_cast<int>(weight);
  v.dscale = v.rscale = static_cast<int>(scale);
  return out;
}

std::string format_numeric(const NumericValue &value, int scale) {
  if (value.is_nan()) return "NaN";
  if (value.sign == NUMERIC_PINF) return "Infinity";
  if (value.sign == NUMERIC_NINF) return "-Infinity";
  NumericValue v = value;
  if (scale < 0) scale = 0;
  round_at(v, scale);
  std::string s;
  if (v.sign == NUMERIC_NEG) s.push_back('-');
  long first = std::max(v.weight, 0);
  s.reserve(static_cast<std::size_t>(first + scale + 3));
  for (long p = first; p >= 0; --p) s.push_back(static_cast<char>('0' + digit_at(v, p)));
  if (scale > 0) {
    s.push_back('.');
    for (long p = -1; p >= -static_cast<long>(scale); --p) {
      s.push_back(static_cast<char>('0' + digit_at(v, p)));
    }
  }
  return s;
}

int compare_abs(const NumericValue &a, const NumericValue &b) {
  long top = std::max(a.weight, b.weight);
  long low = std::min(static_cast<long>(a.weight) - static_cast<long>(a.digits.size()),
                      static_cast<long>(b.weight) - static_cast<long>(b.digits.size()));
  for (long p = top; p > low; --p) {
    int da = digit_at(a, p), db = digit_at(b, p);
    if (da != db) return da < db ? -1 : 1;
  }
  return 0;
}

int compare_values(const NumericValue &a, const NumericValue &b) {
  int ia = infinity_direction(a), ib = infinity_direction(b);
  if (ia != 0 || ib != 0) return ia == ib ? 0 : ia < ib ? -1 : 1;
  if (a.sign != b.sign) return a.sign == NUMERIC_POS ? 1 : -1;
  int c = compare_abs(a, b);
  return a.sign == NUMERIC_POS ? c : -c;
}

int numeric_add(const NumericValue &a, const NumericValue &b, NumericValue &out) {
  return add_signed(a, b, false, out);
}

int numeric_sub(const NumericValue &a, const NumericValue &b, NumericValue &out) {
  return add_signed(a, b, true, out);
}

int numeric_mul(const NumericValue &a, const NumericValue &b, NumericValue &out) {
  if (a.is_special() || b.is_special()) {
    bool nan = a.is_nan() || b.is_nan() || (a.is_inf() && !b.is_special() && is_zero(b)) ||
               (b.is_inf() && !a.is_special() && is_zero(a));
    out = special(nan ? NUMERIC_NAN : negative(a) != negative(b) ? NUMERIC_NINF : NUMERIC_PINF);
    return 0;
  }
  NumericValue r;
  r.rscale = a.rscale + b.rscale;
  r.dscale = a.dscale + b.dscale;
  r.sign = a.sign == b.sign ? NUMERIC_POS : NUMERIC_NEG;
  if (r.rscale > kNumericMaxScale || r.dscale > kNumericMaxScale) return PGTYPES_NUM_OVERFLOW;
  if (!a.digits.empty() && !b.digits.empty() &&
      static_cast<long>(a.weight) + b.weight > kNumericMaxWeight) {
    return PGTYPES_NUM_OVERFLOW;
  }
  std::size_t na = a.digits.size(), nb = b.digits.size();
  std::vector<std::uint32_t> acc(na + nb, 0);  // acc[k]: power weight_a+weight_b+1-k
  for (std::size_t i = 0; i < na; ++i) {
    if (a.digits[i] == 0) continue;
    for (std::size_t j = 0; j < nb; ++j) acc[i + j + 1] += a.digits[i] * b.digits[j];
    if ((i & 0xFFFF) == 0xFFFF) {  // keep the column sums far from overflow
      for (std::size_t k = acc.size() - 1; k > 0; --k) {
        acc[k - 1] += acc[k] / 10;
        acc[k] %= 10;
      }
    }
  }
  r.digits.resize(acc.size());
  std::uint32_t carry = 0;
  for (std::size_t k = acc.size(); k-- > 0;) {
    std::uint32_t v = acc[k] + carry;
    r.digits[k] = static_cast<std::uint8_t>(v % 10);
    carry = v / 10;
  }
  r.weight = a.weight + b.weight + 1;
  round_at(r, r.rscale);
  strip(r);
  if (r.digits.empty()) r.sign = NUMERIC_POS;
  if (out_of_range(r)) return PGTYPES_NUM_OVERFLOW;
  out = std::move(r);
  return 0;
}

int numeric_div(const NumericValue &a, const NumericValue &b, NumericValue &out) {
  if (a.is_nan() || b.is_nan()) {
    out = special(NUMERIC_NAN);
    return 0;
  }
  if (a.is_inf()) {
    if (b.is_inf()) {
      out = special(NUMERIC_NAN);
      return 0;
    }
    if (is_zero(b)) return PGTYPES_NUM_DIVIDE_ZERO;
    out = special(negative(a) != negative(b) ? NUMERIC_NINF : NUMERIC_PINF);
    return 0;
  }
  if (b.is_inf()) {
    out = NumericValue{};  // finite / infinite is zero
    return 0;
  }
  auto first_nonzero = [](const NumericValue &v, int &weight, int &digit) {
    weight = 0;
    digit = 0;
    for (std::size_t i = 0; i < v.digits.size(); ++i) {
      if (v.digits[i] != 0) {
        weight = v.weight - static_cast<int>(i);
        digit = v.digits[i];
        return;
      }
    }
  };
  int w1, d1, w2, d2;
  first_nonzero(a, w1, d1);
  first_nonzero(b, w2, d2);
  if (d2 == 0) return PGTYPES_NUM_DIVIDE_ZERO;
  // Display scale: at least NUMERIC_MIN_SIG_DIGITS significant digits, never
  // fewer than either input shows; computed with four guard digits.
  long qweight = static_cast<long>(w1) - w2 - (d1 <= d2 ? 1 : 0);
  long dscale = NUMERIC_MIN_SIG_DIGITS - qweight;
  dscale = std::max<long>({dscale, a.dscale, b.dscale, NUMERIC_MIN_DISPLAY_SCALE});
  dscale = std::min<long>(dscale, NUMERIC_MAX_DISPLAY_SCALE);
  int rscale = static_cast<int>(dscale) + 4;
  NumericValue r;
  r.rscale = rscale;
  r.dscale = static_cast<int>(dscale);
  r.sign = a.sign == b.sign ? NUMERIC_POS : NUMERIC_NEG;
  if (d1 == 0) {
    r.sign = NUMERIC_POS;
    out = std::move(r);
    return 0;
  }
  if (static_cast<long>(w1) - w2 > kNumericMaxWeight) return PGTYPES_NUM_OVERFLOW;
  // Integers A, B with a = A*10^ea, b = B*10^eb; Q = floor(A*10^k / B) is the
  // quotient with rscale+1 digits after the point, rounded half up below.
  Digits A(a.digits.begin(), a.digits.end());
  Digits B(b.digits.begin(), b.digits.end());
  long ea = static_cast<long>(a.weight) - static_cast<long>(a.digits.size()) + 1;
  long eb = static_cast<long>(b.weight) - static_cast<long>(b.digits.size()) + 1;
  long k = ea - eb + rscale + 1;
  if (k >= 0) {
    A.insert(A.end(), static_cast<std::size_t>(k), 0);
  } else {
    B.insert(B.end(), static_cast<std::size_t>(-k), 0);
  }
  Digits multiples[10];
  for (int m = 1; m <= 9; ++m) multiples[m] = multiply_small(B, m);
  Digits quotient;
  quotient.reserve(A.size());
  Digits rem;
  for (std::uint8_t next : A) {
    if (rem.size() == 1 && rem[0] == 0) rem.clear();
    rem.push_back(next);
    int g = 9;
    while (g > 0 && compare_int(rem, multiples[g]) < 0) --g;
    if (g > 0) {
      subtract_int(rem, multiples[g]);
      std::size_t lead = 0;
      while (lead + 1 < rem.size() && rem[lead] == 0) ++lead;
      rem.erase(rem.begin(), rem.begin() + static_cast<long>(lead));
    }
    quotient.push_back(static_cast<std::uint8_t>(g));
  }
  r.digits = std::move(quotient);
  r.weight = static_cast<int>(static_cast<long>(r.digits.size()) - 1 - (rscale + 1));
  round_at(r, rscale);
  strip(r);
  if (r.digits.empty()) r.sign = NUMERIC_POS;
  if (out_of_range(r)) return PGTYPES_NUM_OVERFLOW;
  out = std::move(r);
  return 0;
}

NumericValue numeric_from_long(long value) {
  NumericValue v;
  unsigned long magnitude = value < 0 ? 0UL - static_cast<unsigned long>(value)
                                      : static_cast<unsigned long>(value);
  v.sign = value < 0 ? NUMERIC_NEG : NUMERIC_POS;
  std::string text = std::to_string(magnitude);
  for (char c : text) v.digits.push_back(static_cast<std::uint8_t>(c - '0'));
  v.digits.push_back(0);  // the shown ".0"
  v.weight = static_cast<int>(text.size()) - 1;
  v.rscale = v.dscale = 1;
  return v;
}

}  // namespace pgesql::types
