// A host variable as a statement uses it: pgesql_var resolved the way ECPG
// resolves the variables passed to ECPGdo (pointers dereferenced, unknown
// bounds as zero), plus helpers for the C layouts ECPG defines.
#pragma once

#include "pgesql/pgesql.h"

namespace pgesql::values {

struct host_var {
  int type;
  char *value;     // first element; null for a NULL pointer the runtime may allocate
  char **pointer;  // where an allocated buffer's address is stored (pointer variables)
  long varcharsize;
  long arrsize;
  long offset;     // bytes per element
  int ind_type;
  char *ind_value;
  char **ind_pointer;
  long ind_varcharsize;
  long ind_arrsize;
  long ind_offset;
};

host_var resolve(const pgesql_var &v);

// VARCHAR and bytea host variables: struct { int len; char arr[N]; }.
struct varchar_header {
  int len;
  char arr[1];
};

// ECPG's name for a host type in "unsupported type" messages.
const char *type_name(int type);

// The indicator's value (0 without an indicator).
long read_indicator(int ind_type, const char *ind);

// Stores v into an indicator of any integer type; no-op without one.
void write_indicator(int ind_type, char *ind, long v);

bool is_integer_indicator_type(int ind_type);

}  // namespace pgesql::values
