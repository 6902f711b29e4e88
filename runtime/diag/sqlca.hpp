// The calling thread's sqlca and the ways a statement's outcome is written to it.
#pragma once

#define POSTGRES_ECPG_INTERNAL  // the runtime names the struct, not the `sqlca` macro
#include "sqlca.h"

namespace pgesql::diag {

// The calling thread's sqlca (ECPGget_sqlca()).
sqlca_t &thread_sqlca();

// Resets sqlca to its initial state, as at the start of every statement.
void reset_sqlca();

// Stores a message in sqlerrmc (truncated to fit, NUL-terminated) and sqlerrml.
void set_message(sqlca_t &ca, const char *message);

// Stores an SQLSTATE (5 characters, not NUL-terminated).
void set_sqlstate(sqlca_t &ca, const char *state);

// sqlwarn[1] and [0]: a string was truncated when stored into a host variable.
void warn_truncated();

}  // namespace pgesql::diag
