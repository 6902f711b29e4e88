#include "types.hpp"

namespace pgesql::pp {

TypeP scalar_type(Base base, std::string spelling, std::string length) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Scalar;
  t->base = base;
  t->spelling = std::move(spelling);
  t->length = std::move(length);
  return t;
}

TypeP array_of(TypeP elem, std::string length) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Array;
  t->base = elem->base;
  t->length = std::move(length);
  t->elem = std::move(elem);
  return t;
}

TypeP pointer_to(TypeP elem) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Pointer;
  t->base = elem->base;
  t->elem = std::move(elem);
  return t;
}

std::string describe_type(const Type &t) {
  switch (t.kind) {
    case Type::Scalar:
      if (t.base == Base::Varchar || t.base == Base::Bytea)
        return std::string(t.base == Base::Varchar ? "VARCHAR" : "bytea") + "[" + t.length + "]";
      return t.spelling;
    case Type::Record: return t.spelling;
    case Type::Pointer: return describe_type(*t.elem) + " *";
    case Type::Array: return describe_type(*t.elem) + "[" + t.length + "]";
  }
  return "?";
}

bool is_char(Base b) { return b == Base::Char || b == Base::UChar || b == Base::String; }

bool is_integer(Base b) {
  switch (b) {
    case Base::Char: case Base::UChar: case Base::Short: case Base::UShort: case Base::Int:
    case Base::UInt: case Base::Long: case Base::ULong: case Base::LongLong: case Base::ULongLong:
      return true;
    default: return false;
  }
}

const char *type_code(Base b) {
  switch (b) {
    case Base::Char: return "PGESQL_T_CHAR";
    case Base::UChar: return "PGESQL_T_UNSIGNED_CHAR";
    case Base::Short: return "PGESQL_T_SHORT";
    case Base::UShort: return "PGESQL_T_UNSIGNED_SHORT";
    case Base::Int: return "PGESQL_T_INT";
    case Base::UInt: return "PGESQL_T_UNSIGNED_INT";
    case Base::Long: return "PGESQL_T_LONG";
    case Base::ULong: return "PGESQL_T_UNSIGNED_LONG";
    case Base::LongLong: return "PGESQL_T_LONG_LONG";
    case Base::ULongLong: return "PGESQL_T_UNSIGNED_LONG_LONG";
    case Base::Bool: return "PGESQL_T_BOOL";
    case Base::Float: return "PGESQL_T_FLOAT";
    case Base::Double: return "PGESQL_T_DOUBLE";
    case Base::String: return "PGESQL_T_STRING";
    case Base::Varchar: return "PGESQL_T_VARCHAR";
    case Base::Bytea: return "PGESQL_T_BYTEA";
    case Base::Numeric: return "PGESQL_T_NUMERIC";
    case Base::Decimal: return "PGESQL_T_DECIMAL";
    case Base::Date: return "PGESQL_T_DATE";
    case Base::Timestamp: return "PGESQL_T_TIMESTAMP";
    case Base::Interval: return "PGESQL_T_INTERVAL";
    case Base::SqlDa: return "PGESQL_T_SQLDA";
    case Base::Struct: return "PGESQL_T_STRUCT";
    case Base::Union: return "PGESQL_T_UNION";
    case Base::Other: case Base::File: return "PGESQL_T_CHAR";
    case Base::Cxx: return "PGESQL_T_CXX";
  }
  return "PGESQL_T_CHAR";
}

}  // namespace pgesql::pp
