// What ECPG's hand-called entry points (ecpg_direct_calls.cpp, ecpg_do.cpp,
// ecpg_descriptor_calls.cpp) share: each runs the embedded statement it
// stands for through the C ABI, with a statement descriptor made for the line
// the caller passed, and answers as ECPG's function does.
#pragma once

#include <cstdarg>

#include "pgesql/pgesql.h"

namespace pgesql::exec {

// ECPG's compatibility mode numbers (0 PostgreSQL, 1 INFORMIX, 2 INFORMIX_SE,
// 3 ORACLE) as statement flags.
int ecpg_compat_flags(int compat);

// A statement descriptor for a call from `lineno`: no file, no facts.
pgesql_stmt ecpg_call_statement(int lineno, int kind = PGESQL_STMT_NORMAL, const char *sql = nullptr, int flags = 0);

// ECPG's boolean answer for a C ABI outcome: a statement that ran counts as
// done even when the server warned (BEGIN inside a transaction: -603).
bool ecpg_call_done(int outcome);

// One variable of ECPG's variable lists (ECPGdo, ECPGdescribe) whose type was
// just read: pointer, varcharsize, arrsize, offset, then the indicator's type,
// pointer, varcharsize, arrsize, offset - the fields of a pgesql_var. `args`
// must be the caller's own va_list (not a va_list parameter).
pgesql_var read_ecpg_variable(int type, std::va_list *args);

}  // namespace pgesql::exec
