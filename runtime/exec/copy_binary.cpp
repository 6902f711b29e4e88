#include "exec/copy_binary.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace pgesql::exec {
namespace {

// Only the plain decimal forms a host variable formats to; the server also reads
// spaces, a '+', and words ("yes", "Infinity"), which stay with text COPY.
bool integer_text(std::string_view t, std::int64_t &v) {
  if (t.empty() || t.size() > 20) return false;
  const char *begin = t.data(), *end = t.data() + t.size();
  if (*begin == '-' && t.size() == 1) return false;
  for (const char *p = *begin == '-' ? begin + 1 : begin; p < end; ++p)
    if (*p < '0' || *p > '9') return false;
  auto [ptr, ec] = std::from_chars(begin, end, v);
  return ec == std::errc() && ptr == end;
}

// A decimal number with an optional fraction and exponent, as printf's %g writes it.
bool float_syntax(std::string_view t) {
  std::size_t i = 0, digits = 0;
  if (i < t.size() && t[i] == '-') ++i;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
  if (i < t.size() && t[i] == '.')
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == t.size() && t.size() < 64;
}

// The server's float8in/float4in are strtod/strtof (correctly rounded), refusing results
// out of range: a value that sets errno keeps text COPY, where the server says so itself.
template <typename F>
bool float_text(std::string_view t, F &v) {
  if (t == "NaN") {
    v = std::numeric_limits<F>::quiet_NaN();
    return true;
  }
  if (t == "Infinity" || t == "-Infinity") {
    v = t[0] == '-' ? -std::numeric_limits<F>::infinity() : std::numeric_limits<F>::infinity();
    return true;
  }
  if (!float_syntax(t)) return false;
  char buf[64];
  std::memcpy(buf, t.data(), t.size());
  buf[t.size()] = '\0';
  char *end = nullptr;
  errno = 0;
  if constexpr (sizeof(F) == sizeof(float))
    v = std::strtof(buf, &end);
  else
    v = std::strtod(buf, &end);
  return errno == 0 && end == buf + t.size() && std::isfinite(v);
}

bool value_encodes(std::string_view t, binary_column kind) {
  std::int64_t i = 0;
  float f = 0;
  double d = 0;
  switch (kind) {
    case binary_column::int2:
      return integer_text(t, i) && i >= std::numeric_limits<std::int16_t>::min() &&
             i <= std::numeric_limits<std::int16_t>::max();
    case binary_column::int4:
      return integer_text(t, i) && i >= std::numeric_limits<std::int32_t>::min() &&
             i <= std::numeric_limits<std::int32_t>::max();
    case binary_column::int8: return integer_text(t, i);
    case binary_column::float4: return float_text(t, f);
    case binary_column::float8: return float_text(t, d);
    case binary_column::boolean: return t == "t" || t == "f" || t == "true" || t == "false";
    // a C string cannot hold a zero byte; textin would stop at one
    case binary_column::text: return t.find('\0') == std::string_view::npos;
    case binary_column::none: return false;
  }
  return false;
}

void put_be(std::string &out, std::uint64_t v, int bytes) {
  char b[8];
  for (int k = bytes - 1; k >= 0; --k, v >>= 8) b[k] = static_cast<char>(v & 0xff);
  out.append(b, static_cast<std::size_t>(bytes));
}

// A float's IEEE bits, big-endian, behind its length.
template <typename F, typename Bits>
void put_float(std::string &out, std::string_view t) {
  F v = 0;
  float_text(t, v);
  Bits bits;
  std::memcpy(&bits, &v, sizeof bits);
  put_be(out, sizeof bits, 4);
  put_be(out, bits, static_cast<int>(sizeof bits));
}

void put_value(std::string &out, std::string_view t, binary_column kind) {
  std::int64_t i = 0;
  switch (kind) {
    case binary_column::int2:
    case binary_column::int4:
    case binary_column::int8: {
      const int bytes = kind == binary_column::int2 ? 2 : kind == binary_column::int4 ? 4 : 8;
      integer_text(t, i);
      put_be(out, static_cast<std::uint64_t>(bytes), 4);
      put_be(out, static_cast<std::uint64_t>(i), bytes);
      return;
    }
    case binary_column::float4: put_float<float, std::uint32_t>(out, t); return;
    case binary_column::float8: put_float<double, std::uint64_t>(out, t); return;
    case binary_column::boolean:
      put_be(out, 1, 4);
      out += t[0] == 't' ? '\1' : '\0';
      return;
    case binary_column::text:
      put_be(out, t.size(), 4);
      out.append(t);
      return;
    case binary_column::none: return;
  }
}

}  // namespace

binary_column binary_column_for(std::uint32_t type_oid) {
  switch (type_oid) {
    case 21: return binary_column::int2;
    case 23: return binary_column::int4;
    case 20: return binary_column::int8;
    case 700: return binary_column::float4;
    case 701: return binary_column::float8;
    case 16: return binary_column::boolean;
    case 25:    // text
    case 1043:  // varchar: the receive function applies the column's length as the input one does
    case 1042:  // bpchar: likewise, padding included
      return binary_column::text;
    default: return binary_column::none;
  }
}

std::vector<binary_column> binary_columns(std::string_view type_list, std::size_t columns) {
  std::vector<binary_column> out;
  while (!type_list.empty()) {
    const std::size_t comma = type_list.find(',');
    std::string_view item = type_list.substr(0, comma);
    std::uint32_t oid = 0;
    auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), oid);
    if (ec != std::errc() || ptr != item.data() + item.size()) return {};
    const binary_column kind = binary_column_for(oid);
    if (kind == binary_column::none) return {};
    out.push_back(kind);
    if (comma == std::string_view::npos) break;
    type_list.remove_prefix(comma + 1);
  }
  if (out.size() != columns) return {};
  return out;
}

bool encodes_exactly(const param_rows &rows, std::span<const binary_column> columns) {
  if (columns.size() != rows.per_row()) return false;
  for (std::size_t row = 0; row < rows.rows(); ++row)
    for (std::size_t col = 0; col < columns.size(); ++col) {
      const param_rows::value v = rows.at(row, col);
      if (v.binary || (!v.is_null && !value_encodes(v.data, columns[col]))) return false;
    }
  return true;
}

void append_binary_header(std::string &out) {
  static constexpr char signature[] = "PGCOPY\n\377\r\n";  // 11 bytes with its zero
  out.append(signature, 11);
  put_be(out, 0, 4);  // flags
  put_be(out, 0, 4);  // header extension length
}

void append_binary_row(std::string &out, const param_rows &rows, std::size_t row, std::span<const binary_column> columns) {
  put_be(out, columns.size(), 2);
  for (std::size_t col = 0; col < columns.size(); ++col) {
    const param_rows::value v = rows.at(row, col);
    if (v.is_null)
      put_be(out, 0xffffffffu, 4);
    else
      put_value(out, v.data, columns[col]);
  }
}

void append_binary_trailer(std::string &out) { put_be(out, 0xffff, 2); }

}  // namespace pgesql::exec
