#include "values/host_object.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "values/bytea_text.hpp"
#include "values/pgtypes_bridge.hpp"
#include "values/utc_timestamp.hpp"

namespace pgesql::values {
namespace {

long c_size(int type) {
  switch (type) {
    case PGESQL_T_BOOL: return sizeof(bool);
    case PGESQL_T_SHORT: case PGESQL_T_UNSIGNED_SHORT: return sizeof(short);
    case PGESQL_T_INT: case PGESQL_T_UNSIGNED_INT: return sizeof(int);
    case PGESQL_T_LONG: case PGESQL_T_UNSIGNED_LONG: case PGESQL_T_DATE: return sizeof(long);
    case PGESQL_T_LONG_LONG: case PGESQL_T_UNSIGNED_LONG_LONG: case PGESQL_T_TIMESTAMP: return sizeof(long long);
    case PGESQL_T_FLOAT: return sizeof(float);
    case PGESQL_T_DOUBLE: return sizeof(double);
    default: return 0;
  }
}

// Where row r's value lives: element r of a C array or a container, or the member inside it.
void *element(const pgesql_host_object &o, char *base, long stride, long r) {
  if (o.rows == nullptr) return base + r * stride;
  char *e = base + r * o.rows->element_size;
  return o.member != nullptr ? o.member(&o, e) : e;
}

// One value as parameter text (is_null set for NULL).
bool value_text(const store_options &opt, const pgesql_host_adapter &a, const void *object, param_value &out) {
  alignas(16) unsigned char scratch[16];
  const void *data = nullptr;
  long len = 0;
  if (a.get(object, scratch, &data, &len) == 0) {
    out.is_null = true;
    return true;
  }
  switch (a.type) {
    case PGESQL_T_CHAR: out.data.assign(static_cast<const char *>(data), static_cast<std::size_t>(len)); return true;
    case PGESQL_T_BYTEA:
      out.data.assign(static_cast<const char *>(data), static_cast<std::size_t>(len));
      out.binary = true;  // as a C bytea host variable travels
      return true;
    case PGESQL_T_TIMESTAMP: {
      long long us;
      std::memcpy(&us, data, sizeof us);
      out.data = utc_timestamp_text(us);
      return true;
    }
    case PGESQL_T_DATE:
      if (pgtypes_to_text(PGESQL_T_DATE, data, out.data) == pgtypes_status::ok) return true;
      diag::raise_error(opt.line, ECPG_DATE_FORMAT, diag::sqlstate::datatype_mismatch);
      return false;
    default: {
      host_var h{};
      h.type = a.type;
      h.value = static_cast<char *>(const_cast<void *>(data));
      h.varcharsize = 1;
      h.arrsize = 1;
      h.offset = c_size(a.type);
      h.ind_type = PGESQL_T_NO_INDICATOR;
      store_options strict = opt;
      strict.force_indicator = true;  // a C++ value is never a "no indicator NULL"
      return format_param(strict, h, out);
    }
  }
}

// An element of an array literal, always quoted.
void append_element(std::string &s, const param_value &p) {
  if (p.is_null) {
    s += "NULL";
    return;
  }
  s += '"';
  for (char c : p.data) {
    if (c == '"' || c == '\\') s += '\\';
    s += c;
  }
  s += '"';
}

bool unsupported(const store_options &opt, const pgesql_host_adapter &a) {
  diag::raise_error(opt.line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, a.name);
  return false;
}

// A container element named with a subscript outside the container (pgesql::host::bind_at):
// the adapter's name is the host variable as written.
bool subscript_in_range(const store_options &opt, const pgesql_host_object &o) {
  if (o.object != nullptr || o.rows != nullptr) return true;
  const std::string message = std::string("subscript out of range in host variable \"") + o.adapter->name + "\"";
  diag::raise_server_error(opt.line, "2202E", message.c_str(), opt.informix);
  return false;
}

}  // namespace

bool format_host_param(const store_options &opt, const pgesql_var &v, param_value &out) {
  out = param_value{};
  const auto &o = *static_cast<const pgesql_host_object *>(v.addr);
  if (!subscript_in_range(opt, o)) return false;
  if (v.ind_type != PGESQL_T_NO_INDICATOR) {
    host_var h = resolve(v);
    if (is_integer_indicator_type(h.ind_type) && read_indicator(h.ind_type, h.ind_value) < 0) {
      out.is_null = true;
      return true;
    }
  }
  bool many = o.rows != nullptr || v.count > 1;
  if (!many) return value_text(opt, *o.adapter, o.object, out);
  long n = o.rows != nullptr ? o.rows->size(o.object) : v.count;
  char *base = static_cast<char *>(o.rows != nullptr ? o.rows->data(o.object) : o.object);
  std::string s = "{";
  for (long r = 0; r < n; ++r) {
    param_value one;
    if (!value_text(opt, *o.adapter, element(o, base, v.stride, r), one)) return false;
    if (r > 0) s += ',';
    append_element(s, one);
  }
  s += '}';
  out.data = std::move(s);
  return true;
}

long host_row_count(const pgesql_var &v) {
  const auto &o = *static_cast<const pgesql_host_object *>(v.addr);
  if (o.rows != nullptr && o.object != nullptr) return o.rows->size(o.object);
  return v.count == 1 ? -1 : v.count;
}

bool format_host_row(const store_options &opt, const pgesql_var &v, std::size_t row, param_value &out) {
  out = param_value{};
  const auto &o = *static_cast<const pgesql_host_object *>(v.addr);
  if (!subscript_in_range(opt, o)) return false;
  if (v.ind_type != PGESQL_T_NO_INDICATOR) {
    host_var h = resolve(v);
    char *ind = h.ind_value;
    if (ind != nullptr && v.ind_count != 1) ind += static_cast<long>(row) * h.ind_offset;
    if (ind != nullptr && is_integer_indicator_type(h.ind_type) && read_indicator(h.ind_type, ind) < 0) {
      out.is_null = true;
      return true;
    }
  }
  if (o.rows == nullptr && v.count == 1) return value_text(opt, *o.adapter, o.object, out);
  char *base = static_cast<char *>(o.rows != nullptr ? o.rows->data(o.object) : o.object);
  return value_text(opt, *o.adapter, element(o, base, v.stride, static_cast<long>(row)), out);
}

bool store_host_column(const store_options &opt, const pgesql_var &v, std::span<const field_value> rows,
                       array_kind kind) {
  const auto &o = *static_cast<const pgesql_host_object *>(v.addr);
  if (!subscript_in_range(opt, o)) return false;
  const pgesql_host_adapter &a = *o.adapter;
  if (a.set == nullptr || (kind != array_kind::none && a.type != PGESQL_T_CHAR)) return unsupported(opt, a);
  long n = static_cast<long>(rows.size());
  host_var ind = resolve(v);
  long capacity = o.rows != nullptr ? -1 : (v.count > 0 ? v.count : 1);
  if ((capacity >= 0 && n > capacity) || (ind.ind_arrsize > 0 && n > ind.ind_arrsize)) {
    diag::raise_error(opt.line, opt.informix ? ECPG_INFORMIX_SUBSELECT_NOT_ONE : ECPG_TOO_MANY_MATCHES,
                      diag::sqlstate::cardinality_violation);
    return false;
  }
  char *base = static_cast<char *>(o.object);
  if (o.rows != nullptr) {
    base = static_cast<char *>(o.rows->resize(o.object, n));
    if (base == nullptr && n > 0) {  // a std::array too small for the rows
      diag::raise_error(opt.line, opt.informix ? ECPG_INFORMIX_SUBSELECT_NOT_ONE : ECPG_TOO_MANY_MATCHES,
                        diag::sqlstate::cardinality_violation);
      return false;
    }
  }
  bool has_ind = is_integer_indicator_type(ind.ind_type) && ind.ind_value != nullptr;
  for (long r = 0; r < n; ++r) {
    void *target = element(o, base, v.stride, r);
    char *ind_at = has_ind ? ind.ind_value + r * ind.ind_offset : nullptr;
    const field_value &f = rows[static_cast<std::size_t>(r)];
    if (f.is_null) {
      if (ind_at != nullptr) write_indicator(ind.ind_type, ind_at, -1);
      if (a.nullable) {
        a.set(target, nullptr, 0);
      } else if (ind_at == nullptr) {
        diag::raise_error(opt.line, ECPG_MISSING_INDICATOR, diag::sqlstate::null_value_no_indicator);
        return false;
      }
      continue;
    }
    if (ind_at != nullptr) write_indicator(ind.ind_type, ind_at, 0);
    if (a.type == PGESQL_T_CHAR) {
      a.set(target, f.text, f.length);
      continue;
    }
    if (a.type == PGESQL_T_BYTEA) {
      if (f.binary) {
        a.set(target, f.text, f.length);
      } else {
        std::vector<char> bytes;
        decode_bytea_text(f.text, static_cast<std::size_t>(f.length), bytes);
        a.set(target, bytes.data(), static_cast<long>(bytes.size()));
      }
      continue;
    }
    if (f.binary) return unsupported(opt, a);
    alignas(16) unsigned char scratch[16] = {};
    if (a.type == PGESQL_T_TIMESTAMP) {
      long long us;
      if (!parse_utc_timestamp(f.text, &us)) {
        diag::raise_error(opt.line, ECPG_TIMESTAMP_FORMAT, diag::sqlstate::datatype_mismatch, f.text);
        return false;
      }
      std::memcpy(scratch, &us, sizeof us);
    } else if (!store_value(opt, a.type, PGESQL_T_NO_INDICATOR, reinterpret_cast<char *>(scratch), nullptr, 1, 0, 0,
                            1, 0, f, array_kind::none)) {
      return false;
    }
    if (a.set(target, scratch, 0) == -2) {
      diag::raise_error(opt.line, a.type == PGESQL_T_DATE ? ECPG_DATE_FORMAT : ECPG_TIMESTAMP_FORMAT,
                        diag::sqlstate::datetime_field_overflow, f.text);
      return false;
    }
  }
  return true;
}

}  // namespace pgesql::values
