// TCP keepalives are on by default and take the configured timings.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "fake_server.hpp"
#include "net/socket.hpp"

namespace pgesql::net {
namespace {

int option(int fd, int level, int name) {
  int value = -1;
  socklen_t len = sizeof value;
  ::getsockopt(fd, level, name, &value, &len);
  return value;
}

TEST(Keepalive, OnWithTheConfiguredTimings) {
  test::FakeServer server([](int) {});
  Socket s = Socket::connect_tcp("127.0.0.1", "", static_cast<std::uint16_t>(server.port()), std::nullopt,
                                 KeepaliveOptions{true, 31, 7, 4, 2500});
  EXPECT_EQ(option(s.fd(), SOL_SOCKET, SO_KEEPALIVE), 1);
  EXPECT_EQ(option(s.fd(), IPPROTO_TCP, TCP_KEEPIDLE), 31);
  EXPECT_EQ(option(s.fd(), IPPROTO_TCP, TCP_KEEPINTVL), 7);
  EXPECT_EQ(option(s.fd(), IPPROTO_TCP, TCP_KEEPCNT), 4);
  EXPECT_EQ(option(s.fd(), IPPROTO_TCP, TCP_USER_TIMEOUT), 2500);
}

TEST(Keepalive, OffWhenDisabled) {
  test::FakeServer server([](int) {});
  Socket s = Socket::connect_tcp("127.0.0.1", "", static_cast<std::uint16_t>(server.port()), std::nullopt,
                                 KeepaliveOptions{false, 0, 0, 0, 0});
  EXPECT_EQ(option(s.fd(), SOL_SOCKET, SO_KEEPALIVE), 0);
}

}  // namespace
}  // namespace pgesql::net
