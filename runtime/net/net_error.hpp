// Failures below the protocol: resolving, connecting, TLS, reading, writing.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace pgesql::net {

using Clock = std::chrono::steady_clock;
// When an operation must give up; no value waits as long as the OS allows.
using Deadline = std::optional<Clock::time_point>;

// SQLSTATEs of class 08 (connection exception) these errors carry.
namespace sqlstate {
inline constexpr const char *unable_to_connect = "08001";   // sqlclient_unable_to_establish_sqlconnection
inline constexpr const char *connection_failure = "08006";  // the connection broke while in use
inline constexpr const char *protocol_violation = "08P01";
}  // namespace sqlstate

class NetError : public std::runtime_error {
 public:
  NetError(const char *sqlstate, const std::string &message, bool timed_out = false)
      : std::runtime_error(message), sqlstate_(sqlstate), timed_out_(timed_out) {}
  const char *sqlstate() const { return sqlstate_; }
  bool timed_out() const { return timed_out_; }

 private:
  const char *sqlstate_;
  bool timed_out_;
};

// The text of errno `err`, for messages.
std::string errno_text(int err);

}  // namespace pgesql::net
