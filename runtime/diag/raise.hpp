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

// The connection broke under this statement: sqlcode ECPG_PGSQL, the class-08
// SQLSTATE that says how (08006 lost or timed out, 08P01 protocol violation).
void raise_connection_failure(int line, const char *sqlstate, const char *message);

// A statement on a connection that broke earlier: ECPG_PGSQL, SQLSTATE 08003,
// ECPG's text "the connection to the server was lost".
void raise_connection_lost(int line);

// COMMIT was sent but the connection broke before its reply: the transaction
// may or may not have committed (SQLSTATE 08007, transaction resolution unknown).
void raise_commit_outcome_unknown(int line);

// A NoticeResponse/WARNING: sqlwarn[2] and [0], sqlerrmc = the message, and
// ECPG's warning sqlcode for the SQLSTATEs it knows (0 otherwise).
// Notices of class 00 are not warnings and are ignored.
void raise_server_warning(const char *sqlstate, const char *message);

}  // namespace pgesql::diag
