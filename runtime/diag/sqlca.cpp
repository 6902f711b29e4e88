// One sqlca per thread, as ECPG has: statements on different threads never
// see each other's outcome.
#include "diag/sqlca.hpp"

#include <cstring>

#include "pgesql/pgesql.h"

namespace pgesql::diag {
namespace {

// Built at compile time, so the thread_local needs no initialization guard:
// every statement reaches its sqlca several times.
constexpr sqlca_t make_initial_sqlca() {
  sqlca_t ca{};
  constexpr char id[] = "SQLCA   ", errp[] = "NOT SET ", state[] = "00000";
  for (int i = 0; i < 8; ++i) ca.sqlcaid[i] = id[i];
  ca.sqlabc = sizeof(sqlca_t);
  for (int i = 0; i < 8; ++i) ca.sqlerrp[i] = errp[i];
  for (int i = 0; i < 5; ++i) ca.sqlstate[i] = state[i];
  return ca;
}

constexpr sqlca_t initial_sqlca = make_initial_sqlca();
constinit thread_local sqlca_t per_thread_sqlca = initial_sqlca;

}  // namespace

sqlca_t &thread_sqlca() { return per_thread_sqlca; }

void reset_sqlca() { per_thread_sqlca = initial_sqlca; }

void set_message(sqlca_t &ca, const char *message) {
  std::size_t n = std::strlen(message);
  if (n >= sizeof ca.sqlerrm.sqlerrmc) n = sizeof ca.sqlerrm.sqlerrmc - 1;
  std::memcpy(ca.sqlerrm.sqlerrmc, message, n);
  ca.sqlerrm.sqlerrmc[n] = '\0';
  ca.sqlerrm.sqlerrml = static_cast<int>(n);
}

void set_sqlstate(sqlca_t &ca, const char *state) {
  // strncpy semantics: a short state is padded with NULs
  std::size_t n = std::strlen(state);
  for (std::size_t i = 0; i < sizeof ca.sqlstate; ++i) ca.sqlstate[i] = i < n ? state[i] : '\0';
}

void warn_truncated() {
  sqlca_t &ca = thread_sqlca();
  ca.sqlwarn[0] = 'W';
  ca.sqlwarn[1] = 'W';
}

}  // namespace pgesql::diag

extern "C" PGESQL_API sqlca_t *ECPGget_sqlca(void) { return &pgesql::diag::thread_sqlca(); }

extern "C" PGESQL_API void pgesql_copy_sqlstate(char *sqlstate) {
  if (sqlstate == nullptr) return;
  std::memcpy(sqlstate, pgesql::diag::thread_sqlca().sqlstate, 5);
  sqlstate[5] = '\0';
}
