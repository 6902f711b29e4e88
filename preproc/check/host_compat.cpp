#include "check/host_compat.hpp"

#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace pgesql::pp::check {
namespace {

// What a host variable holds, as far as conversions go.
enum class host_kind { unknown, text, integer, small_integer, floating, single_float, boolean, numeric, date,
                       timestamp, interval, bytea };
// What a column or parameter type is, grouped the same way.
enum class sql_kind { other, text, integer, big_integer, small_integer, floating, single_float, numeric, boolean,
                      date, timestamp, timestamptz, time, interval, bytea, json };

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A C++ type spelled without std:: anywhere: under `using namespace std` the preprocessor
// qualifies the outer name only ("std::optional<string>").
std::string unqualified(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    if (t.compare(i, 5, "std::") == 0 && (i == 0 || !(std::isalnum(static_cast<unsigned char>(t[i - 1])) || t[i - 1] == '_'))) {
      i += 5;
      continue;
    }
    out += t[i++];
  }
  return out.compare(0, 2, "::") == 0 ? out.substr(2) : out;
}

std::string_view without_wrapper(std::string_view t, std::string_view wrapper) {
  if (!starts_with(t, wrapper) || t.back() != '>') return t;
  return t.substr(wrapper.size(), t.size() - wrapper.size() - 1);
}

// The element of vector<T>, array<T, N> or span<T> (FETCH reads one row into each).
std::string_view without_container(std::string_view t) {
  for (std::string_view p : {"vector<", "array<", "span<"}) {
    std::string_view inner = without_wrapper(t, p);
    if (inner.size() == t.size()) continue;
    int depth = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {  // array<T, N>: up to the top-level comma
      depth += inner[i] == '<' ? 1 : inner[i] == '>' ? -1 : 0;
      if (inner[i] == ',' && depth == 0) return inner.substr(0, i);
    }
    if (starts_with(inner, "const ")) inner.remove_prefix(6);
    return inner;
  }
  return t;
}

host_kind cxx_kind(std::string_view spelled) {
  const std::string plain = unqualified(spelled);
  std::string_view t = plain;
  if (t == "vector<byte>" || t == "vector<unsigned char>") return host_kind::bytea;
  t = without_wrapper(without_container(t), "optional<");
  if (t == "string" || t == "string_view" || t == "basic_string<char>") return host_kind::text;
  if (t == "bool") return host_kind::boolean;
  if (t == "double" || t == "long double") return host_kind::floating;
  if (t == "float") return host_kind::single_float;
  if (t == "short" || t == "unsigned short" || t == "int16_t" || t == "uint16_t") return host_kind::small_integer;
  static constexpr std::array<std::string_view, 13> integers = {
      "int", "unsigned", "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "int32_t",
      "int64_t", "uint32_t", "uint64_t", "size_t", "long int"};
  for (std::string_view i : integers)
    if (t == i) return host_kind::integer;
  if (starts_with(t, "chrono::time_point") || starts_with(t, "chrono::sys_") || t == "chrono::system_clock::time_point")
    return host_kind::timestamp;
  if (t == "chrono::year_month_day") return host_kind::date;
  return host_kind::unknown;
}

host_kind kind_of(const host_slot &h) {
  const std::string &t = h.type;
  if (starts_with(t, "cxx:")) return cxx_kind(std::string_view(t).substr(4));
  if (t == "PGESQL_T_CHAR" || t == "PGESQL_T_UNSIGNED_CHAR" || t == "PGESQL_T_STRING" || t == "PGESQL_T_VARCHAR" ||
      t == "PGESQL_T_VARCHAR2")
    return host_kind::text;
  if (t == "PGESQL_T_SHORT" || t == "PGESQL_T_UNSIGNED_SHORT") return host_kind::small_integer;
  if (t == "PGESQL_T_INT" || t == "PGESQL_T_UNSIGNED_INT" || t == "PGESQL_T_LONG" || t == "PGESQL_T_UNSIGNED_LONG" ||
      t == "PGESQL_T_LONG_LONG" || t == "PGESQL_T_UNSIGNED_LONG_LONG")
    return host_kind::integer;
  if (t == "PGESQL_T_BOOL") return host_kind::boolean;
  if (t == "PGESQL_T_FLOAT") return host_kind::single_float;
  if (t == "PGESQL_T_DOUBLE") return host_kind::floating;
  if (t == "PGESQL_T_NUMERIC" || t == "PGESQL_T_DECIMAL") return host_kind::numeric;
  if (t == "PGESQL_T_DATE") return host_kind::date;
  if (t == "PGESQL_T_TIMESTAMP") return host_kind::timestamp;
  if (t == "PGESQL_T_INTERVAL") return host_kind::interval;
  if (t == "PGESQL_T_BYTEA") return host_kind::bytea;
  return host_kind::unknown;
}

sql_kind kind_of(std::string_view base) {
  if (base == "int4" || base == "oid" || base == "xid" || base == "cid") return sql_kind::integer;
  if (base == "int8") return sql_kind::big_integer;
  if (base == "int2") return sql_kind::small_integer;
  if (base == "float8") return sql_kind::floating;
  if (base == "float4") return sql_kind::single_float;
  if (base == "numeric" || base == "money") return sql_kind::numeric;
  if (base == "bool") return sql_kind::boolean;
  if (base == "date") return sql_kind::date;
  if (base == "timestamp") return sql_kind::timestamp;
  if (base == "timestamptz") return sql_kind::timestamptz;
  if (base == "time" || base == "timetz") return sql_kind::time;
  if (base == "interval") return sql_kind::interval;
  if (base == "bytea") return sql_kind::bytea;
  if (base == "json" || base == "jsonb") return sql_kind::json;
  if (base == "text" || base == "varchar" || base == "bpchar" || base == "name" || base == "char" ||
      base == "unknown" || base == "citext")
    return sql_kind::text;
  return sql_kind::other;
}

bool is_integer(sql_kind k) {
  return k == sql_kind::integer || k == sql_kind::big_integer || k == sql_kind::small_integer;
}
bool is_number(sql_kind k) {
  return is_integer(k) || k == sql_kind::floating || k == sql_kind::single_float || k == sql_kind::numeric;
}

judgement ok() { return {}; }
judgement warn(std::string why) { return {verdict::warning, std::move(why)}; }
judgement fail(std::string why) { return {verdict::error, std::move(why)}; }

}  // namespace

bool may_spread(const host_slot &host) {
  return host.type.compare(0, 4, "cxx:") == 0 && kind_of(host) == host_kind::unknown;
}

std::string host_type_name(const host_slot &h) {
  const std::string &t = h.type;
  if (starts_with(t, "cxx:")) return t.substr(4);
  if (t == "PGESQL_T_CHAR" || t == "PGESQL_T_STRING")
    return h.char_len > 0 ? "char[" + std::to_string(h.char_len) + "]" : "char *";
  if (t == "PGESQL_T_UNSIGNED_CHAR") return "unsigned char[]";
  if (t == "PGESQL_T_VARCHAR" || t == "PGESQL_T_VARCHAR2") return "VARCHAR";
  if (t == "PGESQL_T_NUMERIC") return "numeric";
  if (t == "PGESQL_T_DECIMAL") return "decimal";
  if (t == "PGESQL_T_DATE") return "date";
  if (t == "PGESQL_T_TIMESTAMP") return "timestamp";
  if (t == "PGESQL_T_INTERVAL") return "interval";
  if (t == "PGESQL_T_BYTEA") return "bytea";
  std::string s = t.substr(t.rfind("_T_") == std::string::npos ? 0 : t.rfind("_T_") + 3);
  for (char &c : s) c = c == '_' ? ' ' : static_cast<char>(c - 'A' + 'a');
  return s;
}

judgement judge_output(const column_fact &column, const host_slot &host) {
  const host_kind h = kind_of(host);
  const sql_kind c = kind_of(column.base);
  const std::string into = "column \"" + column.name + "\" (" + column.type + ") read into " +
                           host_type_name(host) + " \"" + host.name + "\"";
  switch (h) {
    case host_kind::unknown: return ok();
    case host_kind::text:
      if (host.char_len > 0 && column.length > 0 && host.char_len - 1 < column.length)
        return warn(into + ": the host variable holds at most " + std::to_string(host.char_len - 1) +
                    " characters, longer values are truncated");
      return ok();
    case host_kind::small_integer:
      if (c == sql_kind::small_integer) return ok();
      if (is_integer(c)) return warn(into + ": values may not fit");
      break;
    case host_kind::integer:
      if (c == sql_kind::small_integer || c == sql_kind::integer) return ok();
      if (c == sql_kind::big_integer)
        return host.type == "PGESQL_T_INT" || host.type == "PGESQL_T_UNSIGNED_INT" ? warn(into + ": values may not fit")
                                                                                    : ok();
      break;
    case host_kind::floating:
    case host_kind::single_float:
      if (c == sql_kind::numeric || c == sql_kind::big_integer ||
          (h == host_kind::single_float && (c == sql_kind::floating || c == sql_kind::integer)))
        return warn(into + ": digits beyond the host type's precision are lost");
      if (is_number(c)) return ok();
      break;
    case host_kind::boolean:
      if (c == sql_kind::boolean) return ok();
      break;
    case host_kind::numeric:
      if (is_number(c)) return ok();
      break;
    case host_kind::date:
      if (c == sql_kind::date) return ok();
      if (c == sql_kind::timestamp || c == sql_kind::timestamptz) return warn(into + ": the time of day is lost");
      break;
    case host_kind::timestamp:
      if (c == sql_kind::timestamp || c == sql_kind::date) return ok();
      if (c == sql_kind::timestamptz) return warn(into + ": the time zone offset is not kept");
      break;
    case host_kind::interval:
      if (c == sql_kind::interval) return ok();
      break;
    case host_kind::bytea:
      if (c == sql_kind::bytea) return ok();
      break;
  }
  return fail(into + ": " + host_type_name(host) + " cannot hold " + column.type + " values");
}

judgement judge_input(const std::string &param_base, const host_slot &host) {
  const host_kind h = kind_of(host);
  const sql_kind p = kind_of(param_base);
  if (h == host_kind::unknown || h == host_kind::text || p == sql_kind::text || p == sql_kind::other) return ok();
  const std::string as = host_type_name(host) + " \"" + host.name + "\" supplies a parameter of type " + param_base;
  switch (h) {
    case host_kind::small_integer:
    case host_kind::integer:
      if (is_number(p) || p == sql_kind::json) return ok();
      if (p == sql_kind::boolean) return warn(as + ": only 0 and 1 are valid booleans");
      break;
    case host_kind::floating:
    case host_kind::single_float:
      if (p == sql_kind::floating || p == sql_kind::single_float || p == sql_kind::numeric || p == sql_kind::json)
        return ok();
      if (is_integer(p)) return fail(as + ": the server rejects a fraction such as 1.5 as " + param_base);
      break;
    case host_kind::boolean:
      if (p == sql_kind::boolean) return ok();
      break;
    case host_kind::numeric:
      if (p == sql_kind::numeric || p == sql_kind::floating || p == sql_kind::single_float) return ok();
      if (is_integer(p)) return warn(as + ": values with a fraction are rejected");
      break;
    case host_kind::date:
      if (p == sql_kind::date || p == sql_kind::timestamp || p == sql_kind::timestamptz) return ok();
      break;
    case host_kind::timestamp:
      if (p == sql_kind::timestamp || p == sql_kind::timestamptz) return ok();
      if (p == sql_kind::date) return warn(as + ": the time of day is lost");
      break;
    case host_kind::interval:
      if (p == sql_kind::interval) return ok();
      break;
    case host_kind::bytea:
      if (p == sql_kind::bytea) return ok();
      break;
    case host_kind::unknown:
    case host_kind::text: return ok();
  }
  return fail(as + ", which it cannot");
}

}  // namespace pgesql::pp::check
