// Moving values between ECPG's public numeric/decimal structs and NumericValue.
#pragma once

#include "types/numeric_value.hpp"

namespace pgesql::types {

// Reads a caller's struct, checking every field so a corrupt or
// uninitialised struct is an error (PGTYPES_NUM_BAD_NUMERIC), never UB.
int numeric_from_struct(const numeric *src, NumericValue &out);
int numeric_from_struct(const decimal *src, NumericValue &out);

// Replaces dst's contents (frees its old digit buffer). Returns 0, or -1
// when memory runs out (dst unchanged).
int numeric_to_struct(const NumericValue &v, numeric *dst);

// Fills a decimal (fixed DECSIZE digits): PGTYPES_NUM_OVERFLOW when v has more digits,
// PGTYPES_NUM_BAD_NUMERIC for a null dst; 0 when stored.
int decimal_from_value(const NumericValue &v, decimal *dst);

// A fresh zero numeric whose digit buffer is allocated with malloc.
numeric *numeric_alloc();

}  // namespace pgesql::types
