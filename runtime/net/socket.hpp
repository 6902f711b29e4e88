// Connected sockets to the server: TCP (with connect timeout and keepalives) or unix-domain.
#pragma once

#include <cstdint>
#include <string>

#include "net/transport.hpp"

namespace pgesql::net {

struct KeepaliveOptions {
  bool enabled = true;
  int idle = 0;  // seconds before the first probe; 0 keeps the OS default
  int interval = 0;
  int count = 0;
  int user_timeout_ms = 0;  // TCP_USER_TIMEOUT; 0 keeps the OS default
};

// Waits until fd is readable (or writable) or the deadline passes; throws NetError on timeout.
void wait_for(int fd, bool for_write, Deadline deadline, const char *what);

class Socket final : public Transport {
 public:
  // Resolves `host` (or uses the numeric `hostaddr`) and connects to the first address that answers,
  // trying the addresses in random order with `random_order` (load_balance_hosts=random).
  static Socket connect_tcp(const std::string &host, const std::string &hostaddr, std::uint16_t port,
                            Deadline deadline, const KeepaliveOptions &keepalive, bool random_order = false);
  static Socket connect_unix(const std::string &path, Deadline deadline);

  Socket(Socket &&other) noexcept
      : fd_(other.fd_), blocking_(other.blocking_), unix_domain_(other.unix_domain_),
        wrote_since_read_(other.wrote_since_read_) {
    other.fd_ = -1;
  }
  Socket &operator=(Socket &&other) noexcept;
  Socket(const Socket &) = delete;
  Socket &operator=(const Socket &) = delete;
  ~Socket() override;

  IoStatus try_read(char *buffer, std::size_t size, std::size_t &done) override;
  IoStatus try_write(std::string_view data, std::size_t &done) override;
  std::size_t read_some(char *buffer, std::size_t size, Deadline deadline) override;
  void write_all(std::string_view data, Deadline deadline) override;
  int fd() const override { return fd_; }
  // The OS user name of the process at the other end of a unix-domain socket ("" if unknown).
  std::string peer_user_name() const;
  // Gives up ownership of the descriptor, non-blocking again (TLS takes it over).
  int release();

 private:
  explicit Socket(int fd) : fd_(fd) {}
  // The descriptor starts non-blocking; reads without a deadline switch it to blocking once.
  void set_blocking(bool blocking);
  int fd_ = -1;
  bool blocking_ = false;
  bool unix_domain_ = false;  // reads without a deadline wait in poll here (see read_some)
  bool wrote_since_read_ = false;  // a request went out and nothing was read since
};

}  // namespace pgesql::net
