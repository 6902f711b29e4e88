#include "values/param_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "values/pgtypes_bridge.hpp"

namespace pgesql::values {
namespace {

const char *special_float_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  return nullptr;
}

template <typename T>
std::string int_text(T v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// Elements of a C array as an array literal, a scalar as itself.
template <typename Element>
std::string numbers(const host_var &v, Element to_text) {
  long n = v.arrsize > 1 ? v.arrsize : 1;
  if (n == 1) return to_text(v.value);
  std::string s = "{";
  for (long i = 0; i < n; ++i) {
    if (i > 0) s += ',';
    s += to_text(v.value + i * v.offset);
  }
  s += '}';
  return s;
}

bool is_null_input(const store_options &opt, const host_var &v) {
  if (v.ind_type == PGESQL_T_NO_INDICATOR)
    return !opt.force_indicator && ECPGis_noind_null(static_cast<ECPGttype>(v.type), v.value);
  return is_integer_indicator_type(v.ind_type) && read_indicator(v.ind_type, v.ind_value) < 0;
}

}  // namespace

std::string double_text(double d) {
  if (const char *s = special_float_text(d)) return s;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::string float_text(float f) {
  if (const char *s = special_float_text(f)) return s;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", static_cast<double>(f));
  return buf;
}

bool format_param(const store_options &opt, const host_var &v, param_value &out) {
  out = param_value{};
  // a NULL pointer has no value to send: it is sent as SQL NULL
  if (v.value == nullptr || is_null_input(opt, v)) {
    out.is_null = true;
    return true;
  }
  switch (v.type) {
    case PGESQL_T_SHORT: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const short *>(p)); }); break;
    case PGESQL_T_UNSIGNED_SHORT: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const unsigned short *>(p)); }); break;
    case PGESQL_T_INT: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const int *>(p)); }); break;
    case PGESQL_T_UNSIGNED_INT: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const unsigned int *>(p)); }); break;
    case PGESQL_T_LONG: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const long *>(p)); }); break;
    case PGESQL_T_UNSIGNED_LONG: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const unsigned long *>(p)); }); break;
    case PGESQL_T_LONG_LONG: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const long long *>(p)); }); break;
    case PGESQL_T_UNSIGNED_LONG_LONG: out.data = numbers(v, [](const char *p) { return int_text(*reinterpret_cast<const unsigned long long *>(p)); }); break;
    case PGESQL_T_FLOAT: out.data = numbers(v, [](const char *p) { return float_text(*reinterpret_cast<const float *>(p)); }); break;
    case PGESQL_T_DOUBLE: out.data = numbers(v, [](const char *p) { return double_text(*reinterpret_cast<const double *>(p)); }); break;
    case PGESQL_T_BOOL:
      if (v.arrsize > 1) {
        out.data = numbers(v, [](const char *p) { return std::string(*reinterpret_cast<const bool *>(p) ? "t" : "f"); });
      } else if (v.offset == static_cast<long>(sizeof(char))) {
        out.data = *v.value ? "t" : "f";
      } else if (v.offset == static_cast<long>(sizeof(int))) {
        out.data = *reinterpret_cast<const int *>(v.value) ? "t" : "f";
      } else {
        diag::raise_error(opt.line, ECPG_CONVERT_BOOL, diag::sqlstate::datatype_mismatch);
        return false;
      }
      break;
    case PGESQL_T_CHAR:
    case PGESQL_T_UNSIGNED_CHAR:
    case PGESQL_T_STRING: {
      // a char array is read up to its NUL or its declared size
      std::size_t len = v.varcharsize == 0 ? std::strlen(v.value) : strnlen(v.value, static_cast<std::size_t>(v.varcharsize));
      out.data.assign(v.value, len);
      break;
    }
    case PGESQL_T_CONST: {
      // a literal of USING: its value, a quoted string without its quotes
      std::string_view lit(v.value);
      if (lit.size() >= 2 && lit.front() == '\'' && lit.back() == '\'') {
        for (std::size_t i = 1; i + 1 < lit.size(); ++i) {
          out.data += lit[i];
          if (lit[i] == '\'' && lit[i + 1] == '\'') ++i;
        }
      } else {
        out.data.assign(lit);
      }
      break;
    }
    case PGESQL_T_CHAR_VARIABLE: out.data = v.value; break;
    case PGESQL_T_VARCHAR: {
      const auto *h = reinterpret_cast<const varchar_header *>(v.value);
      out.data.assign(h->arr, strnlen(h->arr, h->len < 0 ? 0 : static_cast<std::size_t>(h->len)));
      break;
    }
    case PGESQL_T_BYTEA: {
      const auto *h = reinterpret_cast<const varchar_header *>(v.value);
      out.data.assign(h->arr, h->len < 0 ? 0 : static_cast<std::size_t>(h->len));
      out.binary = true;
      break;
    }
    case PGESQL_T_NUMERIC:
    case PGESQL_T_DECIMAL:
    case PGESQL_T_DATE:
    case PGESQL_T_TIMESTAMP:
    case PGESQL_T_INTERVAL: {
      long n = v.arrsize > 1 ? v.arrsize : 1;
      std::string s = n > 1 ? "{" : "";
      for (long i = 0; i < n; ++i) {
        std::string one;
        pgtypes_status st = pgtypes_to_text(v.type, v.value + i * v.offset, one);
        if (st == pgtypes_status::unsupported) {
          diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(v.type));
          return false;
        }
        if (st == pgtypes_status::bad_format) {
          long code = v.type == PGESQL_T_DATE        ? ECPG_DATE_FORMAT
                      : v.type == PGESQL_T_TIMESTAMP ? ECPG_TIMESTAMP_FORMAT
                      : v.type == PGESQL_T_INTERVAL  ? ECPG_INTERVAL_FORMAT
                                                     : ECPG_NUMERIC_FORMAT;
          diag::raise_error(opt.line, code, diag::sqlstate::datatype_mismatch);
          return false;
        }
        if (i > 0) s += ',';
        s += one;
      }
      if (n > 1) s += '}';
      out.data = std::move(s);
      break;
    }
    default:
      diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(v.type));
      return false;
  }
  return true;
}

}  // namespace pgesql::values
