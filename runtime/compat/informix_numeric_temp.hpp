// A temporary pgtypes numeric that the Informix decimal functions compute
// in: decimals are converted in, the pgtypes operation runs, the result is
// converted back.
#pragma once

#include <memory>

#include "pgtypes_numeric.h"

namespace pgesql::compat {

struct NumericDeleter {
  void operator()(numeric *n) const { PGTYPESnumeric_free(n); }
};
using NumericPtr = std::unique_ptr<numeric, NumericDeleter>;

// A new numeric holding the decimal's value; null when allocation or the
// conversion fails.
NumericPtr numeric_from(decimal *value);

}  // namespace pgesql::compat
