#include "diag/last_error.hpp"

#include "pgesql/pgesql.h"

namespace pgesql::diag {

last_error &thread_last_error() {
  static thread_local last_error e;
  return e;
}

void forget_last_error() {
  last_error &e = thread_last_error();
  for (std::string *field : {&e.message, &e.detail, &e.hint, &e.line, &e.column}) field->clear();
}

}  // namespace pgesql::diag

extern "C" const char *pgesql_error_field(int which) {
  const pgesql::diag::last_error &e = pgesql::diag::thread_last_error();
  switch (which) {
    case PGESQL_ERROR_MESSAGE: return e.message.c_str();
    case PGESQL_ERROR_DETAIL: return e.detail.c_str();
    case PGESQL_ERROR_HINT: return e.hint.c_str();
    case PGESQL_ERROR_LINE: return e.line.c_str();
    case PGESQL_ERROR_COLUMN: return e.column.c_str();
    default: return "";
  }
}
