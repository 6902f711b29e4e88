#include "exec/host_var.hpp"

namespace pgesql::exec {

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

}  // namespace pgesql::exec
