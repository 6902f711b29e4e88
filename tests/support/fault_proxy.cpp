#include "fault_proxy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace pgesql::test {
namespace {

bool write_all(int fd, const char *p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

int connect_upstream(const std::string &host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *list = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &list) != 0) return -1;
  int fd = -1;
  for (addrinfo *a = list; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd >= 0 && ::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(list);
  if (fd >= 0) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  return fd;
}

}  // namespace

const char *to_string(Direction d) { return d == Direction::to_server ? "to-server" : "to-client"; }

const char *to_string(Fault::Kind k) {
  switch (k) {
    case Fault::Kind::none: return "none";
    case Fault::Kind::cut: return "cut";
    case Fault::Kind::stall: return "stall";
    case Fault::Kind::corrupt: return "corrupt";
  }
  return "?";
}

FaultProxy::FaultProxy(std::string upstream_host, int upstream_port)
    : upstream_host_(std::move(upstream_host)), upstream_port_(upstream_port) {
  if (::pipe(stop_pipe_) != 0) throw std::runtime_error("pipe failed");
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(listener_, 16) != 0)
    throw std::runtime_error("the fault proxy could not listen");
  socklen_t len = sizeof addr;
  ::getsockname(listener_, reinterpret_cast<sockaddr *>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
  const char stop = 's';
  (void)!::write(stop_pipe_[1], &stop, 1);
  acceptor_.join();
  for (std::thread &t : pumps_) t.join();
  ::close(listener_);
  ::close(stop_pipe_[0]);
  ::close(stop_pipe_[1]);
}

void FaultProxy::arm(Fault fault) {
  std::lock_guard<std::mutex> lock(mutex_);
  fault_ = fault;
  session_pending_ = true;
  to_server_ = 0;
  to_client_ = 0;
  fired_ = false;
}

std::size_t FaultProxy::forwarded(Direction d) const { return d == Direction::to_server ? to_server_ : to_client_; }

void FaultProxy::accept_loop() {
  for (;;) {
    pollfd p[2] = {{listener_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (p[1].revents != 0) return;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    const int one = 1;
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard<std::mutex> lock(mutex_);
    const bool is_session = session_pending_;
    session_pending_ = false;
    pumps_.emplace_back([this, client, is_session] { pump(client, is_session); });
  }
}

// Copies bytes both ways until either side closes, applying the fault to the session.
void FaultProxy::pump(int client, bool is_session) {
  const int server = connect_upstream(upstream_host_, upstream_port_);
  if (server < 0) {
    ::close(client);
    return;
  }
  Fault fault;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (is_session) fault = fault_;
  }
  bool stalled = false;
  char buffer[16384];
  for (;;) {
    pollfd p[3] = {{stalled ? -1 : client, POLLIN, 0}, {stalled ? -1 : server, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(p, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (p[2].revents != 0) break;
    bool closed = false;
    for (int side = 0; side < 2 && !closed && !stalled; ++side) {
      if (p[side].revents == 0) continue;
      const int from = side == 0 ? client : server;
      const int to = side == 0 ? server : client;
      const Direction d = side == 0 ? Direction::to_server : Direction::to_client;
      const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      std::size_t len = static_cast<std::size_t>(n);
      std::atomic<std::size_t> &count = d == Direction::to_server ? to_server_ : to_client_;
      const std::size_t before = is_session ? count.load() : 0;
      bool cut_here = false;
      if (is_session && fault.kind != Fault::Kind::none && fault.direction == d && !fired_ &&
          before + len > fault.offset) {
        const std::size_t at = fault.offset - before;
        if (fault.kind == Fault::Kind::corrupt) {
          buffer[at] = static_cast<char>(buffer[at] ^ 0xff);
        } else {
          len = at;  // forward what precedes the fault, then cut or stall
          cut_here = fault.kind == Fault::Kind::cut;
          stalled = fault.kind == Fault::Kind::stall;
        }
        fired_ = true;
      }
      // Counted before forwarding, so whoever has seen these bytes sees them counted.
      if (is_session) count += len;
      if (len > 0 && !write_all(to, buffer, len)) closed = true;
      if (cut_here) closed = true;
    }
    if (closed) break;
  }
  // A cut closes both sides at once; a stall keeps them open until the proxy stops.
  ::shutdown(client, SHUT_RDWR);
  ::shutdown(server, SHUT_RDWR);
  ::close(client);
  ::close(server);
}

}  // namespace pgesql::test
