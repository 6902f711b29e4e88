// The calling thread's last error in full: sqlca truncates the message, and
// has no room for the server's DETAIL and HINT, which C++ exceptions carry.
#pragma once

#include <string>

namespace pgesql::diag {

struct last_error {
  std::string message;
  std::string detail;
  std::string hint;
  std::string line = {};    // where the server's error position points in the .pgc
  std::string column = {};
};

// The calling thread's record (pgesql_error_field reads it).
last_error &thread_last_error();
// Empties the record as a statement starts (keeping the strings' storage: no allocation).
void forget_last_error();

}  // namespace pgesql::diag
