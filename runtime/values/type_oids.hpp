// The built-in types the runtime interprets, by the OIDs the server gives them in
// RowDescription. OIDs of built-in types are fixed in the server's catalog since their
// creation; the table is written once here, and an integration test (TypeOids) checks every
// row against the running server's pg_type.
#pragma once

#include <cstdint>
#include <optional>

// X(identifier, pg_type.typname, oid, shape): how a value of the type arrives as text,
// as one scalar, a space-separated vector (int2vector, point, ...) or an array literal {a,b}.
#define PGESQL_BUILTIN_TYPES(X) \
  X(bool_, "bool", 16, scalar) \
  X(bytea, "bytea", 17, scalar) \
  X(char_, "char", 18, scalar) \
  X(name, "name", 19, scalar) \
  X(int8, "int8", 20, scalar) \
  X(int2, "int2", 21, scalar) \
  X(int2vector, "int2vector", 22, vector) \
  X(int4, "int4", 23, scalar) \
  X(regproc, "regproc", 24, scalar) \
  X(text, "text", 25, scalar) \
  X(oid, "oid", 26, scalar) \
  X(tid, "tid", 27, scalar) \
  X(xid, "xid", 28, scalar) \
  X(cid, "cid", 29, scalar) \
  X(oidvector, "oidvector", 30, vector) \
  X(json, "json", 114, scalar) \
  X(xml, "xml", 142, scalar) \
  X(point, "point", 600, vector) \
  X(lseg, "lseg", 601, vector) \
  X(path, "path", 602, scalar) \
  X(box, "box", 603, vector) \
  X(polygon, "polygon", 604, scalar) \
  X(line, "line", 628, vector) \
  X(cidr, "cidr", 650, scalar) \
  X(float4, "float4", 700, scalar) \
  X(float8, "float8", 701, scalar) \
  X(unknown, "unknown", 705, scalar) \
  X(circle, "circle", 718, scalar) \
  X(money, "money", 790, scalar) \
  X(inet, "inet", 869, scalar) \
  X(bool_array, "_bool", 1000, array) \
  X(bytea_array, "_bytea", 1001, array) \
  X(char_array, "_char", 1002, array) \
  X(name_array, "_name", 1003, array) \
  X(int2_array, "_int2", 1005, array) \
  X(int4_array, "_int4", 1007, array) \
  X(text_array, "_text", 1009, array) \
  X(bpchar_array, "_bpchar", 1014, array) \
  X(varchar_array, "_varchar", 1015, array) \
  X(int8_array, "_int8", 1016, array) \
  X(float4_array, "_float4", 1021, array) \
  X(float8_array, "_float8", 1022, array) \
  X(oid_array, "_oid", 1028, array) \
  X(bpchar, "bpchar", 1042, scalar) \
  X(varchar, "varchar", 1043, scalar) \
  X(date, "date", 1082, scalar) \
  X(time, "time", 1083, scalar) \
  X(timestamp, "timestamp", 1114, scalar) \
  X(timestamp_array, "_timestamp", 1115, array) \
  X(date_array, "_date", 1182, array) \
  X(timestamptz, "timestamptz", 1184, scalar) \
  X(timestamptz_array, "_timestamptz", 1185, array) \
  X(interval, "interval", 1186, scalar) \
  X(interval_array, "_interval", 1187, array) \
  X(numeric_array, "_numeric", 1231, array) \
  X(timetz, "timetz", 1266, scalar) \
  X(bit, "bit", 1560, scalar) \
  X(varbit, "varbit", 1562, scalar) \
  X(numeric, "numeric", 1700, scalar) \
  X(uuid, "uuid", 2950, scalar) \
  X(jsonb, "jsonb", 3802, scalar)

namespace pgesql::values::type_oid {

enum class shape { scalar, vector, array };

#define PGESQL_TYPE_OID_CONSTANT(identifier, typname, number, form) inline constexpr std::uint32_t identifier = number;
PGESQL_BUILTIN_TYPES(PGESQL_TYPE_OID_CONSTANT)
#undef PGESQL_TYPE_OID_CONSTANT

struct entry {
  const char *typname;
  std::uint32_t oid;
  shape form;
};

#define PGESQL_TYPE_OID_ENTRY(identifier, typname, number, form) entry{typname, number, shape::form},
inline constexpr entry all[] = {PGESQL_BUILTIN_TYPES(PGESQL_TYPE_OID_ENTRY)};
#undef PGESQL_TYPE_OID_ENTRY

// How values of a listed type arrive; std::nullopt for a type the table does not list.
constexpr std::optional<shape> shape_of(std::uint32_t oid) {
  switch (oid) {
#define PGESQL_TYPE_OID_SHAPE(identifier, typname, number, form) \
  case number: return shape::form;
    PGESQL_BUILTIN_TYPES(PGESQL_TYPE_OID_SHAPE)
#undef PGESQL_TYPE_OID_SHAPE
    default: return std::nullopt;
  }
}

}  // namespace pgesql::values::type_oid
