// Host variables of the pgtypes types, through runtime/types' wire text
// conversions: a value the type cannot hold is bad_format (ECPG's
// ECPG_*_FORMAT errors), never a silent partial store.
#include "values/pgtypes_bridge.hpp"

#include <cstring>
#include <string_view>

#include <pgesql/pgesql.h>

#include "types/wire_text.hpp"

namespace pgesql::values {
namespace {

// Parses into a scratch value when the caller only validates (dest null).
template <typename T, typename Parse>
int parse_into(Parse parse, std::string_view text, void *dest) {
  if (dest != nullptr) return parse(text, static_cast<T *>(dest));
  T scratch{};
  return parse(text, &scratch);
}

}  // namespace

pgtypes_status pgtypes_from_text(int type, const char *text, const char **end, void *dest) {
  std::string_view value(text);
  int err = 0;
  switch (type) {
    case PGESQL_T_NUMERIC:
      if (dest != nullptr) {
        err = types::wire::numeric_from_text(value, static_cast<numeric *>(dest));
      } else {
        numeric *scratch = PGTYPESnumeric_new();
        err = types::wire::numeric_from_text(value, scratch);
        PGTYPESnumeric_free(scratch);
      }
      break;
    case PGESQL_T_DECIMAL: err = parse_into<decimal>(types::wire::decimal_from_text, value, dest); break;
    case PGESQL_T_DATE: err = parse_into<date>(types::wire::date_from_text, value, dest); break;
    case PGESQL_T_TIMESTAMP: err = parse_into<timestamp>(types::wire::timestamp_from_text, value, dest); break;
    case PGESQL_T_INTERVAL: err = parse_into<interval>(types::wire::interval_from_text, value, dest); break;
    default:
      *end = text;
      return pgtypes_status::unsupported;
  }
  // The whole element is one value: parsed completely or not at all.
  *end = err == 0 ? text + value.size() : text;
  return err == 0 ? pgtypes_status::ok : pgtypes_status::bad_format;
}

pgtypes_status pgtypes_to_text(int type, const void *src, std::string &out) {
  int err = 0;
  switch (type) {
    case PGESQL_T_NUMERIC: err = types::wire::numeric_to_text(static_cast<const numeric *>(src), out); break;
    case PGESQL_T_DECIMAL: {
      // A decimal marked NULL by rsetnull but sent as a value (no -r no_indicator)
      // goes out as its digits, unsigned, as ECPG sends it.
      decimal value = *static_cast<const decimal *>(src);
      if (value.sign == NUMERIC_NULL) value.sign = NUMERIC_POS;
      err = types::wire::decimal_to_text(&value, out);
      break;
    }
    case PGESQL_T_DATE: err = types::wire::date_to_text(*static_cast<const date *>(src), out); break;
    case PGESQL_T_TIMESTAMP: err = types::wire::timestamp_to_text(*static_cast<const timestamp *>(src), out); break;
    case PGESQL_T_INTERVAL: err = types::wire::interval_to_text(static_cast<const interval *>(src), out); break;
    default: return pgtypes_status::unsupported;
  }
  return err == 0 ? pgtypes_status::ok : pgtypes_status::bad_format;
}

}  // namespace pgesql::values
