// The debug log ECPGdebug() turns on: one line per runtime event, written to
// the stream the program gave, serialized across threads.
#pragma once

#include <atomic>
#include <cstdio>

namespace pgesql::diag {

// Inline: statements on the hot paths test it before building a log call's arguments.
extern std::atomic<bool> log_on;
inline bool log_enabled() { return log_on.load(std::memory_order_relaxed); }
// PGESQL_DEBUG=1 (stderr) or PGESQL_DEBUG=FILE turns the log on without changing the program,
// unless it called ECPGdebug() itself; read once, at the first CONNECT.
void enable_log_from_environment();
// ECPGdebug(n > 100): ECPG's regression log, whose lines must stay exactly ECPG's.
bool log_regression_mode();

// printf-style; a no-op unless the log is on. Lines start with "[pid]: ".
void log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace pgesql::diag
