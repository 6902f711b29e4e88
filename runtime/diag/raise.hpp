// Reporting a statement's failure (or NOT FOUND, or a server warning) in the
// calling thread's sqlca, with ECPG's codes, SQLSTATEs and texts.
#pragma once

namespace pgesql::diag {

// A runtime error: code is an ECPG_* value, sqlstate one of diag/sqlstate.hpp,
// detail what the message quotes. Frees this statement's automatic allocations.
void raise_error(int line, long code, const char *sqlstate, const char *detail = nullptr);

// NOT FOUND: sqlcode 100, SQLSTATE 02000.
void raise_not_found(int line);

// An ErrorResponse from the server: sqlerrmc is "<message> on line N"; sqlcode
// is ECPG_PGSQL except for unique violations and cardinality violations,
// which get their own (Informix-numbered in Informix mode) codes.
void raise_server_error(int line, const char *sqlstate, const char *message, bool informix);

// The connection broke under a statement (SQLSTATE 57P02).
void raise_connection_lost(int line);

// A NoticeResponse/WARNING: sqlwarn[2] and [0], sqlerrmc = the message, and
// ECPG's warning sqlcode for the SQLSTATEs it knows (0 otherwise).
// Notices of class 00 are not warnings and are ignored.
void raise_server_warning(const char *sqlstate, const char *message);

}  // namespace pgesql::diag
