#include "values/host_var.hpp"

#include "ecpglib.h"
#include "ecpgtype.h"

namespace pgesql::values {

host_var resolve(const pgesql_var &v) {
  host_var h{};
  h.type = v.type;
  h.varcharsize = v.size;
  h.arrsize = v.count;
  h.offset = v.stride;
  // An unknown element count means a pointer to the data; so does an unknown
  // string length, except for an array of char pointers (used as is).
  bool char_type = v.type == PGESQL_T_CHAR || v.type == PGESQL_T_UNSIGNED_CHAR;
  bool indirect = v.count == 0 || (v.size == 0 && (!char_type || v.count <= 1));
  if (indirect && v.addr != nullptr) {
    h.pointer = static_cast<char **>(v.addr);
    h.value = *h.pointer;
  } else {
    h.value = static_cast<char *>(v.addr);
  }
  if (h.arrsize < 0) h.arrsize = 0;
  if (h.varcharsize < 0) h.varcharsize = 0;

  h.ind_type = v.ind_type;
  h.ind_varcharsize = v.ind_size;
  h.ind_arrsize = v.ind_count;
  h.ind_offset = v.ind_stride;
  if (v.ind_type != PGESQL_T_NO_INDICATOR && v.ind_addr != nullptr && (v.ind_count == 0 || v.ind_size == 0)) {
    h.ind_pointer = static_cast<char **>(v.ind_addr);
    h.ind_value = *h.ind_pointer;
  } else {
    h.ind_value = static_cast<char *>(v.ind_addr);
  }
  if (h.ind_arrsize < 0) h.ind_arrsize = 0;
  if (h.ind_varcharsize < 0) h.ind_varcharsize = 0;
  return h;
}

const char *type_name(int type) {
  switch (type) {
    case PGESQL_T_CHAR:
    case PGESQL_T_STRING:
    case PGESQL_T_CHAR_VARIABLE: return "char";
    case PGESQL_T_UNSIGNED_CHAR: return "unsigned char";
    case PGESQL_T_SHORT: return "short";
    case PGESQL_T_UNSIGNED_SHORT: return "unsigned short";
    case PGESQL_T_INT: return "int";
    case PGESQL_T_UNSIGNED_INT: return "unsigned int";
    case PGESQL_T_LONG: return "long";
    case PGESQL_T_UNSIGNED_LONG: return "unsigned long";
    case PGESQL_T_LONG_LONG: return "long long";
    case PGESQL_T_UNSIGNED_LONG_LONG: return "unsigned long long";
    case PGESQL_T_FLOAT: return "float";
    case PGESQL_T_DOUBLE: return "double";
    case PGESQL_T_BOOL: return "bool";
    case PGESQL_T_VARCHAR: return "varchar";
    case PGESQL_T_BYTEA: return "bytea";
    case PGESQL_T_DECIMAL: return "decimal";
    case PGESQL_T_NUMERIC: return "numeric";
    case PGESQL_T_DATE: return "date";
    case PGESQL_T_TIMESTAMP: return "timestamp";
    case PGESQL_T_INTERVAL: return "interval";
    case PGESQL_T_CONST: return "Const";
    default: return "unknown";
  }
}

bool is_integer_indicator_type(int t) {
  switch (t) {
    case PGESQL_T_SHORT:
    case PGESQL_T_UNSIGNED_SHORT:
    case PGESQL_T_INT:
    case PGESQL_T_UNSIGNED_INT:
    case PGESQL_T_LONG:
    case PGESQL_T_UNSIGNED_LONG:
    case PGESQL_T_LONG_LONG:
    case PGESQL_T_UNSIGNED_LONG_LONG: return true;
    default: return false;
  }
}

long read_indicator(int t, const char *ind) {
  if (ind == nullptr) return 0;
  switch (t) {
    case PGESQL_T_SHORT:
    case PGESQL_T_UNSIGNED_SHORT: return *reinterpret_cast<const short *>(ind);
    case PGESQL_T_INT:
    case PGESQL_T_UNSIGNED_INT: return *reinterpret_cast<const int *>(ind);
    case PGESQL_T_LONG:
    case PGESQL_T_UNSIGNED_LONG: return *reinterpret_cast<const long *>(ind);
    case PGESQL_T_LONG_LONG:
    case PGESQL_T_UNSIGNED_LONG_LONG: return static_cast<long>(*reinterpret_cast<const long long *>(ind));
    default: return 0;
  }
}

void write_indicator(int t, char *ind, long v) {
  if (ind == nullptr) return;
  switch (t) {
    case PGESQL_T_SHORT:
    case PGESQL_T_UNSIGNED_SHORT: *reinterpret_cast<short *>(ind) = static_cast<short>(v); break;
    case PGESQL_T_INT:
    case PGESQL_T_UNSIGNED_INT: *reinterpret_cast<int *>(ind) = static_cast<int>(v); break;
    case PGESQL_T_LONG:
    case PGESQL_T_UNSIGNED_LONG: *reinterpret_cast<long *>(ind) = v; break;
    case PGESQL_T_LONG_LONG:
    case PGESQL_T_UNSIGNED_LONG_LONG: *reinterpret_cast<long long *>(ind) = v; break;
    default: break;
  }
}

}  // namespace pgesql::values

// The C ABI's type and item codes are ECPG's: programs and SQLDAs see the same numbers.
static_assert(int{ECPGt_char} == PGESQL_T_CHAR && int{ECPGt_unsigned_char} == PGESQL_T_UNSIGNED_CHAR);
static_assert(int{ECPGt_short} == PGESQL_T_SHORT && int{ECPGt_unsigned_short} == PGESQL_T_UNSIGNED_SHORT);
static_assert(int{ECPGt_int} == PGESQL_T_INT && int{ECPGt_unsigned_int} == PGESQL_T_UNSIGNED_INT);
static_assert(int{ECPGt_long} == PGESQL_T_LONG && int{ECPGt_unsigned_long} == PGESQL_T_UNSIGNED_LONG);
static_assert(int{ECPGt_long_long} == PGESQL_T_LONG_LONG &&
              int{ECPGt_unsigned_long_long} == PGESQL_T_UNSIGNED_LONG_LONG);
static_assert(int{ECPGt_bool} == PGESQL_T_BOOL && int{ECPGt_float} == PGESQL_T_FLOAT &&
              int{ECPGt_double} == PGESQL_T_DOUBLE);
static_assert(int{ECPGt_varchar} == PGESQL_T_VARCHAR && int{ECPGt_varchar2} == PGESQL_T_VARCHAR2);
static_assert(int{ECPGt_numeric} == PGESQL_T_NUMERIC && int{ECPGt_decimal} == PGESQL_T_DECIMAL);
static_assert(int{ECPGt_date} == PGESQL_T_DATE && int{ECPGt_timestamp} == PGESQL_T_TIMESTAMP &&
              int{ECPGt_interval} == PGESQL_T_INTERVAL);
static_assert(int{ECPGt_array} == PGESQL_T_ARRAY && int{ECPGt_struct} == PGESQL_T_STRUCT &&
              int{ECPGt_union} == PGESQL_T_UNION);
static_assert(int{ECPGt_descriptor} == PGESQL_T_DESCRIPTOR && int{ECPGt_char_variable} == PGESQL_T_CHAR_VARIABLE);
static_assert(int{ECPGt_const} == PGESQL_T_CONST && int{ECPGt_EOIT} == PGESQL_T_EOIT &&
              int{ECPGt_EORT} == PGESQL_T_EORT);
static_assert(int{ECPGt_NO_INDICATOR} == PGESQL_T_NO_INDICATOR && int{ECPGt_string} == PGESQL_T_STRING);
static_assert(int{ECPGt_sqlda} == PGESQL_T_SQLDA && int{ECPGt_bytea} == PGESQL_T_BYTEA);
static_assert(int{ECPGd_count} == PGESQL_D_COUNT && int{ECPGd_data} == PGESQL_D_DATA &&
              int{ECPGd_di_code} == PGESQL_D_DI_CODE && int{ECPGd_di_precision} == PGESQL_D_DI_PRECISION);
static_assert(int{ECPGd_indicator} == PGESQL_D_INDICATOR && int{ECPGd_key_member} == PGESQL_D_KEY_MEMBER &&
              int{ECPGd_length} == PGESQL_D_LENGTH && int{ECPGd_name} == PGESQL_D_NAME);
static_assert(int{ECPGd_nullable} == PGESQL_D_NULLABLE && int{ECPGd_octet} == PGESQL_D_OCTET &&
              int{ECPGd_precision} == PGESQL_D_PRECISION && int{ECPGd_ret_length} == PGESQL_D_RET_LENGTH);
static_assert(int{ECPGd_ret_octet} == PGESQL_D_RET_OCTET && int{ECPGd_scale} == PGESQL_D_SCALE &&
              int{ECPGd_type} == PGESQL_D_TYPE && int{ECPGd_EODT} == PGESQL_D_EODT &&
              int{ECPGd_cardinality} == PGESQL_D_CARDINALITY);
