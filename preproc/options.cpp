#include "options.hpp"

#include <pgesql/pgesql.h>

namespace pgesql::pp {

int Options::statement_flags() const {
  int f = 0;
  if (compat == Compat::Informix) f |= PGESQL_F_COMPAT_INFORMIX;
  if (compat == Compat::InformixSE) f |= PGESQL_F_COMPAT_INFORMIX | PGESQL_F_COMPAT_INFORMIX_SE;
  if (compat == Compat::Oracle) f |= PGESQL_F_COMPAT_ORACLE;
  if (rule_no_indicator) f |= PGESQL_F_NO_INDICATOR;
  if (rule_prepare) f |= PGESQL_F_PREPARE;
  if (rule_questionmarks) f |= PGESQL_F_QUESTIONMARKS;
  return f;
}

}  // namespace pgesql::pp
