// Output capture and expected files for replaying ECPG's pgtypeslib programs.
#pragma once

#include <optional>
#include <string>

namespace pgesql::test {

// printf-style append to a transcript.
void appendf(std::string &out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// The expected stdout of ECPG's test program `pgtypeslib-<name>`, or nothing
// when the ECPG suite is not configured (PGESQL_ECPG_SUITE).
std::optional<std::string> ecpg_expected_stdout(const std::string &name);

// First differing line of two transcripts, for readable failures.
std::string first_difference(const std::string &expected, const std::string &actual);

}  // namespace pgesql::test
