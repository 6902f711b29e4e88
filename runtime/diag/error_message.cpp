#include "diag/error_message.hpp"

#include <cstdio>

#include "ecpgerrno.h"

namespace pgesql::diag {
namespace {

std::string format(const char *fmt, const char *detail, int line) {
  char buf[512];
  if (detail != nullptr)
    std::snprintf(buf, sizeof buf, fmt, detail, line);
  else
    std::snprintf(buf, sizeof buf, fmt, line);
  return buf;
}

// Message with a quoted detail, or the null-safe "(null)" ECPG's printf gives.
std::string quoted(const char *fmt, const char *detail, int line) {
  return format(fmt, detail != nullptr ? detail : "(null)", line);
}

}  // namespace

std::string error_message(long code, int line, const char *detail) {
  switch (code) {
    case ECPG_NOT_FOUND: return format("no data found on line %d", nullptr, line);
    case ECPG_OUT_OF_MEMORY: return format("out of memory on line %d", nullptr, line);
    case ECPG_UNSUPPORTED: return quoted("unsupported type \"%s\" on line %d", detail, line);
    case ECPG_TOO_MANY_ARGUMENTS: return format("too many arguments on line %d", nullptr, line);
    case ECPG_TOO_FEW_ARGUMENTS: return format("too few arguments on line %d", nullptr, line);
    case ECPG_INT_FORMAT:
      return quoted("invalid input syntax for type int: \"%s\", on line %d", detail, line);
    case ECPG_UINT_FORMAT:
      return quoted("invalid input syntax for type unsigned int: \"%s\", on line %d", detail, line);
    case ECPG_FLOAT_FORMAT:
      return quoted("invalid input syntax for floating-point type: \"%s\", on line %d", detail,
                    line);
    case ECPG_CONVERT_BOOL:
      if (detail != nullptr)
        return format("invalid syntax for type boolean: \"%s\", on line %d", detail, line);
      return format("could not convert boolean value: size mismatch, on line %d", nullptr, line);
    case ECPG_EMPTY: return format("empty query on line %d", nullptr, line);
    case ECPG_MISSING_INDICATOR: return format("null value without indicator on line %d", nullptr, line);
    case ECPG_NO_ARRAY:
      return format("variable does not have an array type on line %d", nullptr, line);
    case ECPG_DATA_NOT_ARRAY:
      return format("data read from server is not an array on line %d", nullptr, line);
    case ECPG_ARRAY_INSERT:
      return format("inserting an array of variables is not supported on line %d", nullptr, line);
    case ECPG_NO_CONN: return quoted("connection \"%s\" does not exist on line %d", detail, line);
    case ECPG_NOT_CONN: return quoted("not connected to connection \"%s\" on line %d", detail, line);
    case ECPG_INVALID_STMT: return quoted("invalid statement name \"%s\" on line %d", detail, line);
    case ECPG_UNKNOWN_DESCRIPTOR: return quoted("descriptor \"%s\" not found on line %d", detail, line);
    case ECPG_INVALID_DESCRIPTOR_INDEX:
      return format("descriptor index out of range on line %d", nullptr, line);
    case ECPG_UNKNOWN_DESCRIPTOR_ITEM:
      return quoted("unrecognized descriptor item \"%s\" on line %d", detail, line);
    case ECPG_VAR_NOT_NUMERIC:
      return format("variable does not have a numeric type on line %d", nullptr, line);
    case ECPG_VAR_NOT_CHAR:
      return format("variable does not have a character type on line %d", nullptr, line);
    case ECPG_TRANS: return format("error in transaction processing on line %d", nullptr, line);
    case ECPG_CONNECT: return quoted("could not connect to database \"%s\" on line %d", detail, line);
    default: {
      char buf[128];
      std::snprintf(buf, sizeof buf, "SQL error %ld on line %d", code, line);
      return buf;
    }
  }
}

}  // namespace pgesql::diag
