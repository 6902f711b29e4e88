#include "values/result_store.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <string>
#include <type_traits>
#include <vector>

#include "diag/auto_memory.hpp"
#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "values/bytea_text.hpp"
#include "values/integer_text.hpp"
#include "values/pgtypes_bridge.hpp"

namespace pgesql::values {
namespace {

bool is_delimiter(array_kind k, char c) {
  return (k == array_kind::array && c == ',') || (k == array_kind::vector && c == ' ');
}

bool is_boundary(array_kind k, char c) {
  return (k == array_kind::array && c == '}') || (k == array_kind::vector && c == '\0');
}

// Whether anything but the value's end (or an array delimiter) follows.
bool garbage_left(array_kind k, const char **scan, bool informix) {
  if (k == array_kind::none) {
    // Informix lets a numeric be fetched into an integer, dropping the fraction
    if (informix && **scan == '.') {
      do ++*scan;
      while (**scan >= '0' && **scan <= '9');
    }
    return **scan != ' ' && **scan != '\0';
  }
  return !is_delimiter(k, **scan) && !is_boundary(k, **scan);
}

bool special_float(const char *p, double *out, const char **end) {
  if (strncasecmp(p, "NaN", 3) == 0) {
    *out = NAN;
    *end = p + 3;
  } else if (strncasecmp(p, "Infinity", 8) == 0) {
    *out = INFINITY;
    *end = p + 8;
  } else if (strncasecmp(p, "-Infinity", 9) == 0) {
    *out = -INFINITY;
    *end = p + 9;
  } else {
    return false;
  }
  return true;
}

void truncated(int ind_type, char *ind, long original_length) {
  write_indicator(ind_type, ind, original_length);
  diag::warn_truncated();
}

bool is_char_type(int t) {
  return t == PGESQL_T_CHAR || t == PGESQL_T_UNSIGNED_CHAR || t == PGESQL_T_STRING;
}

bool store_string(const store_options &opt, int type, int ind_type, char *str, char *ind, long varcharsize,
                  long offset, const char *pval, long size) {
  // an array of char pointers whose strings the runtime lays out
  if (varcharsize == 0 && offset == static_cast<long>(sizeof(char *))) str = *reinterpret_cast<char **>(str);
  bool oracle_char = opt.oracle && (type == PGESQL_T_CHAR || type == PGESQL_T_UNSIGNED_CHAR);
  if (varcharsize > size) {
    if (oracle_char) {
      // Oracle mode blank-pads; an empty string reads as NULL, without a warning
      std::memset(str, ' ', varcharsize);
      std::memcpy(str, pval, size);
      str[varcharsize - 1] = '\0';
      if (size == 0) write_indicator(ind_type, ind, -1);
    } else {
      std::memcpy(str, pval, size);
      str[size] = '\0';
    }
    if (type == PGESQL_T_STRING) {
      char *last = str + size;
      while (last > str && (*last == ' ' || *last == '\0')) *last-- = '\0';
    }
    return true;
  }
  long capacity = varcharsize == 0 ? size + 1 : varcharsize;
  // strncpy: copy up to capacity bytes, NUL-padding a shorter value
  std::strncpy(str, pval, capacity);
  if (oracle_char && capacity - 1 < size) str[capacity - 1] = '\0';
  if (capacity < size || (opt.oracle && capacity - 1 < size)) truncated(ind_type, ind, size);
  return true;
}

bool store_varchar(int ind_type, char *target, char *ind, long varcharsize, const char *pval, long size) {
  auto *v = reinterpret_cast<varchar_header *>(target);
  v->len = static_cast<int>(size);
  if (varcharsize == 0) {
    std::memcpy(v->arr, pval, size);
  } else {
    std::strncpy(v->arr, pval, varcharsize);
    if (size > varcharsize) {
      truncated(ind_type, ind, size);
      v->len = static_cast<int>(varcharsize);
    }
  }
  return true;
}

bool store_bytea(int ind_type, char *target, char *ind, long varcharsize, const char *pval, long size) {
  auto *v = reinterpret_cast<varchar_header *>(target);
  std::vector<char> bytes;
  decode_bytea_text(pval, static_cast<std::size_t>(size), bytes);
  long n = static_cast<long>(bytes.size());
  long keep = n < varcharsize ? n : varcharsize;
  if (keep > 0) std::memcpy(v->arr, bytes.data(), keep);
  v->len = static_cast<int>(keep);
  if (n > varcharsize) truncated(ind_type, ind, n);
  return true;
}

// Where one element goes: the variable's type, the element's address and its indicator's.
struct element_slot {
  int type;
  int ind_type;
  char *target;
  char *ind;
  long varcharsize;
  long offset;
  bool in_bounds;  // false past the end of an array variable: read, but not stored
};

// Sets the indicator, or for a NULL without one, the type's "NULL value" (-r no_indicator) or
// the missing-indicator error. False when the field cannot be stored.
bool store_indicator(const store_options &opt, int type, int ind_type, char *target, char *ind, bool is_null) {
  if (ind_type == PGESQL_T_NO_INDICATOR) {
    if (!is_null) return true;
    if (opt.force_indicator) {
      diag::raise_error(opt.line, ECPG_MISSING_INDICATOR, diag::sqlstate::null_value_no_indicator);
      return false;
    }
    ECPGset_noind_null(static_cast<ECPGttype>(type), target);
    return true;
  }
  if (!is_integer_indicator_type(ind_type)) {
    diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(ind_type));
    return false;
  }
  write_indicator(ind_type, ind, is_null ? -1 : 0);
  return true;
}

// Reads an integer element; the error code names the signedness, as ECPG's does.
template <class Wide>
bool read_integer(const store_options &opt, array_kind kind, const char *pval, const char **scan, Wide *out) {
  char *end;
  *out = integer_text<Wide>(pval, &end);
  *scan = end;
  if (!garbage_left(kind, scan, opt.informix)) return true;
  diag::raise_error(opt.line, std::is_signed_v<Wide> ? ECPG_INT_FORMAT : ECPG_UINT_FORMAT,
                    diag::sqlstate::datatype_mismatch, pval);
  return false;
}

template <class Wide>
bool store_integer(const store_options &opt, array_kind kind, const element_slot &slot, const char *pval,
                   const char **scan) {
  Wide v;
  if (!read_integer(opt, kind, pval, scan, &v)) return false;
  if (!slot.in_bounds) return true;
  switch (slot.type) {
    case PGESQL_T_SHORT: *reinterpret_cast<short *>(slot.target) = static_cast<short>(v); break;
    case PGESQL_T_INT: *reinterpret_cast<int *>(slot.target) = static_cast<int>(v); break;
    case PGESQL_T_UNSIGNED_SHORT:
      *reinterpret_cast<unsigned short *>(slot.target) = static_cast<unsigned short>(v);
      break;
    case PGESQL_T_UNSIGNED_INT: *reinterpret_cast<unsigned int *>(slot.target) = static_cast<unsigned int>(v); break;
    default: *reinterpret_cast<Wide *>(slot.target) = v; break;  // long, long long and unsigned ones
  }
  return true;
}

bool store_float(const store_options &opt, array_kind kind, const element_slot &slot, const char *pval,
                 const char **scan) {
  if (kind != array_kind::none && *pval == '"') ++pval;
  double v;
  if (!special_float(pval, &v, scan)) {
    char *end;
    v = std::strtod(pval, &end);
    *scan = end;
  }
  if (kind != array_kind::none && **scan == '"') ++*scan;
  if (garbage_left(kind, scan, false)) {  // Informix mode changes nothing for floats
    diag::raise_error(opt.line, ECPG_FLOAT_FORMAT, diag::sqlstate::datatype_mismatch, pval);
    return false;
  }
  if (!slot.in_bounds) return true;
  if (slot.type == PGESQL_T_FLOAT)
    *reinterpret_cast<float *>(slot.target) = static_cast<float>(v);
  else
    *reinterpret_cast<double *>(slot.target) = v;
  return true;
}

bool store_bool(const store_options &opt, array_kind kind, const element_slot &slot, const char *pval,
                const char **scan) {
  bool ends = pval[1] == '\0' || (kind != array_kind::none && (is_delimiter(kind, pval[1]) || is_boundary(kind, pval[1])));
  if ((pval[0] != 't' && pval[0] != 'f') || !ends) {
    diag::raise_error(opt.line, ECPG_CONVERT_BOOL, diag::sqlstate::datatype_mismatch, pval);
    return false;
  }
  if (slot.in_bounds) *reinterpret_cast<bool *>(slot.target) = pval[0] == 't';
  *scan = pval + 1;
  return true;
}

// numeric, decimal, date, timestamp, interval: parsed by the pgtypes library.
bool store_pgtypes(const store_options &opt, array_kind kind, const element_slot &slot, const char *pval,
                   const char **scan) {
  // one element: up to the next delimiter, without array quotes
  if (kind != array_kind::none && *pval == '"') ++pval;
  std::size_t n = std::strcspn(pval, kind != array_kind::none ? ",\"}" : "");
  std::string element(pval, n);
  const char *end = nullptr;
  pgtypes_status st = pgtypes_from_text(slot.type, element.c_str(), &end, slot.in_bounds ? slot.target : nullptr);
  if (st == pgtypes_status::unsupported) {
    diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(slot.type));
    return false;
  }
  *scan = pval + (end - element.c_str());
  if (kind != array_kind::none && **scan == '"') ++*scan;
  bool bad = st == pgtypes_status::bad_format || (kind == array_kind::none && garbage_left(kind, scan, opt.informix));
  if (!bad) return true;
  if (opt.informix) {
    // Informix reads an unparsable value as its NULL value
    if (slot.in_bounds) ECPGset_noind_null(static_cast<ECPGttype>(slot.type), slot.target);
    return true;
  }
  long code = slot.type == PGESQL_T_DATE        ? ECPG_DATE_FORMAT
              : slot.type == PGESQL_T_TIMESTAMP ? ECPG_TIMESTAMP_FORMAT
              : slot.type == PGESQL_T_INTERVAL  ? ECPG_INTERVAL_FORMAT
                                                : ECPG_NUMERIC_FORMAT;
  diag::raise_error(opt.line, code, diag::sqlstate::datatype_mismatch, pval);
  return false;
}

// Types that take the field's whole text, array literal included.
void store_whole_field(const store_options &opt, const element_slot &slot, const char *pval, long size) {
  if (slot.type == PGESQL_T_BYTEA)
    store_bytea(slot.ind_type, slot.target, slot.ind, slot.varcharsize, pval, size);
  else if (slot.type == PGESQL_T_VARCHAR)
    store_varchar(slot.ind_type, slot.target, slot.ind, slot.varcharsize, pval, size);
  else
    store_string(opt, slot.type, slot.ind_type, slot.target, slot.ind, slot.varcharsize, slot.offset, pval, size);
}

// Converts the element at `pval` (`size` bytes to the field's end) into the slot; `scan` is left
// after what was read. False (sqlca set) when the text is not a value of the type.
bool store_element(const store_options &opt, array_kind kind, const element_slot &slot, const char *pval, long size,
                   const char **scan) {
  switch (slot.type) {
    case PGESQL_T_SHORT:
    case PGESQL_T_INT:
    case PGESQL_T_LONG: return store_integer<long>(opt, kind, slot, pval, scan);
    case PGESQL_T_UNSIGNED_SHORT:
    case PGESQL_T_UNSIGNED_INT:
    case PGESQL_T_UNSIGNED_LONG: return store_integer<unsigned long>(opt, kind, slot, pval, scan);
    case PGESQL_T_LONG_LONG: return store_integer<long long>(opt, kind, slot, pval, scan);
    case PGESQL_T_UNSIGNED_LONG_LONG: return store_integer<unsigned long long>(opt, kind, slot, pval, scan);
    case PGESQL_T_FLOAT:
    case PGESQL_T_DOUBLE: return store_float(opt, kind, slot, pval, scan);
    case PGESQL_T_BOOL: return store_bool(opt, kind, slot, pval, scan);
    case PGESQL_T_BYTEA:
    case PGESQL_T_CHAR:
    case PGESQL_T_UNSIGNED_CHAR:
    case PGESQL_T_STRING:
    case PGESQL_T_VARCHAR:
      if (slot.in_bounds) store_whole_field(opt, slot, pval, size);
      *scan = pval + size;
      return true;
    case PGESQL_T_NUMERIC:
    case PGESQL_T_DECIMAL:
    case PGESQL_T_DATE:
    case PGESQL_T_TIMESTAMP:
    case PGESQL_T_INTERVAL: return store_pgtypes(opt, kind, slot, pval, scan);
    default:
      diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(slot.type));
      return false;
  }
}

// Skips what is left of an array element (quoted text included) and its delimiter; nullptr
// at the array's end.
const char *next_element(array_kind kind, const char *pval) {
  bool quoted = false;
  for (; *pval != '\0' && (quoted || (!is_delimiter(kind, *pval) && !is_boundary(kind, *pval))); ++pval)
    if (*pval == '"') quoted = !quoted;
  if (is_delimiter(kind, *pval)) ++pval;
  return *pval == '\0' || is_boundary(kind, *pval) ? nullptr : pval;
}

// Binary values are copied as they come, as ECPG does.
void store_binary(int ind_type, char *target, char *ind, long capacity, const char *pval, long size) {
  if (capacity == 0 || capacity >= size) {
    std::memcpy(target, pval, size);
  } else {
    std::memcpy(target, pval, capacity);
    truncated(ind_type, ind, size);
  }
}

}  // namespace

bool store_value(const store_options &opt, int type, int ind_type, char *var, char *ind, long varcharsize,
                 long offset, long ind_offset, long arrsize, long row, const field_value &f, array_kind kind) {
  char *ind_at = ind != nullptr ? ind + ind_offset * row : nullptr;
  if (diag::log_enabled())  // once per value: the test keeps FETCH into arrays from paying for the call
    diag::log("store_value on line %d: RESULT: %s; array: %s\n", opt.line, f.is_null ? "NULL" : f.text,
              kind != array_kind::none ? "yes" : "no");
  if (!store_indicator(opt, type, ind_type, var + offset * row, ind_at, f.is_null)) return false;
  if (f.is_null) return true;
  if (f.binary) {
    store_binary(ind_type, var + offset * row, ind_at, varcharsize * offset, f.text, f.length);
    return true;
  }
  const char *pval = f.text;
  if (kind == array_kind::array) {
    if (*pval != '{') {
      diag::raise_error(opt.line, ECPG_DATA_NOT_ARRAY, diag::sqlstate::datatype_mismatch);
      return false;
    }
    // strings take the whole literal, other types its elements
    if (!is_char_type(type) && type != PGESQL_T_VARCHAR) ++pval;
  }
  for (;; ++row) {
    const element_slot slot{type,
                            ind_type,
                            var + offset * row,
                            ind != nullptr ? ind + ind_offset * row : nullptr,
                            varcharsize,
                            offset,
                            kind == array_kind::none || arrsize <= 0 || row < arrsize};
    const char *scan = pval;
    if (!store_element(opt, kind, slot, pval, f.length, &scan)) return false;
    if (kind == array_kind::none) return true;
    pval = next_element(kind, scan);
    if (pval == nullptr) return true;
  }
}

bool store_column(const store_options &opt, host_var &v, std::span<const field_value> rows, array_kind kind) {
  long ntuples = static_cast<long>(rows.size());
  if (kind == array_kind::none) {
    if ((v.arrsize > 0 && ntuples > v.arrsize) || (v.ind_arrsize > 0 && ntuples > v.ind_arrsize)) {
      diag::log("store_column on line %d: %ld rows do not fit into an array of %ld\n", opt.line, ntuples,
                v.arrsize);
      diag::raise_error(opt.line, opt.informix ? ECPG_INFORMIX_SUBSELECT_NOT_ONE : ECPG_TOO_MANY_MATCHES,
                        diag::sqlstate::cardinality_violation);
      return false;
    }
  } else if (v.arrsize == 0) {
    diag::raise_error(opt.line, ECPG_NO_ARRAY, diag::sqlstate::datatype_mismatch);
    return false;
  }

  bool char_type = is_char_type(v.type);
  // char **p = NULL with unknown bounds: a NULL-terminated array of strings
  bool binary = !rows.empty() && rows[0].binary;
  bool string_list = char_type && v.varcharsize == 0 && v.arrsize == 0 && !binary;

  if ((v.arrsize == 0 || v.varcharsize == 0) && v.value == nullptr) {
    std::size_t len = 0;
    if (binary) {
      for (const field_value &f : rows) len += static_cast<std::size_t>(f.is_null ? 0 : f.length);
    } else if (string_list) {
      for (const field_value &f : rows) len += (f.is_null ? 0 : std::strlen(f.text)) + 1;
      len *= static_cast<std::size_t>(v.offset);
      len += (rows.size() + 1) * sizeof(char *);
    } else if (char_type) {
      // char *p = NULL: one buffer, each row as wide as the longest value
      long width = 0;
      for (const field_value &f : rows) {
        long w = static_cast<long>(f.is_null ? 0 : std::strlen(f.text)) + 1;
        if (w > width) width = w;
      }
      v.varcharsize = width;
      v.offset *= width;
      len = static_cast<std::size_t>(v.offset * ntuples);
    } else if (v.type == PGESQL_T_VARCHAR) {
      len = static_cast<std::size_t>(ntuples * (v.varcharsize + static_cast<long>(sizeof(int))));
    } else {
      len = static_cast<std::size_t>(v.offset * ntuples);
    }
    diag::log("store_column on line %d: allocating memory for %ld tuples\n", opt.line, ntuples);
    v.value = static_cast<char *>(diag::auto_allocate(len));
    if (v.value == nullptr) {
      diag::raise_error(opt.line, ECPG_OUT_OF_MEMORY, diag::sqlstate::out_of_memory);
      return false;
    }
    if (v.pointer != nullptr) *v.pointer = v.value;
  }
  if ((v.ind_arrsize == 0 || v.ind_varcharsize == 0) && v.ind_value == nullptr && v.ind_pointer != nullptr) {
    v.ind_value = static_cast<char *>(diag::auto_allocate(static_cast<std::size_t>(v.ind_offset * ntuples)));
    if (v.ind_value == nullptr) {
      diag::raise_error(opt.line, ECPG_OUT_OF_MEMORY, diag::sqlstate::out_of_memory);
      return false;
    }
    *v.ind_pointer = v.ind_value;
  }

  if (string_list) {
    auto **slot = reinterpret_cast<char **>(v.value);
    char *data = reinterpret_cast<char *>(slot + ntuples + 1);
    for (long r = 0; r < ntuples; ++r) {
      long len = static_cast<long>(rows[r].is_null ? 0 : std::strlen(rows[r].text)) + 1;
      if (!store_value(opt, v.type, v.ind_type, data, v.ind_value, len, 0, v.ind_offset, 0, r, rows[r], kind))
        return false;
      *slot++ = data;
      data += len;
    }
    *slot = nullptr;
    return true;
  }
  for (long r = 0; r < ntuples; ++r) {
    if (!store_value(opt, v.type, v.ind_type, v.value, v.ind_value, v.varcharsize, v.offset, v.ind_offset,
                     v.arrsize, r, rows[r], kind))
      return false;
  }
  return true;
}

}  // namespace pgesql::values
