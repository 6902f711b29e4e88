// C types of host variables as the preprocessor needs them: enough to describe
// a variable to the runtime (type code, element size, array length, members).
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace pgesql::pp {

enum class Base {
  Char, UChar, Short, UShort, Int, UInt, Long, ULong, LongLong, ULongLong, Bool, Float, Double,
  String,  // Informix "string": a char array whose trailing blanks are trimmed
  Varchar, Bytea, Numeric, Decimal, Date, Timestamp, Interval, SqlDa, Struct, Union, Other,
  Cxx,  // a C++ class type bound through <pgesql/host_types.hpp> (std::string, std::vector<T>, ...)
  File  // stdio's FILE: a FILE * is the data's end of COPY ... USING :fp, never an SQL value
};

struct Type;
using TypeP = std::shared_ptr<const Type>;

struct Field {
  std::string name;
  TypeP type;
};

struct Type {
  enum Kind { Scalar, Array, Pointer, Record };
  Kind kind = Scalar;
  Base base = Base::Int;
  std::string spelling;   // C spelling for sizeof: "int", "struct s", "struct varchar_1"
  std::string length;     // Array: element count; Varchar/Bytea: declared length
  TypeP elem;             // Array / Pointer: the element
  std::vector<Field> fields;  // Record members (empty when only the tag is known)
  // Cxx: spelling is the C++ type; elem is the struct of a std::vector/std::array
  // of structs (its members are spread over columns), else null.
};

TypeP scalar_type(Base base, std::string spelling, std::string length = {});
TypeP array_of(TypeP elem, std::string length);
TypeP pointer_to(TypeP elem);

// Short human name of a type for diagnostics ("int", "char[20]", "struct s *").
std::string describe_type(const Type &t);

bool is_char(Base b);
bool is_integer(Base b);
// The PGESQL_T_* code name ("PGESQL_T_INT") for a scalar base.
const char *type_code(Base b);

}  // namespace pgesql::pp
