// Running static statements through the per-connection statement cache,
// with the cache kept in step with what the program does to the session.
#pragma once

#include <span>
#include <string>

#include "exec/connection.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {

// The connection's cache (created on first use, sized from the connection
// option pgesql_statement_cache or PGESQL_STMT_CACHE_SIZE); null when disabled.
statement_cache *cache_of(connection &c);

// Runs `sql` (the static statement `stmt`'s text) as a cached prepared
// statement. When a cached statement went stale (its result type changed,
// or the server forgot it) it is prepared again and run once more, but only
// where that is invisible: outside a transaction block, or when the
// transaction so far only began (replay_begin: the BEGIN text to run again
// after rolling the failed one back). A forgotten statement also turns the
// cache off for the connection: behind a transaction pooler the next
// transaction may run on a server connection that never saw our names.
// The result goes into `r`, whose storage is reused.
void run_cached(connection &c, const pgesql_stmt *stmt, const std::string &sql, std::span<const param_value> params,
                const std::string *replay_begin, query_result &r);

// After any other statement: a command that may have changed what cached
// statements return (ALTER, DROP, SET, ...) or dropped them (DISCARD ALL,
// DEALLOCATE ALL) empties the cache.
void note_command(connection &c, const query_result &r);

}  // namespace pgesql::exec
