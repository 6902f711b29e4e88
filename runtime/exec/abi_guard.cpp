#include "exec/abi_guard.hpp"

#include <cstring>

#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"

namespace pgesql::exec {

void report_escaped_exception(int line, bool out_of_memory) noexcept {
  const long code = out_of_memory ? ECPG_OUT_OF_MEMORY : ECPG_PGSQL;
  const char *state = out_of_memory ? diag::sqlstate::out_of_memory : diag::sqlstate::internal_error;
  try {
    diag::raise_error(line, code, state, out_of_memory ? nullptr : "internal error");
    return;
  } catch (...) {
  }
  // The message could not be built: the codes alone, as ECPG's out-of-memory path does.
  sqlca_t &ca = diag::thread_sqlca();
  ca.sqlcode = code;
  std::memcpy(ca.sqlstate, state, sizeof ca.sqlstate);
  static const char text[] = "out of memory";
  std::memcpy(ca.sqlerrm.sqlerrmc, text, sizeof text);
  ca.sqlerrm.sqlerrml = static_cast<short>(sizeof text - 1);
}

}  // namespace pgesql::exec
