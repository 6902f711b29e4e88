#include "types/numeric_c_struct.hpp"

#include <cstdlib>
#include <cstring>

#include <pgtypes_error.h>

namespace pgesql::types {
namespace {

// Largest digit count a struct may claim: the widest value the limits allow.
constexpr int kMaxStructDigits = kNumericMaxWeight + kNumericMaxScale + 2;

int read_fields(int ndigits, int weight, int rscale, int dscale, int sign,
                const NumericDigit *digits, NumericValue &out) {
  // The NULL mark (ECPGset_noind_null, an SQLDA's NULL numeric) reads as the
  // zeroed positive value around it, as in ECPG: PGTYPESnumeric_to_asc gives "0".
  if (sign == NUMERIC_NULL) sign = NUMERIC_POS;
  if (sign != NUMERIC_POS && sign != NUMERIC_NEG && sign != NUMERIC_NAN && sign != NUMERIC_PINF &&
      sign != NUMERIC_NINF) {
    return PGTYPES_NUM_BAD_NUMERIC;
  }
  NumericValue v;
  v.sign = sign;
  if (v.is_special()) {
    out = std::move(v);
    return 0;
  }
  if (ndigits < 0 || ndigits > kMaxStructDigits || (ndigits > 0 && digits == nullptr)) {
    return PGTYPES_NUM_BAD_NUMERIC;
  }
  if (rscale < 0 || dscale < 0 || rscale > kNumericMaxScale || dscale > kNumericMaxScale) {
    return PGTYPES_NUM_BAD_NUMERIC;
  }
  if (weight > kNumericMaxWeight || weight < -(kNumericMaxScale + kMaxStructDigits)) {
    return PGTYPES_NUM_BAD_NUMERIC;
  }
  v.digits.assign(digits, digits + ndigits);
  for (auto d : v.digits) {
    if (d > 9) return PGTYPES_NUM_BAD_NUMERIC;
  }
  v.weight = weight;
  v.rscale = rscale;
  v.dscale = dscale;
  out = std::move(v);
  return 0;
}

}  // namespace

int numeric_from_struct(const numeric *src, NumericValue &out) {
  if (src == nullptr) return PGTYPES_NUM_BAD_NUMERIC;
  return read_fields(src->ndigits, src->weight, src->rscale, src->dscale, src->sign,
                     src->digits, out);
}

int numeric_from_struct(const decimal *src, NumericValue &out) {
  if (src == nullptr || src->ndigits > DECSIZE) return PGTYPES_NUM_BAD_NUMERIC;
  return read_fields(src->ndigits, src->weight, src->rscale, src->dscale, src->sign,
                     src->digits, out);
}

int numeric_to_struct(const NumericValue &v, numeric *dst) {
  // One spare leading byte, as ECPG allocates, for callers that round in place.
  auto *buf = static_cast<NumericDigit *>(std::malloc(v.digits.size() + 1));
  if (buf == nullptr) return -1;
  buf[0] = 0;
  if (!v.digits.empty()) std::memcpy(buf + 1, v.digits.data(), v.digits.size());
  std::free(dst->buf);
  dst->buf = buf;
  dst->digits = buf + 1;
  dst->ndigits = static_cast<int>(v.digits.size());
  dst->weight = v.weight;
  dst->rscale = v.rscale;
  dst->dscale = v.dscale;
  dst->sign = v.sign;
  return 0;
}

int decimal_from_value(const NumericValue &v, decimal *dst) {
  if (v.digits.size() > DECSIZE) return PGTYPES_NUM_OVERFLOW;
  if (dst == nullptr) return PGTYPES_NUM_BAD_NUMERIC;
  dst->ndigits = static_cast<int>(v.digits.size());
  dst->weight = v.weight;
  dst->rscale = v.rscale;
  dst->dscale = v.dscale;
  dst->sign = v.sign;
  if (!v.digits.empty()) std::memcpy(dst->digits, v.digits.data(), v.digits.size());
  return 0;
}

numeric *numeric_alloc() {
  auto *n = static_cast<numeric *>(std::calloc(1, sizeof(numeric)));
  if (n == nullptr) return nullptr;
  if (numeric_to_struct(NumericValue{}, n) != 0) {
    std::free(n);
    return nullptr;
  }
  return n;
}

}  // namespace pgesql::types
