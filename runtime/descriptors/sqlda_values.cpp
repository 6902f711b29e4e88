#include "descriptors/sqlda_values.hpp"

#include <cstring>
#include <optional>
#include <string>

#include "diag/debug_log.hpp"
#include "ecpglib.h"
#include "pgesql/pgesql.h"
#include "pgtypes_date.h"
#include "pgtypes_interval.h"
#include "pgtypes_numeric.h"
#include "pgtypes_timestamp.h"
#include "values/host_var.hpp"
#include "values/type_oids.hpp"

namespace pgesql::descriptors {
namespace {

namespace oid_of = values::type_oid;

// Alignment and size of a value slot; strings take their text plus NUL.
void slot_of(int type, const values::result_fields::value &field, long &alignment, long &size) {
  switch (type) {
    case PGESQL_T_SHORT: alignment = size = sizeof(short); return;
    case PGESQL_T_INT: alignment = size = sizeof(int); return;
    case PGESQL_T_LONG: alignment = size = sizeof(long); return;
    case PGESQL_T_FLOAT: alignment = size = sizeof(float); return;
    case PGESQL_T_DOUBLE: alignment = size = sizeof(double); return;
    case PGESQL_T_DECIMAL: alignment = sizeof(int); size = sizeof(decimal); return;
    case PGESQL_T_NUMERIC: alignment = sizeof(NumericDigit *); size = sizeof(numeric); return;
    case PGESQL_T_DATE: alignment = size = sizeof(date); return;
    case PGESQL_T_TIMESTAMP: alignment = sizeof(std::int64_t); size = sizeof(timestamp); return;
    case PGESQL_T_INTERVAL: alignment = sizeof(std::int64_t); size = sizeof(interval); return;
    default: alignment = sizeof(int); size = static_cast<long>((field ? field->size() : 0) + 1); return;
  }
}

// Digits of a numeric field, stored after its struct in the block.
long numeric_digits_size(const values::result_fields::value &field) {
  if (!field) return 0;
  numeric *n = PGTYPESnumeric_from_asc(const_cast<char *>(field->data()), nullptr);
  if (n == nullptr) return 0;
  long size = n->buf ? static_cast<long>(n->digits - n->buf) + n->ndigits : 0;
  PGTYPESnumeric_free(n);
  return size;
}

// A numeric value and its digits copied into the block; the digits follow at `offset`.
void place_numeric(const values::result_fields::value &f, char *base, char *data, long &offset) {
  numeric *num = f ? PGTYPESnumeric_from_asc(const_cast<char *>(f->data()), nullptr) : nullptr;
  if (num == nullptr) {
    ECPGset_noind_null(ECPGt_numeric, data);
    return;
  }
  std::memcpy(data, num, sizeof(numeric));
  if (num->buf) {
    long digits = static_cast<long>(num->digits - num->buf) + num->ndigits;
    offset = sqlda_align(offset, sizeof(int));
    std::memcpy(base + offset, num->buf, static_cast<std::size_t>(digits));
    auto *stored = reinterpret_cast<numeric *>(data);
    stored->buf = reinterpret_cast<NumericDigit *>(base + offset);
    stored->digits = stored->buf + (num->digits - num->buf);
    offset += digits;
  }
  PGTYPESnumeric_free(num);
}

}  // namespace

int sqlda_column_type(std::uint32_t oid, bool informix) {
  switch (oid) {
    case oid_of::int2: return PGESQL_T_SHORT;
    case oid_of::int4: return PGESQL_T_INT;
    case oid_of::int8: return PGESQL_T_LONG;
    case oid_of::float4: return PGESQL_T_FLOAT;
    case oid_of::float8: return PGESQL_T_DOUBLE;
    case oid_of::numeric: return informix ? PGESQL_T_DECIMAL : PGESQL_T_NUMERIC;
    case oid_of::date: return PGESQL_T_DATE;
    case oid_of::timestamp: case oid_of::timestamptz: return PGESQL_T_TIMESTAMP;
    case oid_of::interval: return PGESQL_T_INTERVAL;
    default: return PGESQL_T_CHAR;
  }
}

long sqlda_align(long offset, long alignment) {
  return offset % alignment ? offset + alignment - offset % alignment : offset;
}

long sqlda_values_end(const values::store_options &opt, const values::query_result &r, std::size_t row, long offset) {
  for (std::size_t col = 0; col < r.columns.size(); ++col) {
    int type = sqlda_column_type(r.columns[col].type_oid, opt.informix);
    const values::result_fields::value f = r.field(row, col);
    long alignment, slot;
    slot_of(type, f, alignment, slot);
    offset = sqlda_align(offset, alignment) + slot;
    if (type == PGESQL_T_NUMERIC) {
      long digits = numeric_digits_size(f);
      if (digits) offset = sqlda_align(offset, sizeof(int)) + digits;
    }
  }
  return offset;
}

bool sqlda_place_values(const values::store_options &opt, const values::query_result &r, std::size_t row, char *base,
                        long offset, bool mark_nulls, const char *layout, std::vector<sqlda_slot> &slots) {
  slots.assign(r.columns.size(), sqlda_slot{});
  for (std::size_t col = 0; col < r.columns.size(); ++col) {
    int type = sqlda_column_type(r.columns[col].type_oid, opt.informix);
    const values::result_fields::value f = r.field(row, col);
    long alignment, size;
    slot_of(type, f, alignment, size);
    offset = sqlda_align(offset, alignment);
    sqlda_slot &slot = slots[col];
    slot.data = base + offset;
    slot.length = size;
    slot.is_null = !f;
    offset += size;
    diag::log("ecpg_set_%s_sqlda on line %d row %zu col %zu %s\n", layout, opt.line, row, col,
              f ? "IS NOT NULL" : "IS NULL");
    if (type == PGESQL_T_NUMERIC) {
      place_numeric(f, base, slot.data, offset);
      continue;
    }
    if (!f) {
      if (mark_nulls) ECPGset_noind_null(static_cast<ECPGttype>(type), slot.data);
      continue;
    }
    values::field_value fv{f->data(), static_cast<int>(f->size()), false, r.columns[col].binary};
    if (!values::store_value(opt, type, PGESQL_T_NO_INDICATOR, slot.data, nullptr, 0, 0, 0, 1, 0, fv,
                           values::array_kind::none))
      return false;
  }
  return true;
}

bool sqlda_param(const values::store_options &opt, int type, const char *data, const short *ind,
                 values::param_value &out) {
  pgesql_var pv{};
  pv.type = type;
  pv.addr = const_cast<char *>(data);
  bool is_char = type == PGESQL_T_CHAR || type == PGESQL_T_VARCHAR;
  pv.size = 1;
  if (is_char && data && std::strlen(data) > 0) pv.size = static_cast<long>(std::strlen(data));
  pv.count = 1;
  pv.stride = 0;
  pv.ind_type = PGESQL_T_NO_INDICATOR;
  short null_mark = 0;
  if (ind != nullptr) {
    null_mark = *ind ? -1 : 0;  // any non-zero indicator means NULL here
    pv.ind_type = PGESQL_T_SHORT;
    pv.ind_addr = &null_mark;
    pv.ind_size = pv.ind_count = 1;
  }
  return values::format_param(opt, values::resolve(pv), out);
}

}  // namespace pgesql::descriptors
