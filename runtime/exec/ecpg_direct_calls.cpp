// ECPG's statement entry points that programs call by hand (ECPGprepare,
// ECPGtrans, ECPGprepared_statement, ...): each is the embedded statement it
// stands for, run through the same C ABI the generated code calls, with a
// statement descriptor made here for the line the program passed.
#include <strings.h>

#include <mutex>

#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "exec/abi_guard.hpp"
#include "exec/connection.hpp"
#include "exec/connection_registry.hpp"
#include "exec/ecpg_call_support.hpp"
#include "pgesql/pgesql.h"

using pgesql::exec::ecpg_call_done;
using pgesql::exec::ecpg_call_statement;
using pgesql::exec::ecpg_compat_flags;

extern "C" {

PGESQL_API bool ECPGconnect(int lineno, int compat, const char *target, const char *user, const char *password,
                            const char *connection_name, int autocommit) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno, PGESQL_STMT_NORMAL, nullptr, ecpg_compat_flags(compat));
    return ecpg_call_done(pgesql_connect(&s, target, user, password, connection_name, autocommit));
  });
}

PGESQL_API bool ECPGdisconnect(int lineno, const char *connection_name) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno);
    return ecpg_call_done(pgesql_disconnect(&s, connection_name != nullptr ? connection_name : PGESQL_CONN_CURRENT));
  });
}

PGESQL_API bool ECPGsetconn(int lineno, const char *connection_name) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno);
    return ecpg_call_done(pgesql_set_connection(&s, connection_name));
  });
}

PGESQL_API bool ECPGsetcommit(int lineno, const char *mode, const char *connection_name) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno);
    return ecpg_call_done(pgesql_set_autocommit(&s, connection_name, mode != nullptr && strncasecmp(mode, "on", 2) == 0));
  });
}

PGESQL_API bool ECPGtrans(int lineno, const char *connection_name, const char *transaction) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno, PGESQL_STMT_TRANSACTION, transaction);
    return ecpg_call_done(pgesql_exec(&s, connection_name, nullptr, 0, nullptr, 0, nullptr));
  });
}

PGESQL_API bool ECPGprepare(int lineno, const char *connection_name, const bool questionmarks, const char *name,
                            const char *query) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno, PGESQL_STMT_NORMAL, nullptr, questionmarks ? PGESQL_F_QUESTIONMARKS : 0);
    return ecpg_call_done(pgesql_prepare(&s, connection_name, name, query));
  });
}

PGESQL_API bool ECPGdeallocate(int lineno, int compat, const char *connection_name, const char *name) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno, PGESQL_STMT_NORMAL, nullptr, ecpg_compat_flags(compat));
    return ecpg_call_done(pgesql_deallocate(&s, connection_name, name));
  });
}

PGESQL_API bool ECPGdeallocate_all(int lineno, int compat, const char *connection_name) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno, PGESQL_STMT_NORMAL, nullptr, ecpg_compat_flags(compat));
    return ecpg_call_done(pgesql_deallocate(&s, connection_name, nullptr));
  });
}

// As ECPG's: no sqlca change, NULL for an unknown connection or statement.
PGESQL_API char *ECPGprepared_statement(const char *connection_name, const char *name, int) {
  return pgesql::exec::guarded(0, [&]() -> char * {
    if (name == nullptr) return nullptr;
    pgesql::exec::connection_ptr c = pgesql::exec::find_connection(connection_name);
    if (!c) return nullptr;
    std::lock_guard<std::mutex> lock(c->mutex);
    auto it = pgesql::exec::find_prepared(*c, name);
    return it == c->prepared.end() ? nullptr : it->second.sql.data();
  });
}

PGESQL_API bool ECPGallocate_desc(int line, const char *name) {
  return pgesql::exec::guarded(line, [&] {
    const pgesql_stmt s = ecpg_call_statement(line);
    return ecpg_call_done(pgesql_allocate_descriptor(&s, name));
  });
}

PGESQL_API bool ECPGdeallocate_desc(int line, const char *name) {
  return pgesql::exec::guarded(line, [&] {
    const pgesql_stmt s = ecpg_call_statement(line);
    return ecpg_call_done(pgesql_deallocate_descriptor(&s, name));
  });
}

PGESQL_API bool ECPGget_desc_header(int lineno, const char *desc_name, int *count) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno);
    const pgesql_var v = {PGESQL_T_INT, count, 1, 1, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
    return ecpg_call_done(pgesql_get_descriptor_count(&s, desc_name, &v));
  });
}

PGESQL_API bool ECPGset_desc_header(int lineno, const char *desc_name, int count) {
  return pgesql::exec::guarded(lineno, [&] {
    const pgesql_stmt s = ecpg_call_statement(lineno);
    const pgesql_var v = {PGESQL_T_INT, &count, 1, 1, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
    return ecpg_call_done(pgesql_set_descriptor_count(&s, desc_name, &v));
  });
}

PGESQL_API bool ECPGdo_descriptor(int line, const char *connection, const char *descriptor, const char *query) {
  return pgesql::exec::guarded(line, [&] {
    const pgesql_stmt s = ecpg_call_statement(line, PGESQL_STMT_NORMAL, query);
    const pgesql_var out = {PGESQL_T_DESCRIPTOR, const_cast<char *>(descriptor), 1, 1, 0, PGESQL_T_NO_INDICATOR,
                            nullptr, 0, 0, 0};
    return ecpg_call_done(pgesql_exec(&s, connection, nullptr, 0, nullptr, 1, &out));
  });
}

PGESQL_API PGconn *ECPGget_PGconn(const char *) {
  return pgesql::exec::guarded(0, [&] {
    pgesql::diag::reset_sqlca();
    // pgesql speaks the protocol itself: there is no libpq connection behind it
    pgesql::diag::raise_error(0, ECPG_UNSUPPORTED, pgesql::diag::sqlstate::internal_error, "ECPGget_PGconn");
    return nullptr;
  });
}

}  // extern "C"
