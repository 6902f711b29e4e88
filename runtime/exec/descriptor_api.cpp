// ALLOCATE/DEALLOCATE/GET/SET DESCRIPTOR: the C ABI over the descriptor store,
// with ECPG's item rules (numeric items into numeric variables, NAME into
// character variables, DATA and INDICATOR one element per row).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "descriptors/descriptor_store.hpp"
#include "diag/auto_memory.hpp"
#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "exec/abi_guard.hpp"
#include "exec/statement_context.hpp"
#include "exec/value_vocabulary.hpp"
#include "sql3types.h"
#include "values/type_oids.hpp"

namespace pgesql::descriptors {
namespace {

namespace oid_of = values::type_oid;

constexpr int varhdrsz = 4;  // the server's typmod offset for length-limited types

int sql3_datetime_code(std::uint32_t oid) {
  switch (oid) {
    case oid_of::date: return SQL3_DDT_DATE;
    case oid_of::time: return SQL3_DDT_TIME;
    case oid_of::timestamp: return SQL3_DDT_TIMESTAMP;
    case oid_of::timestamptz: return SQL3_DDT_TIMESTAMP_WITH_TIME_ZONE;
    case oid_of::timetz: return SQL3_DDT_TIME_WITH_TIME_ZONE;
    default: return SQL3_DDT_ILLEGAL;
  }
}

// An integer item into a numeric host variable.
bool put_int(int line, int type, void *var, long value) {
  switch (type) {
    case PGESQL_T_SHORT: *static_cast<short *>(var) = static_cast<short>(value); break;
    case PGESQL_T_INT: *static_cast<int *>(var) = static_cast<int>(value); break;
    case PGESQL_T_LONG: *static_cast<long *>(var) = value; break;
    case PGESQL_T_UNSIGNED_SHORT: *static_cast<unsigned short *>(var) = static_cast<unsigned short>(value); break;
    case PGESQL_T_UNSIGNED_INT: *static_cast<unsigned int *>(var) = static_cast<unsigned int>(value); break;
    case PGESQL_T_UNSIGNED_LONG: *static_cast<unsigned long *>(var) = static_cast<unsigned long>(value); break;
    case PGESQL_T_LONG_LONG: *static_cast<long long *>(var) = value; break;
    case PGESQL_T_UNSIGNED_LONG_LONG:
      *static_cast<unsigned long long *>(var) = static_cast<unsigned long long>(value);
      break;
    case PGESQL_T_FLOAT: *static_cast<float *>(var) = static_cast<float>(value); break;
    case PGESQL_T_DOUBLE: *static_cast<double *>(var) = static_cast<double>(value); break;
    default:
      diag::raise_error(line, ECPG_VAR_NOT_NUMERIC, diag::sqlstate::restricted_data_type_attribute);
      return false;
  }
  return true;
}

// An integer from a numeric host variable (or a literal).
bool take_int(int line, const pgesql_var &v, int &out) {
  const void *p = v.addr;
  switch (v.type) {
    case PGESQL_T_SHORT: out = *static_cast<const short *>(p); break;
    case PGESQL_T_INT: out = *static_cast<const int *>(p); break;
    case PGESQL_T_LONG: out = static_cast<int>(*static_cast<const long *>(p)); break;
    case PGESQL_T_UNSIGNED_SHORT: out = *static_cast<const unsigned short *>(p); break;
    case PGESQL_T_UNSIGNED_INT: out = static_cast<int>(*static_cast<const unsigned int *>(p)); break;
    case PGESQL_T_UNSIGNED_LONG: out = static_cast<int>(*static_cast<const unsigned long *>(p)); break;
    case PGESQL_T_LONG_LONG: out = static_cast<int>(*static_cast<const long long *>(p)); break;
    case PGESQL_T_UNSIGNED_LONG_LONG: out = static_cast<int>(*static_cast<const unsigned long long *>(p)); break;
    case PGESQL_T_FLOAT: out = static_cast<int>(*static_cast<const float *>(p)); break;
    case PGESQL_T_DOUBLE: out = static_cast<int>(*static_cast<const double *>(p)); break;
    case PGESQL_T_CONST: out = std::atoi(static_cast<const char *>(p)); break;
    default:
      diag::raise_error(line, ECPG_VAR_NOT_NUMERIC, diag::sqlstate::restricted_data_type_attribute);
      return false;
  }
  return true;
}

// A text item (NAME) into a character host variable.
bool put_text(int line, const pgesql_var &v, const std::string &text) {
  exec::host_var h = exec::resolve(v);
  switch (v.type) {
    case PGESQL_T_CHAR: case PGESQL_T_UNSIGNED_CHAR: case PGESQL_T_STRING:
      if (h.value == nullptr) return true;
      std::strncpy(h.value, text.c_str(), static_cast<std::size_t>(h.varcharsize));
      return true;
    case PGESQL_T_VARCHAR: {
      auto *vc = reinterpret_cast<exec::varchar_header *>(h.value);
      std::size_t n = text.size();
      if (h.varcharsize > 0 && n > static_cast<std::size_t>(h.varcharsize)) n = static_cast<std::size_t>(h.varcharsize);
      vc->len = static_cast<int>(n);
      std::memcpy(vc->arr, text.data(), n);
      return true;
    }
    default:
      diag::raise_error(line, ECPG_VAR_NOT_CHAR, diag::sqlstate::restricted_data_type_attribute);
      return false;
  }
}

std::string item_code(int item) { return std::to_string(item); }

// Per-row integers (RETURNED_LENGTH, INDICATOR) into an array or a pointer the runtime allocates.
bool put_per_row(int line, int type, void *addr, long count, long stride, const std::vector<long> &values) {
  std::size_t rows = values.size();
  if (count > 0 && rows > static_cast<std::size_t>(count)) {
    diag::raise_error(line, ECPG_TOO_MANY_MATCHES, diag::sqlstate::cardinality_violation);
    return false;
  }
  char *p = static_cast<char *>(addr);
  if (count == 0) {
    char **where = reinterpret_cast<char **>(addr);
    if (*where == nullptr) {
      *where = static_cast<char *>(diag::auto_allocate((rows ? rows : 1) * static_cast<std::size_t>(stride)));
    }
    p = *where;
  }
  for (long v : values) {
    if (!put_int(line, type, p, v)) return false;
    p += stride;
  }
  return true;
}

bool get_items(int line, const sql_descriptor &d, int index, std::span<const pgesql_desc_item> items) {
  const exec::query_result &r = *d.result;
  if (index < 1 || static_cast<std::size_t>(index) > r.columns.size()) {
    diag::raise_error(line, ECPG_INVALID_DESCRIPTOR_INDEX, diag::sqlstate::invalid_descriptor_index);
    return false;
  }
  std::size_t col = static_cast<std::size_t>(index - 1);
  const exec::column_info &c = r.columns[col];
  std::size_t rows = r.row_count;
  diag::log("ECPGget_desc: reading items for tuple %d\n", index);
  const pgesql_var *data = nullptr;
  const pgesql_var *indicator = nullptr;
  for (const pgesql_desc_item &it : items) {
    const pgesql_var &v = it.var;
    bool ok = true;
    switch (it.item) {
      case PGESQL_D_DATA: case PGESQL_D_INDICATOR: case PGESQL_D_RET_LENGTH: case PGESQL_D_RET_OCTET:
        if (rows < 1) {
          diag::raise_not_found(line);
          return false;
        }
        break;
      default: break;
    }
    switch (it.item) {
      case PGESQL_D_DATA: data = &v; break;
      case PGESQL_D_INDICATOR: indicator = &v; break;
      case PGESQL_D_NAME: ok = put_text(line, v, c.name); break;
      case PGESQL_D_NULLABLE: ok = put_int(line, v.type, v.addr, 1); break;
      case PGESQL_D_KEY_MEMBER: ok = put_int(line, v.type, v.addr, 0); break;
      case PGESQL_D_SCALE: ok = put_int(line, v.type, v.addr, (c.type_modifier - varhdrsz) & 0xffff); break;
      case PGESQL_D_PRECISION: ok = put_int(line, v.type, v.addr, c.type_modifier >> 16); break;
      case PGESQL_D_OCTET: ok = put_int(line, v.type, v.addr, c.type_size); break;
      case PGESQL_D_LENGTH: ok = put_int(line, v.type, v.addr, c.type_modifier - varhdrsz); break;
      case PGESQL_D_TYPE: ok = put_int(line, v.type, v.addr, sql3_type(c.type_oid)); break;
      case PGESQL_D_DI_CODE: ok = put_int(line, v.type, v.addr, sql3_datetime_code(c.type_oid)); break;
      case PGESQL_D_CARDINALITY: ok = put_int(line, v.type, v.addr, static_cast<long>(rows)); break;
      case PGESQL_D_RET_LENGTH: case PGESQL_D_RET_OCTET: {
        std::vector<long> lengths;
        for (std::size_t row = 0; row < rows; ++row) {
          const exec::result_fields::value f = r.field(row, col);
          lengths.push_back(f ? static_cast<long>(f->size()) : 0);
        }
        ok = put_per_row(line, v.type, v.addr, v.count, v.stride, lengths);
        break;
      }
      default:
        diag::raise_error(line, ECPG_UNKNOWN_DESCRIPTOR_ITEM, diag::sqlstate::internal_error,
                          item_code(it.item).c_str());
        return false;
    }
    if (!ok) return false;
  }
  if (data != nullptr) {
    pgesql_var dv = *data;
    if (indicator != nullptr) {
      dv.ind_type = indicator->type;
      dv.ind_addr = indicator->addr;
      dv.ind_size = indicator->size;
      dv.ind_count = indicator->count;
      dv.ind_stride = indicator->stride;
    }
    exec::store_options opt;
    opt.line = line;
    // ECPG's descriptor rule, unlike INTO's: a NULL read without an indicator is no
    // error; the variable gets its type's NULL mark ("" for strings, INT_MIN, ...)
    opt.force_indicator = false;
    std::vector<exec::field_value> column(rows);
    for (std::size_t row = 0; row < rows; ++row) {
      const exec::result_fields::value f = r.field(row, col);
      column[row] = f ? exec::field_value{f->data(), static_cast<int>(f->size()), false, c.binary}
                      : exec::field_value{"", 0, true};
    }
    exec::host_var h = exec::resolve(dv);
    if (!exec::store_column(opt, h, column, exec::array_kind::none)) return false;
  } else if (indicator != nullptr) {
    std::vector<long> flags;
    for (std::size_t row = 0; row < rows; ++row) flags.push_back(r.field(row, col) ? 0 : -1);
    if (!put_per_row(line, indicator->type, indicator->addr, indicator->count, indicator->stride, flags))
      return false;
  }
  diag::thread_sqlca().sqlerrd[2] = static_cast<long>(rows);
  return true;
}

bool set_items(int line, sql_descriptor &d, int index, std::span<const pgesql_desc_item> items) {
  input_item &in = d.inputs[index];
  if (d.count < index) d.count = index;
  for (const pgesql_desc_item &it : items) {
    switch (it.item) {
      case PGESQL_D_DATA: {
        exec::store_options opt;
        opt.line = line;
        exec::param_value p;
        if (!exec::format_param(opt, exec::resolve(it.var), p)) return false;
        in.data = std::move(p);
        break;
      }
      case PGESQL_D_INDICATOR: if (!take_int(line, it.var, in.indicator)) return false; break;
      case PGESQL_D_LENGTH: if (!take_int(line, it.var, in.length)) return false; break;
      case PGESQL_D_PRECISION: if (!take_int(line, it.var, in.precision)) return false; break;
      case PGESQL_D_SCALE: if (!take_int(line, it.var, in.scale)) return false; break;
      case PGESQL_D_TYPE: if (!take_int(line, it.var, in.type)) return false; break;
      default:
        diag::raise_error(line, ECPG_UNKNOWN_DESCRIPTOR_ITEM, diag::sqlstate::internal_error,
                          item_code(it.item).c_str());
        return false;
    }
  }
  return true;
}

std::span<const pgesql_desc_item> item_span(int n, const pgesql_desc_item *items) {
  return {items, n > 0 ? static_cast<std::size_t>(n) : 0};
}

}  // namespace
}  // namespace pgesql::descriptors

using namespace pgesql::descriptors;
namespace diag = pgesql::diag;
namespace exec = pgesql::exec;

extern "C" PGESQL_API int pgesql_allocate_descriptor(const pgesql_stmt *stmt, const char *name) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    allocate_descriptor(name ? name : "");
    (void)stmt;
    return exec::outcome();
  });
}

extern "C" PGESQL_API int pgesql_deallocate_descriptor(const pgesql_stmt *stmt, const char *name) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    if (!deallocate_descriptor(name ? name : ""))
      diag::raise_error(stmt->line, ECPG_UNKNOWN_DESCRIPTOR, diag::sqlstate::invalid_descriptor_name, name);
    return exec::outcome();
  });
}

extern "C" PGESQL_API int pgesql_get_descriptor_count(const pgesql_stmt *stmt, const char *name,
                                                      const pgesql_var *count) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    sql_descriptor *d = require_descriptor(name ? name : "", stmt->line);
    if (d == nullptr) return exec::outcome();
    // a descriptor nothing was stored into yet holds an empty result, as ECPG's does: 0 columns
    const std::size_t n = d->result ? d->result->columns.size() : 0;
    if (put_int(stmt->line, count->type, count->addr, static_cast<long>(n))) {
      diag::thread_sqlca().sqlerrd[2] = 1;
      diag::log("ECPGget_desc_header: found %zu attributes\n", n);
    }
    return exec::outcome();
  });
}

extern "C" PGESQL_API int pgesql_get_descriptor(const pgesql_stmt *stmt, const char *name, int index, int nitems,
                                                const pgesql_desc_item *items) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    sql_descriptor *d = require_descriptor(name ? name : "", stmt->line);
    if (d == nullptr || !d->result) return exec::outcome();
    get_items(stmt->line, *d, index, item_span(nitems, items));
    return exec::outcome();
  });
}

extern "C" PGESQL_API int pgesql_set_descriptor_count(const pgesql_stmt *stmt, const char *name,
                                                      const pgesql_var *count) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    sql_descriptor *d = require_descriptor(name ? name : "", stmt->line);
    if (d == nullptr) return exec::outcome();
    take_int(stmt->line, *count, d->count);
    return exec::outcome();
  });
}

extern "C" PGESQL_API int pgesql_set_descriptor(const pgesql_stmt *stmt, const char *name, int index, int nitems,
                                                const pgesql_desc_item *items) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    exec::begin_statement();
    sql_descriptor *d = require_descriptor(name ? name : "", stmt->line);
    if (d == nullptr) return exec::outcome();
    set_items(stmt->line, *d, index, item_span(nitems, items));
    return exec::outcome();
  });
}
