// numeric/decimal/date/timestamp/interval host variables through the pgtypes
// library's text conversions (runtime/types/wire_text).
#include "exec/pgtypes_bridge.hpp"

#include <cstring>

#include "pgesql/pgesql.h"
#include "types/wire_text.hpp"

namespace pgesql::exec {

pgtypes_status pgtypes_from_text(int type, const char *text, const char **end, void *dest) {
  std::string_view value(text);
  *end = text;
  // an element that has no variable to go to (beyond a C array's end) is only skipped
  if (dest == nullptr) {
    *end = text + value.size();
    return pgtypes_status::ok;
  }
  int err;
  switch (type) {
    case PGESQL_T_NUMERIC: err = types::wire::numeric_from_text(value, static_cast<numeric *>(dest)); break;
    case PGESQL_T_DECIMAL: err = types::wire::decimal_from_text(value, static_cast<decimal *>(dest)); break;
    case PGESQL_T_DATE: err = types::wire::date_from_text(value, static_cast<date *>(dest)); break;
    case PGESQL_T_TIMESTAMP: err = types::wire::timestamp_from_text(value, static_cast<timestamp *>(dest)); break;
    case PGESQL_T_INTERVAL: err = types::wire::interval_from_text(value, static_cast<interval *>(dest)); break;
    default: return pgtypes_status::unsupported;
  }
  if (err != 0) return pgtypes_status::bad_format;
  *end = text + value.size();
  return pgtypes_status::ok;
}

pgtypes_status pgtypes_to_text(int type, const void *src, std::string &out) {
  int err;
  switch (type) {
    case PGESQL_T_NUMERIC: err = types::wire::numeric_to_text(static_cast<const numeric *>(src), out); break;
    case PGESQL_T_DECIMAL: err = types::wire::decimal_to_text(static_cast<const decimal *>(src), out); break;
    case PGESQL_T_DATE: err = types::wire::date_to_text(*static_cast<const date *>(src), out); break;
    case PGESQL_T_TIMESTAMP: err = types::wire::timestamp_to_text(*static_cast<const timestamp *>(src), out); break;
    case PGESQL_T_INTERVAL: err = types::wire::interval_to_text(static_cast<const interval *>(src), out); break;
    default: return pgtypes_status::unsupported;
  }
  return err == 0 ? pgtypes_status::ok : pgtypes_status::bad_format;
}

}  // namespace pgesql::exec
