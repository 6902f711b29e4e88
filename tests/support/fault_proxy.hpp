// A TCP proxy for fault-injection tests: sits between the runtime and the real
// server and, on the first connection after arm(), cuts the connection after
// N bytes in one direction, stalls there, or corrupts the byte at offset N.
// Later connections (cancel requests) pass untouched.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pgesql::test {

enum class Direction { to_server, to_client };

struct Fault {
  enum class Kind { none, cut, stall, corrupt };
  Kind kind = Kind::none;
  Direction direction = Direction::to_client;
  std::size_t offset = 0;  // bytes of that direction forwarded before the fault
};

const char *to_string(Direction d);
const char *to_string(Fault::Kind k);

class FaultProxy {
 public:
  // Listens on 127.0.0.1 (an ephemeral port) and forwards to upstream_host:upstream_port.
  FaultProxy(std::string upstream_host, int upstream_port);
  ~FaultProxy();
  FaultProxy(const FaultProxy &) = delete;
  FaultProxy &operator=(const FaultProxy &) = delete;

  int port() const { return port_; }
  // The next accepted connection is the session the fault applies to; its counters restart.
  void arm(Fault fault);
  // Bytes of the session forwarded so far in one direction.
  std::size_t forwarded(Direction d) const;
  bool fault_fired() const { return fired_; }

 private:
  void accept_loop();
  void pump(int client, bool is_session);

  std::string upstream_host_;
  int upstream_port_;
  int listener_ = -1;
  int port_ = 0;
  int stop_pipe_[2] = {-1, -1};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> pumps_;
  Fault fault_;
  bool session_pending_ = false;
  std::atomic<std::size_t> to_server_{0};
  std::atomic<std::size_t> to_client_{0};
  std::atomic<bool> fired_{false};
};

}  // namespace pgesql::test
