// A scripted one-connection server on 127.0.0.1 for fault-injection tests:
// it accepts, reads the startup packet, then plays `script` with the socket.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <string>
#include <thread>

namespace pgesql::test {

inline std::string be32(std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  return {static_cast<char>(u >> 24), static_cast<char>(u >> 16), static_cast<char>(u >> 8), static_cast<char>(u)};
}
inline std::string message(char tag, const std::string &body) {
  return std::string(1, tag) + be32(static_cast<std::int32_t>(body.size() + 4)) + body;
}
// AuthenticationOk, BackendKeyData, one ParameterStatus and ReadyForQuery(idle).
inline std::string trust_startup() {
  return message('R', be32(0)) + message('K', be32(7) + be32(9)) +
         message('S', std::string("server_version\0" "15.0\0", 20)) + message('Z', "I");
}

class FakeServer {
 public:
  // The script gets the connected socket and may read and write it; returning closes it.
  explicit FakeServer(std::function<void(int fd)> script) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::listen(listener_, 1);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr *>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, script = std::move(script)] {
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      script(fd);
      ::close(fd);
    });
  }
  ~FakeServer() {
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  int port() const { return port_; }

  // Reads one length-prefixed startup-phase packet (no tag); returns its body.
  static std::string read_untagged(int fd) {
    std::string len = read_exact(fd, 4);
    if (len.size() < 4) return {};
    const auto n = static_cast<std::size_t>((static_cast<unsigned char>(len[0]) << 24) |
                                            (static_cast<unsigned char>(len[1]) << 16) |
                                            (static_cast<unsigned char>(len[2]) << 8) | static_cast<unsigned char>(len[3]));
    return read_exact(fd, n - 4);
  }
  // Reads one tagged frontend message; returns its tag ('\0' at EOF).
  static char read_message(int fd) {
    const std::string tag = read_exact(fd, 1);
    if (tag.empty()) return '\0';
    read_untagged(fd);
    return tag[0];
  }
  static void send(int fd, const std::string &bytes) { (void)::write(fd, bytes.data(), bytes.size()); }

 private:
  static std::string read_exact(int fd, std::size_t n) {
    std::string out(n, '\0');
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::read(fd, out.data() + got, n - got);
      if (r <= 0) return out.substr(0, got);
      got += static_cast<std::size_t>(r);
    }
    return out;
  }

  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace pgesql::test
