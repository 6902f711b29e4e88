// CONNECT, DISCONNECT, SET CONNECTION, SET AUTOCOMMIT and the connection
// queries programs call directly (ECPGstatus, ECPGtransactionStatus).
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include "auth/crypto.hpp"
#include "diag/debug_log.hpp"
#include "diag/last_error.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "exec/abi_guard.hpp"
#include "exec/connect_target.hpp"
#include "exec/cursor_fetch.hpp"
#include "exec/statement_context.hpp"
#include "pgesql/pgesql.h"

using namespace pgesql::exec;
namespace diag = pgesql::diag;

extern "C" PGESQL_API int pgesql_connect(const pgesql_stmt *stmt, const char *target, const char *user,
                                         const char *password, const char *name, int autocommit) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    begin_statement();
    diag::enable_log_from_environment();
    int line = stmt->line;
    std::string where = target ? target : "";
    // Informix programs may name the database through the environment
    if (stmt->flags & (PGESQL_F_COMPAT_INFORMIX | PGESQL_F_COMPAT_INFORMIX_SE))
      if (const char *env = std::getenv("PG_DBPATH")) where = env;
    target_facts facts = inspect_target(where);
    std::string conn_name = name ? name : (!facts.database.empty() ? facts.database : "DEFAULT");
    if (name == nullptr && where.empty()) conn_name = "DEFAULT";
    const char *db_for_message = facts.database.empty() ? "<DEFAULT>" : facts.database.c_str();

    if (find_connection(conn_name.c_str())) {
      // ECPG refuses quietly: sqlca stays clear
      diag::log("connect: connection identifier %s is already in use\n", conn_name.c_str());
      return outcome();
    }
    if (!facts.local_socket_ok) {
      diag::log("connect: non-localhost access via sockets on line %d\n", line);
      diag::raise_error(line, ECPG_CONNECT, diag::sqlstate::unable_to_connect, db_for_message);
      return outcome();
    }
    diag::log("connect: opening database %s for user %s\n", db_for_message, user && *user ? user : "<DEFAULT>");
    link_opener opener = current_link_opener();
    std::string error = "no connection layer is available";
    std::unique_ptr<server_link> link;
    std::string user_copy = user ? user : "";
    std::string password_copy = password ? password : "";
    if (opener) link = opener(where, user_copy, password_copy, error);
    // the target may carry a password too (URI or key=value)
    pgesql::auth::cleanse(password_copy);
    pgesql::auth::cleanse(where);
    if (!link) {
      diag::log("connect: %s\n", error.c_str());
      fall_back_to_newest_connection();
      diag::raise_error(line, ECPG_CONNECT, diag::sqlstate::unable_to_connect, db_for_message);
      // sqlca says what ECPG says; the cause (refused, timed out, which password rule) is here
      diag::thread_last_error().detail = error;
      return outcome();
    }
    auto c = std::make_shared<connection>();
    c->name = conn_name;
    c->link = std::move(link);
    c->autocommit = autocommit != 0;
    if (!add_connection(c)) {
      // another thread took the name meanwhile
      c->link->close();
      diag::log("connect: connection identifier %s is already in use\n", conn_name.c_str());
    }
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_disconnect(const pgesql_stmt *stmt, const char *name) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    diag::reset_sqlca();
    if (name != nullptr && std::strcmp(name, "ALL") == 0) {
      close_all_connections();
      return outcome();
    }
    connection_ptr c = require_connection(name, stmt->line);
    if (c) close_connection(c);
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_set_connection(const pgesql_stmt *stmt, const char *name) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    diag::reset_sqlca();
    if (connection_ptr c = require_connection(name, stmt->line)) set_current_connection(c);
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_set_autocommit(const pgesql_stmt *stmt, const char *connection_name, int on) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    begin_statement();
    int line = stmt->line;
    connection_ptr c = require_connection(connection_name, line);
    if (!c) return outcome();
    std::lock_guard<std::mutex> lock(c->mutex);
    if (!require_link(*c, line)) return outcome();
    diag::log("set_autocommit on line %d: action \"%s\"; connection \"%s\"\n", line, on ? "on" : "off",
              c->name.c_str());
    if (c->autocommit && !on) {
      // ECPG opens the transaction right away
      if (c->link->transaction_status() == transaction_state::idle &&
          !check_result(*c, c->link->simple_query("begin transaction"), line, false))
        return outcome();
      c->autocommit = false;
    } else if (!c->autocommit && on) {
      if (c->link->transaction_status() != transaction_state::idle) {
        query_result r = c->link->simple_query("commit");
        note_cursor_effects(*c, PGESQL_STMT_TRANSACTION, "commit", r);
        if (!check_result(*c, r, line, false)) return outcome();
      }
      c->autocommit = true;
    }
    return outcome();
  });
}

extern "C" PGESQL_API bool ECPGstatus(int lineno, const char *connection_name) {
  return pgesql::exec::guarded(lineno, [&] {
    diag::reset_sqlca();
    connection_ptr c = require_connection(connection_name, lineno);
    if (!c) return false;
    std::lock_guard<std::mutex> lock(c->mutex);
    return require_link(*c, lineno);
  });
}

extern "C" PGESQL_API ECPGtransaction_status ECPGtransactionStatus(const char *connection_name) {
  return pgesql::exec::guarded(0, [&] {
    connection_ptr c = find_connection(connection_name);
    if (!c) return ECPG_TRANS_UNKNOWN;
    std::lock_guard<std::mutex> lock(c->mutex);
    if (!c->link || !c->link->is_open()) return ECPG_TRANS_UNKNOWN;
    return static_cast<ECPGtransaction_status>(c->link->transaction_status());
  });
}
