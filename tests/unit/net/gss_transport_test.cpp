// The GSSAPI transport's framing over a real socket pair, with a stand-in for the
// security context: tokens and sealed packets are length-prefixed, no packet is over
// 16 kB, a half-sent packet is finished before its bytes are reported, and a broken
// stream is an error rather than garbage.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "net/gss_transport.hpp"

namespace pgesql::net {
namespace {

// "Seals" by reversing and prefixing 'S': visible in the test, and opening checks it.
class FakeSealing final : public SealingContext {
 public:
  std::string step(std::string_view server_token) override {
    if (server_token.empty()) return "client-hello";
    if (server_token != "server-ok") throw std::runtime_error("unexpected server token");
    established_ = true;
    return {};
  }
  bool established() const override { return established_; }
  std::size_t max_plaintext(std::size_t sealed_limit) const override { return sealed_limit - 1; }
  std::string seal(std::string_view plain) const override { return "S" + std::string(plain.rbegin(), plain.rend()); }
  std::string open(std::string_view sealed) const override {
    if (sealed.empty() || sealed[0] != 'S') throw std::runtime_error("incoming message did not use confidentiality");
    return std::string(sealed.rbegin(), sealed.rend() - 1);
  }

 private:
  bool established_ = false;
};

std::string be32(std::uint32_t n) {
  return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8), static_cast<char>(n)};
}

std::string packet(const std::string &token) { return be32(static_cast<std::uint32_t>(token.size())) + token; }

void send_all(int fd, const std::string &bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::send(fd, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
    ASSERT_GT(n, 0);
    at += static_cast<std::size_t>(n);
  }
}

std::string recv_exact(int fd, std::size_t size) {
  std::string out(size, '\0');
  for (std::size_t at = 0; at < size;) {
    const ssize_t n = ::recv(fd, out.data() + at, size - at, 0);
    if (n <= 0) return out.substr(0, at);
    at += static_cast<std::size_t>(n);
  }
  return out;
}

// Reads one packet as the server would: its token, and checks the 16 kB limit.
std::string recv_packet(int fd) {
  const std::string header = recv_exact(fd, 4);
  if (header.size() < 4) return {};
  const auto *b = reinterpret_cast<const unsigned char *>(header.data());
  const std::size_t length = std::size_t{b[0]} << 24 | std::size_t{b[1]} << 16 | std::size_t{b[2]} << 8 | b[3];
  EXPECT_LE(length + 4, gss_max_packet);
  return recv_exact(fd, length);
}

// A connected unix-domain pair: the client side as a net::Socket, the server side a plain fd.
class GssTransportTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/pgesql-gss-unit." + std::to_string(::getpid()) + ".sock";
    ::unlink(path_.c_str());
    listener_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
    ASSERT_EQ(::bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener_, 1), 0);
  }
  void TearDown() override {
    if (server_ >= 0) ::close(server_);
    ::close(listener_);
    ::unlink(path_.c_str());
  }
  Socket connect() {
    Socket client = Socket::connect_unix(path_, Clock::now() + std::chrono::seconds(5));
    server_ = ::accept(listener_, nullptr, nullptr);
    return client;
  }
  // Connects and completes the handshake, the server side answering in a thread.
  std::unique_ptr<GssTransport> established() {
    Socket client = connect();
    std::thread server([this] {
      EXPECT_EQ(recv_packet(server_), "client-hello");
      send_all(server_, packet("server-ok"));
    });
    auto transport = GssTransport::handshake(std::move(client), std::make_unique<FakeSealing>(), Clock::now() + std::chrono::seconds(5));
    server.join();
    return transport;
  }

  std::string path_;
  int listener_ = -1;
  int server_ = -1;
};

TEST_F(GssTransportTest, DataTravelsInSealedPacketsOfAtMost16k) {
  auto transport = established();
  std::string data(100000, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 7 % 251);
  std::string received;
  std::thread server([&] {
    while (received.size() < data.size()) {
      const std::string sealed = recv_packet(server_);
      ASSERT_FALSE(sealed.empty());
      ASSERT_EQ(sealed[0], 'S');
      received.append(sealed.rbegin(), sealed.rend() - 1);
    }
  });
  transport->write_all(data, Clock::now() + std::chrono::seconds(5));
  server.join();
  EXPECT_EQ(received, data);
}

TEST_F(GssTransportTest, PacketsArrivingInPiecesAreReassembled) {
  auto transport = established();
  const std::string reply = "hello from the server, in two packets";
  const std::string wire = packet(FakeSealing().seal(reply.substr(0, 10))) + packet(FakeSealing().seal(reply.substr(10)));
  std::thread server([&] {
    for (char byte : wire) {  // one byte at a time
      send_all(server_, std::string(1, byte));
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  std::string got;
  char buffer[64];
  while (got.size() < reply.size()) {
    const std::size_t n = transport->read_some(buffer, sizeof buffer, Clock::now() + std::chrono::seconds(5));
    ASSERT_GT(n, 0u);
    got.append(buffer, n);
  }
  server.join();
  EXPECT_EQ(got, reply);
  EXPECT_FALSE(transport->has_buffered_input());
}

// Non-blocking writes into a full socket: bytes are reported only once the packet carrying
// them is wholly sent, and a retry with the same bytes finishes it (the MessageStream loop).
TEST_F(GssTransportTest, TryWriteReportsBytesOnlyOnceTheirPacketIsOut) {
  auto transport = established();
  std::string data(4 << 20, 'x');
  for (std::size_t i = 0; i < data.size(); i += 4096) data[i] = static_cast<char>('a' + i / 4096 % 26);
  std::size_t consumed = 0;
  bool blocked = false;
  while (consumed < data.size()) {  // nobody reads yet: the socket fills up
    std::size_t done = 0;
    const IoStatus status = transport->try_write(std::string_view(data).substr(consumed), done);
    if (status == IoStatus::want_write) {
      EXPECT_EQ(done, 0u);
      blocked = true;
      break;
    }
    ASSERT_EQ(status, IoStatus::ok);
    consumed += done;
  }
  ASSERT_TRUE(blocked) << "the socket never filled";
  std::string received;
  std::thread server([&] {
    while (received.size() < data.size()) {
      const std::string sealed = recv_packet(server_);
      if (sealed.empty()) return;
      received.append(sealed.rbegin(), sealed.rend() - 1);
    }
  });
  while (consumed < data.size()) {
    std::size_t done = 0;
    const IoStatus status = transport->try_write(std::string_view(data).substr(consumed), done);
    if (status == IoStatus::want_write) {
      wait_for(transport->fd(), true, Clock::now() + std::chrono::seconds(5), "test");
      continue;
    }
    ASSERT_EQ(status, IoStatus::ok);
    consumed += done;
  }
  server.join();
  EXPECT_EQ(received, data);
}

TEST_F(GssTransportTest, ServerErrorDuringNegotiationIsReported) {
  Socket client = connect();
  std::thread server([this] {
    recv_packet(server_);
    send_all(server_, std::string("EFATAL:  GSSAPI context establishment failed\n") + '\0');
    ::shutdown(server_, SHUT_WR);
  });
  try {
    GssTransport::handshake(std::move(client), std::make_unique<FakeSealing>(), Clock::now() + std::chrono::seconds(5));
    ADD_FAILURE() << "handshake succeeded";
  } catch (const NetError &e) {
    EXPECT_STREQ(e.sqlstate(), sqlstate::unable_to_connect);
    EXPECT_STREQ(e.what(), "FATAL:  GSSAPI context establishment failed");
  }
  server.join();
}

TEST_F(GssTransportTest, OversizeHandshakeTokenIsRefused) {
  Socket client = connect();
  std::thread server([this] {
    recv_packet(server_);
    send_all(server_, be32(1 << 20));
  });
  EXPECT_THROW(GssTransport::handshake(std::move(client), std::make_unique<FakeSealing>(),
                                       Clock::now() + std::chrono::seconds(5)),
               NetError);
  server.join();
}

TEST_F(GssTransportTest, OversizeOrUnsealedPacketsBreakTheStream) {
  {
    auto transport = established();
    send_all(server_, be32(0x7fffffff));
    char buffer[16];
    try {
      transport->read_some(buffer, sizeof buffer, Clock::now() + std::chrono::seconds(5));
      ADD_FAILURE() << "read an oversize packet";
    } catch (const NetError &e) {
      EXPECT_STREQ(e.sqlstate(), sqlstate::protocol_violation);
    }
  }
  ::close(server_);
  auto transport = established();
  send_all(server_, packet("plaintext"));
  char buffer[16];
  try {
    transport->read_some(buffer, sizeof buffer, Clock::now() + std::chrono::seconds(5));
    ADD_FAILURE() << "read an unsealed packet";
  } catch (const NetError &e) {
    EXPECT_NE(std::string(e.what()).find("confidentiality"), std::string::npos) << e.what();
  }
}

TEST_F(GssTransportTest, EndOfStreamInsideAPacketIsEndOfStream) {
  auto transport = established();
  send_all(server_, be32(100) + "Spartial");
  ::shutdown(server_, SHUT_WR);
  char buffer[16];
  EXPECT_EQ(transport->read_some(buffer, sizeof buffer, Clock::now() + std::chrono::seconds(5)), 0u);
}

}  // namespace
}  // namespace pgesql::net
