// Instants as PostgreSQL writes and reads them, for C++ time points: text
// with an explicit UTC offset in, the server's ISO text (with or without an
// offset) out. pgtypes' timestamp ignores offsets, which an instant cannot.
#pragma once

#include <string>

namespace pgesql::values {

// Microseconds since 2000-01-01 00:00:00 UTC as "YYYY-MM-DD HH:MM:SS.ffffff+00".
std::string utc_timestamp_text(long long us);

// ISO text of a timestamp, timestamptz or date ("2024-01-15 10:00:00.5+05:30",
// "1999-12-31 23:00:00", "2024-01-15", "... BC") as microseconds since
// 2000-01-01 UTC; text without an offset is taken as UTC. False when malformed
// or infinite.
bool parse_utc_timestamp(const char *text, long long *us);

}  // namespace pgesql::values
