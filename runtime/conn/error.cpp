#include "conn/error.hpp"

namespace pgesql::conn {

Error::Error(Origin origin, ErrorFields fields, bool connection_broken)
    : origin_(origin), fields_(std::move(fields)), broken_(connection_broken) {}

Error Error::connection_failure(const char *state, std::string message, bool timed_out) {
  ErrorFields f;
  f.severity = f.severity_nonlocalized = "FATAL";
  f.sqlstate = state;
  f.message = std::move(message);
  Error e(Origin::connection, std::move(f), true);
  e.timed_out_ = timed_out;
  return e;
}

Error Error::client_error(const char *state, std::string message) {
  ErrorFields f;
  f.severity = f.severity_nonlocalized = "ERROR";
  f.sqlstate = state;
  f.message = std::move(message);
  return Error(Origin::client, std::move(f), false);
}

}  // namespace pgesql::conn
