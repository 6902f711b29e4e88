// sqlprint(): the WHENEVER SQLERROR SQLPRINT action.
#include <cstdio>

#include "diag/sqlca.hpp"
#include "pgesql/pgesql.h"

extern "C" PGESQL_API void sqlprint(void) {
  sqlca_t &ca = pgesql::diag::thread_sqlca();
  int len = ca.sqlerrm.sqlerrml;
  if (len < 0 || len >= static_cast<int>(sizeof ca.sqlerrm.sqlerrmc)) len = sizeof ca.sqlerrm.sqlerrmc - 1;
  ca.sqlerrm.sqlerrmc[len] = '\0';
  std::fprintf(stderr, "SQL error: %s\n", ca.sqlerrm.sqlerrmc);
}
