#include "descriptors/sqlda_native.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "descriptors/sqlda_values.hpp"
#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "sqlda-native.h"

namespace pgesql::descriptors {
namespace {

// sqlind of every sqlvar points at one of these, as in ECPG.
short value_is_null = -1;
short value_is_not_null = 0;

long header_size(std::size_t ncols) {
  long n = static_cast<long>(ncols);
  return sqlda_align(static_cast<long>(sizeof(sqlda_struct)) + (n > 0 ? n - 1 : 0) * static_cast<long>(sizeof(sqlvar_struct)),
                     sizeof(int));
}

// One block: the header with a sqlvar per column, then (unless row < 0) that row's values.
sqlda_struct *build_row(const values::store_options &opt, const values::query_result &r, long row, bool &ok) {
  std::size_t ncols = r.columns.size();
  long size = header_size(ncols);
  if (row >= 0) size = sqlda_values_end(opt, r, static_cast<std::size_t>(row), size);
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
  for (std::size_t col = 0; col < ncols; ++col) {
    sqlvar_struct &v = sqlda->sqlvar[col];
    v.sqltype = static_cast<short>(sqlda_column_type(r.columns[col].type_oid, opt.informix));
    const std::string &name = r.columns[col].name;
    std::size_t n = name.size() < NAMEDATALEN - 1 ? name.size() : NAMEDATALEN - 1;
    v.sqlname.length = static_cast<short>(n);
    std::memcpy(v.sqlname.data, name.data(), n);
  }
  if (row < 0) return sqlda;
  std::vector<sqlda_slot> slots;
  ok = sqlda_place_values(opt, r, static_cast<std::size_t>(row), reinterpret_cast<char *>(sqlda), header_size(ncols),
                          false, "native", slots);
  for (std::size_t col = 0; col < slots.size(); ++col) {
    sqlvar_struct &v = sqlda->sqlvar[col];
    v.sqldata = slots[col].data;
    v.sqllen = static_cast<short>(slots[col].length);
    v.sqlind = slots[col].is_null ? &value_is_null : &value_is_not_null;
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

bool store_native_sqlda(const values::store_options &opt, const values::query_result &r, bool describe,
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

bool native_sqlda_params(const values::store_options &opt, const sqlda_struct *sqlda,
                         std::vector<values::param_value> &params) {
  if (sqlda == nullptr) return false;
  for (int i = 0; i < sqlda->sqln; ++i) {  // native input counts sqln, as ECPG does
    const sqlvar_struct &v = sqlda->sqlvar[i];
    values::param_value p;
    if (!sqlda_param(opt, v.sqltype, v.sqldata, v.sqlind, p)) return false;
    params.push_back(std::move(p));
  }
  return true;
}

}  // namespace pgesql::descriptors
