#include "descriptors/sqlda_compat.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "descriptors/sqlda_values.hpp"
#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "pgesql/pgesql.h"
#include "sqlda-compat.h"

namespace pgesql::descriptors {
namespace {

// sqlind of every sqlvar points at one of these, as in ECPG.
short value_is_null = -1;
short value_is_not_null = 0;

// Values longer than this are also reachable through sqlilongdata, as Informix's large text.
constexpr long long_data_threshold = 32768;

// The header, the sqlvar array and the column names, up to where values start.
long header_size(const values::query_result &r) {
  long size = static_cast<long>(sizeof(sqlda_compat) + r.columns.size() * sizeof(sqlvar_compat));
  for (const values::column_info &c : r.columns) size += static_cast<long>(c.name.size() + 1);
  return sqlda_align(size, sizeof(int));
}

// One block: metadata for every column, then (unless row < 0) that row's values.
sqlda_compat *build_row(const values::store_options &opt, const values::query_result &r, long row, bool &ok) {
  std::size_t ncols = r.columns.size();
  long size = header_size(r);
  if (row >= 0) size = sqlda_values_end(opt, r, static_cast<std::size_t>(row), size);
  auto *sqlda = static_cast<sqlda_compat *>(std::calloc(1, static_cast<std::size_t>(size)));
  if (sqlda == nullptr) {
    diag::raise_error(opt.line, ECPG_OUT_OF_MEMORY, diag::sqlstate::out_of_memory);
    ok = false;
    return nullptr;
  }
  auto *vars = reinterpret_cast<sqlvar_compat *>(sqlda + 1);
  char *names = reinterpret_cast<char *>(vars + ncols);
  sqlda->sqld = static_cast<short>(ncols);
  sqlda->sqlvar = vars;
  sqlda->desc_occ = static_cast<short>(size);  // ECPG keeps the block's size here
  diag::log("ecpg_build_compat_sqlda on line %d sqld = %d\n", opt.line, sqlda->sqld);
  for (std::size_t col = 0; col < ncols; ++col) {
    const values::column_info &c = r.columns[col];
    sqlvar_compat &v = vars[col];
    v.sqltype = static_cast<short>(sqlda_column_type(c.type_oid, opt.informix));
    std::memcpy(names, c.name.c_str(), c.name.size() + 1);
    v.sqlname = names;
    names += c.name.size() + 1;
    v.sqlxid = static_cast<int>(c.type_oid);
    v.sqltypelen = c.type_size;
  }
  if (row < 0) return sqlda;
  std::vector<sqlda_slot> slots;
  ok = sqlda_place_values(opt, r, static_cast<std::size_t>(row), reinterpret_cast<char *>(sqlda), header_size(r), true,
                          "compat", slots);
  for (std::size_t col = 0; col < slots.size(); ++col) {
    sqlvar_compat &v = vars[col];
    v.sqldata = slots[col].data;
    v.sqllen = static_cast<int>(slots[col].length);
    v.sqlind = slots[col].is_null ? &value_is_null : &value_is_not_null;
    v.sqlitype = PGESQL_T_SHORT;
    v.sqlilen = sizeof(short);
    if (v.sqltype == PGESQL_T_CHAR && v.sqllen > long_data_threshold) v.sqlilongdata = v.sqldata;
  }
  return sqlda;
}

void free_chain(sqlda_compat *s) {
  while (s != nullptr) {
    sqlda_compat *next = s->desc_next;
    std::free(s);
    s = next;
  }
}

}  // namespace

bool store_compat_sqlda(const values::store_options &opt, const values::query_result &r, bool describe,
                        sqlda_compat **target) {
  if (describe) {
    bool ok = true;
    sqlda_compat *d = build_row(opt, r, -1, ok);
    if (d == nullptr) return false;  // the old chain stays, as in ECPG
    free_chain(*target);
    *target = d;
    return ok;
  }
  free_chain(*target);
  *target = nullptr;
  bool ok = true;
  sqlda_compat *chain = nullptr;
  for (long row = static_cast<long>(r.row_count) - 1; row >= 0 && ok; --row) {
    sqlda_compat *s = build_row(opt, r, row, ok);
    if (s == nullptr) {
      free_chain(chain);
      chain = nullptr;
      break;
    }
    s->desc_next = chain;
    chain = s;
    diag::log("ecpg_process_output on line %d: putting result (1 tuple %zu fields) into sqlda descriptor\n", opt.line,
              r.columns.size());
  }
  *target = chain;
  return ok;
}

bool compat_sqlda_params(const values::store_options &opt, const sqlda_compat *sqlda,
                         std::vector<values::param_value> &params) {
  if (sqlda == nullptr) return false;
  for (int i = 0; i < sqlda->sqld; ++i) {  // Informix input counts sqld
    const sqlvar_compat &v = sqlda->sqlvar[i];
    values::param_value p;
    if (!sqlda_param(opt, v.sqltype, v.sqldata, v.sqlind, p)) return false;
    params.push_back(std::move(p));
  }
  return true;
}

}  // namespace pgesql::descriptors
