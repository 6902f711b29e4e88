// The one error type of the connection layer: a server ErrorResponse with all
// its fields, or a connection/client failure dressed in the same fields.
#pragma once

#include <exception>
#include <string>

#include "protocol/backend.hpp"

namespace pgesql::conn {

using protocol::ErrorFields;

class Error : public std::exception {
 public:
  enum class Origin {
    server,      // an ErrorResponse: every field is the server's
    connection,  // socket, TLS, timeout, protocol violation: SQLSTATE class 08
    client,      // a request the runtime refused before sending (bad argument, wrong state)
  };

  Error(Origin origin, ErrorFields fields, bool connection_broken);
  static Error connection_failure(const char *sqlstate, std::string message, bool timed_out = false);
  static Error client_error(const char *sqlstate, std::string message);

  const ErrorFields &fields() const { return fields_; }
  const std::string &sqlstate() const { return fields_.sqlstate; }
  const std::string &message() const { return fields_.message; }
  Origin origin() const { return origin_; }
  // True when the connection cannot be used any more (it has been closed).
  bool connection_broken() const { return broken_; }
  bool timed_out() const { return timed_out_; }
  const char *what() const noexcept override { return fields_.message.c_str(); }

  void mark_connection_broken() { broken_ = true; }

 private:
  Origin origin_;
  ErrorFields fields_;
  bool broken_;
  bool timed_out_ = false;
};

// SQLSTATEs the runtime itself raises.
namespace sqlstate {
inline constexpr const char *unable_to_connect = "08001";
inline constexpr const char *connection_does_not_exist = "08003";
inline constexpr const char *connection_failure = "08006";
inline constexpr const char *protocol_violation = "08P01";
inline constexpr const char *invalid_authorization = "28000";
inline constexpr const char *feature_not_supported = "0A000";
inline constexpr const char *invalid_parameter_value = "22023";
inline constexpr const char *object_not_in_prerequisite_state = "55000";
}  // namespace sqlstate

}  // namespace pgesql::conn
