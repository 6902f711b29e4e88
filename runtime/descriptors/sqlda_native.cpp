#include "descriptors/sqlda_native.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "exec/host_var.hpp"
#include "pgesql/pgesql.h"
#include "pgtypes_date.h"
#include "pgtypes_interval.h"
#include "pgtypes_numeric.h"
#include "pgtypes_timestamp.h"
#include "sqlda-native.h"

namespace pgesql::descriptors {
namespace {

// sqlind of every sqlvar points at one of these, as in ECPG.
short value_is_null = -1;
short value_is_not_null = 0;

// ECPG's host type for a column type in an SQLDA (int8 as long on LP64).
int sqlda_type(std::uint32_t oid, bool informix) {
  switch (oid) {
    case 21: return PGESQL_T_SHORT;
    case 23: return PGESQL_T_INT;
    case 20: return PGESQL_T_LONG;
    case 700: return PGESQL_T_FLOAT;
    case 701: return PGESQL_T_DOUBLE;
    case 1700: return informix ? PGESQL_T_DECIMAL : PGESQL_T_NUMERIC;
    case 1082: return PGESQL_T_DATE;
    case 1114: case 1184: return PGESQL_T_TIMESTAMP;
    case 1186: return PGESQL_T_INTERVAL;
    default: return PGESQL_T_CHAR;
  }
}

long align(long offset, long alignment) { return offset % alignment ? offset + alignment - offset % alignment : offset; }

// Alignment and size of a value slot; strings take their text plus NUL.
void slot_of(int type, const std::optional<std::string> &field, long &alignment, long &size) {
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

long header_size(std::size_t ncols) {
  long n = static_cast<long>(ncols);
  return align(static_cast<long>(sizeof(sqlda_struct)) + (n > 0 ? n - 1 : 0) * static_cast<long>(sizeof(sqlvar_struct)),
               sizeof(int));
}

// Digits of a numeric field, stored after its struct in the block.
long numeric_digits_size(const std::optional<std::string> &field) {
  if (!field) return 0;
  numeric *n = PGTYPESnumeric_from_asc(const_cast<char *>(field->c_str()), nullptr);
  if (n == nullptr) return 0;
  long size = n->buf ? static_cast<long>(n->digits - n->buf) + n->ndigits : 0;
  PGTYPESnumeric_free(n);
  return size;
}

sqlda_struct *build_row(const exec::store_options &opt, const exec::query_result &r, long row, bool &ok) {
  std::size_t ncols = r.columns.size();
  static const std::optional<std::string> no_field;
  auto field = [&](std::size_t col) -> const std::optional<std::string> & {
    return row < 0 ? no_field : r.field(static_cast<std::size_t>(row), col);
  };
  // first pass: the block's size
  long size = header_size(ncols);
  if (row >= 0) {
    for (std::size_t col = 0; col < ncols; ++col) {
      int type = sqlda_type(r.columns[col].type_oid, opt.informix);
      long alignment, slot;
      slot_of(type, field(col), alignment, slot);
      size = align(size, alignment) + slot;
      if (type == PGESQL_T_NUMERIC) {
        long digits = numeric_digits_size(field(col));
        if (digits) size = align(size, sizeof(int)) + digits;
      }
    }
  }
  auto *sqlda = static_cast<sqlda_struct *>(std::calloc(1, static_cast<std::size_t>(size)));
  if (sqlda == nullptr) {
    diag::raise_error(opt.line, ECPG_OUT_OF_MEMORY, diag::sqlstate::out_of_memory);
    ok = false;
    return nullptr;
  }
  std::memcpy(sqlda->sqldaid, "SQLDA  ", 8);
  sqlda->sqld = sqlda->sqln = static_cast<short>(ncols);
  sqlda->sqldabc = static_cast<long>(sizeof(sqlda_struct)) +
                   (ncols > 0 ? static_cast<long>(ncols) - 1 : 0) * static_cast<long>(sizeof(sqlvar_struct));
  diag::log("ecpg_build_native_sqlda on line %d sqld = %d\n", opt.line, sqlda->sqld);
  char *base = reinterpret_cast<char *>(sqlda);
  long offset = header_size(ncols);
  for (std::size_t col = 0; col < ncols; ++col) {
    sqlvar_struct &v = sqlda->sqlvar[col];
    v.sqltype = static_cast<short>(sqlda_type(r.columns[col].type_oid, opt.informix));
    const std::string &name = r.columns[col].name;
    std::size_t n = name.size() < NAMEDATALEN - 1 ? name.size() : NAMEDATALEN - 1;
    v.sqlname.length = static_cast<short>(n);
    std::memcpy(v.sqlname.data, name.data(), n);
    if (row < 0) continue;
    const std::optional<std::string> &f = field(col);
    long alignment, slot;
    slot_of(v.sqltype, f, alignment, slot);
    offset = align(offset, alignment);
    v.sqldata = base + offset;
    v.sqllen = static_cast<short>(slot);
    offset += slot;
    v.sqlind = f ? &value_is_not_null : &value_is_null;
    diag::log("ecpg_set_native_sqlda on line %d row %ld col %zu %s\n", opt.line, row, col,
              f ? "IS NOT NULL" : "IS NULL");
    if (v.sqltype == PGESQL_T_NUMERIC) {
      numeric *num = f ? PGTYPESnumeric_from_asc(const_cast<char *>(f->c_str()), nullptr) : nullptr;
      if (num == nullptr) {
        ECPGset_noind_null(ECPGt_numeric, v.sqldata);
        continue;
      }
      std::memcpy(v.sqldata, num, sizeof(numeric));
      if (num->buf) {
        long digits = static_cast<long>(num->digits - num->buf) + num->ndigits;
        offset = align(offset, sizeof(int));
        std::memcpy(base + offset, num->buf, static_cast<std::size_t>(digits));
        auto *stored = reinterpret_cast<numeric *>(v.sqldata);
        stored->buf = reinterpret_cast<NumericDigit *>(base + offset);
        stored->digits = stored->buf + (num->digits - num->buf);
        offset += digits;
      }
      PGTYPESnumeric_free(num);
      continue;
    }
    if (!f) continue;
    exec::field_value fv{f->c_str(), static_cast<int>(f->size()), false, r.columns[col].binary};
    if (!exec::store_value(opt, v.sqltype, PGESQL_T_NO_INDICATOR, v.sqldata, nullptr, 0, 0, 0, 1, 0, fv,
                           exec::array_kind::none)) {
      ok = false;
      return sqlda;
    }
  }
  return sqlda;
}

void free_chain(sqlda_struct *s) {
  while (s != nullptr) {
    sqlda_struct *next = s->desc_next;
    std::free(s);
    s = next;
  }
}

}  // namespace

bool store_native_sqlda(const exec::store_options &opt, const exec::query_result &r, bool describe,
                        sqlda_struct **target) {
  free_chain(*target);
  *target = nullptr;
  bool ok = true;
  if (describe) {
    *target = build_row(opt, r, -1, ok);
    return ok;
  }
  sqlda_struct *chain = nullptr;
  for (long row = static_cast<long>(r.row_count) - 1; row >= 0 && ok; --row) {
    sqlda_struct *s = build_row(opt, r, row, ok);
    if (s == nullptr) break;
    s->desc_next = chain;
    chain = s;
    diag::log("ecpg_process_output on line %d: putting result (1 tuple %zu fields) into sqlda descriptor\n", opt.line,
              r.columns.size());
  }
  *target = chain;
  return ok;
}

bool native_sqlda_params(const exec::store_options &opt, const sqlda_struct *sqlda,
                         std::vector<exec::param_value> &params) {
  if (sqlda == nullptr) return false;
  for (int i = 0; i < sqlda->sqln; ++i) {  // native input counts sqln, as ECPG does
    const sqlvar_struct &v = sqlda->sqlvar[i];
    pgesql_var pv{};
    pv.type = v.sqltype;
    pv.addr = v.sqldata;
    bool is_char = v.sqltype == PGESQL_T_CHAR || v.sqltype == PGESQL_T_VARCHAR;
    pv.size = 1;
    if (is_char && v.sqldata && std::strlen(v.sqldata) > 0) pv.size = static_cast<long>(std::strlen(v.sqldata));
    pv.count = 1;
    pv.stride = 0;
    pv.ind_type = PGESQL_T_NO_INDICATOR;
    short ind = 0;
    if (v.sqlind != nullptr) {
      ind = *v.sqlind ? -1 : 0;  // any non-zero indicator means NULL here
      pv.ind_type = PGESQL_T_SHORT;
      pv.ind_addr = &ind;
      pv.ind_size = pv.ind_count = 1;
    }
    exec::param_value p;
    if (!exec::format_param(opt, exec::resolve(pv), p)) return false;
    params.push_back(std::move(p));
  }
  return true;
}

}  // namespace pgesql::descriptors
