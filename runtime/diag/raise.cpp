#include "diag/raise.hpp"

#include <cstring>
#include <string>

#include "diag/auto_memory.hpp"
#include "diag/debug_log.hpp"
#include "diag/error_message.hpp"
#include "diag/last_error.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"

namespace pgesql::diag {

void raise_error(int line, long code, const char *state, const char *detail) {
  sqlca_t &ca = thread_sqlca();
  ca.sqlcode = code;
  set_sqlstate(ca, state);
  std::string text = error_message(code, line, detail);
  set_message(ca, text.c_str());
  thread_last_error() = last_error{std::move(text), {}, {}, {}, {}};
  log("raising sqlcode %ld on line %d: %s\n", code, line, ca.sqlerrm.sqlerrmc);
  free_auto_memory();
}

void raise_not_found(int line) { raise_error(line, ECPG_NOT_FOUND, sqlstate::no_data); }

void raise_server_error(int line, const char *state, const char *message, bool informix) {
  sqlca_t &ca = thread_sqlca();
  if (state == nullptr || *state == '\0') state = sqlstate::internal_error;
  std::string text = std::string(message != nullptr ? message : "") + " on line " + std::to_string(line);
  set_message(ca, text.c_str());
  thread_last_error() = last_error{message != nullptr ? message : "", {}, {}, {}, {}};
  set_sqlstate(ca, state);
  if (std::strncmp(state, sqlstate::unique_violation, 5) == 0)
    ca.sqlcode = informix ? ECPG_INFORMIX_DUPLICATE_KEY : ECPG_DUPLICATE_KEY;
  else if (std::strncmp(state, sqlstate::cardinality_violation, 5) == 0)
    ca.sqlcode = informix ? ECPG_INFORMIX_SUBSELECT_NOT_ONE : ECPG_SUBSELECT_NOT_ONE;
  else
    ca.sqlcode = ECPG_PGSQL;
  log("raising sqlstate %.5s (sqlcode %ld): %s\n", ca.sqlstate, ca.sqlcode, ca.sqlerrm.sqlerrmc);
  free_auto_memory();
}

void raise_connection_failure(int line, const char *state, const char *message) {
  raise_server_error(line, state != nullptr && *state != '\0' ? state : sqlstate::connection_failure,
                     message != nullptr && *message != '\0' ? message : "the connection to the server was lost", false);
}

void raise_connection_lost(int line) {
  raise_server_error(line, sqlstate::connection_does_not_exist, "the connection to the server was lost", false);
}

void raise_commit_outcome_unknown(int line) {
  raise_server_error(line, sqlstate::transaction_resolution_unknown,
                     "connection lost during COMMIT; the transaction may or may not have committed", false);
}

void raise_server_warning(const char *state, const char *message) {
  if (state == nullptr) state = sqlstate::internal_error;
  if (message == nullptr) message = "empty message text";
  if (std::strncmp(state, "00", 2) == 0) return;
  log("notice: %s\n", message);
  sqlca_t &ca = thread_sqlca();
  if (std::strcmp(state, sqlstate::invalid_cursor_name) == 0)
    ca.sqlcode = ECPG_WARNING_UNKNOWN_PORTAL;
  else if (std::strcmp(state, sqlstate::active_transaction) == 0)
    ca.sqlcode = ECPG_WARNING_IN_TRANSACTION;
  else if (std::strcmp(state, sqlstate::no_active_transaction) == 0)
    ca.sqlcode = ECPG_WARNING_NO_TRANSACTION;
  else if (std::strcmp(state, sqlstate::duplicate_cursor) == 0)
    ca.sqlcode = ECPG_WARNING_PORTAL_EXISTS;
  else
    ca.sqlcode = 0;
  set_sqlstate(ca, state);
  ca.sqlwarn[0] = 'W';
  ca.sqlwarn[2] = 'W';
  set_message(ca, message);
}

}  // namespace pgesql::diag
