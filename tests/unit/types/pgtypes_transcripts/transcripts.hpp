// Transcripts of pgtypes calls (ECPG's pgtypeslib regression programs, replayed as plain
// calls): the same source is built against pgesql's library and against ECPG's libpgtypes
// (Debian libecpg-dev), and CTest compares what the two print.
#pragma once

#include <string>

namespace pgesql::transcripts {

// printf-style append to a transcript.
void appendf(std::string &out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct transcript {
  const char *name;
  std::string (*run)();
};
extern const transcript numeric[2];   // num_test, num_test2
extern const transcript datetime[2];  // dt_test, dt_test2

}  // namespace pgesql::transcripts
