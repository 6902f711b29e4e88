// Result values (server text format) into host variables, by ECPG's rules:
// indicators, NULL handling, truncation warnings, runtime-allocated buffers
// for NULL pointers, and PostgreSQL arrays spread over C arrays.
#pragma once

#include <span>

#include "values/host_var.hpp"

namespace pgesql::values {

// How a column's text is split into elements: not at all, as an array
// literal {a,b}, or as a space-separated vector (int2vector, oidvector, point...).
enum class array_kind { none, array, vector };

// One field of a result: NUL-terminated text of `length` bytes (raw bytes
// when binary), or NULL.
struct field_value {
  const char *text;
  int length;
  bool is_null;
  bool binary = false;
};

struct store_options {
  int line = 0;
  bool informix = false;
  bool oracle = false;
  bool force_indicator = true;  // false under -r no_indicator
};

// Stores one field into element `row` of the variable (var/ind are element
// 0; offset/ind_offset the strides; varcharsize the string capacity). With an
// array kind, the field's elements go to rows row, row+1, ... On failure
// sqlca is set and false is returned. (`f` by reference: a copy read it back whole from
// the parts just written, a store-forwarding stall per field of every row.)
bool store_value(const store_options &opt, int type, int ind_type, char *var, char *ind, long varcharsize,
                 long offset, long ind_offset, long arrsize, long row, const field_value &f, array_kind kind);

// Stores one result column (one field per row) into a host variable,
// allocating a buffer for a NULL pointer variable (registered for
// ECPGfree_auto_mem) and checking the rows fit.
bool store_column(const store_options &opt, host_var &v, std::span<const field_value> rows, array_kind kind);

// Whether a variable is one plain C variable (not an array, not a pointer the runtime
// resolves or allocates), its indicator too if it has one: the target of most FETCH NEXT
// and SELECT INTO statements.
inline bool is_plain_variable(const pgesql_var &v) {
  const bool plain_indicator = v.ind_type == PGESQL_T_NO_INDICATOR
                                   ? v.ind_addr == nullptr
                                   : v.ind_addr != nullptr && v.ind_count >= 1 && v.ind_size > 0;
  return v.type != PGESQL_T_CXX && v.addr != nullptr && v.count == 1 && v.size > 0 && plain_indicator;
}

// One row's field into a plain variable (is_plain_variable): what store_column stores for
// one row, without the resolving and the checks that cannot apply to such a variable.
inline bool store_plain_field(const store_options &opt, const pgesql_var &v, const field_value &f, array_kind kind) {
  return store_value(opt, v.type, v.ind_type, static_cast<char *>(v.addr), static_cast<char *>(v.ind_addr), v.size,
                     v.stride, v.ind_stride, 1, 0, f, kind);
}

}  // namespace pgesql::values
