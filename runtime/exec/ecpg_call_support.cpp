#include "exec/ecpg_call_support.hpp"

#include "diag/sqlca.hpp"
#include "ecpgerrno.h"

namespace pgesql::exec {

int ecpg_compat_flags(int compat) {
  switch (compat) {
    case 1: return PGESQL_F_COMPAT_INFORMIX;
    case 2: return PGESQL_F_COMPAT_INFORMIX | PGESQL_F_COMPAT_INFORMIX_SE;
    case 3: return PGESQL_F_COMPAT_ORACLE;
    default: return 0;
  }
}

pgesql_stmt ecpg_call_statement(int lineno, int kind, const char *sql, int flags) {
  return pgesql_stmt{kind, flags, sql, nullptr, "", lineno, 0, 0, nullptr};
}

bool ecpg_call_done(int outcome) {
  const long code = diag::thread_sqlca().sqlcode;
  return outcome == 0 || (code <= ECPG_WARNING_UNKNOWN_PORTAL && code >= ECPG_WARNING_PORTAL_EXISTS);
}

pgesql_var read_ecpg_variable(int type, std::va_list *args) {
  pgesql_var v{};
  v.type = type;
  v.addr = va_arg(*args, void *);
  v.size = va_arg(*args, long);
  v.count = va_arg(*args, long);
  v.stride = va_arg(*args, long);
  v.ind_type = va_arg(*args, int);  // enum ECPGttype, promoted to int
  v.ind_addr = va_arg(*args, void *);
  v.ind_size = va_arg(*args, long);
  v.ind_count = va_arg(*args, long);
  v.ind_stride = va_arg(*args, long);
  return v;
}

}  // namespace pgesql::exec
