// The connection against a scripted server that misbehaves: every fault ends in
// an 08xxx error and a broken connection, never a hang or a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"
#include "fake_server.hpp"

namespace pgesql::conn {
namespace {

using test::FakeServer;
using test::message;
using test::trust_startup;

Config fake_config(int port, const std::string &extra = "sslmode=disable") {
  Environment env;
  env.variable = [](const std::string &) { return std::optional<std::string>(); };
  env.os_user = "tester";
  return resolve_config(parse_keyword_value("host=127.0.0.1 connect_timeout=5 port=" + std::to_string(port) + " " + extra), env);
}

// A server that completes startup, then answers the first query with `reply` and closes.
FakeServer serve_query_reply(const std::string &reply) {
  return FakeServer([reply](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, trust_startup());
    FakeServer::read_message(fd);
    FakeServer::send(fd, reply);
  });
}

Error query_error(FakeServer &server, Connection **kept = nullptr) {
  static std::unique_ptr<Connection> c;
  c = Connection::open(fake_config(server.port()));
  if (kept) *kept = c.get();
  try {
    c->simple_query("select 1");
  } catch (const Error &e) {
    return e;
  }
  ADD_FAILURE() << "the query succeeded";
  return Error::client_error("00000", "none");
}

TEST(FaultInjection, StartupThroughTheFakeServerWorks) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, trust_startup());
    FakeServer::read_message(fd);
    FakeServer::send(fd, message('I', "") + message('Z', "T"));
    FakeServer::read_message(fd);
  });
  auto c = Connection::open(fake_config(server.port()));
  EXPECT_EQ(c->backend_pid(), 7);
  EXPECT_EQ(c->server_version(), 150000);
  const auto r = c->simple_query("");
  EXPECT_EQ(r.at(0).status(), Result::Status::empty_query);
  EXPECT_EQ(c->transaction_status(), TransactionStatus::in_transaction);
}

TEST(FaultInjection, EofInTheMiddleOfAMessage) {
  auto server = serve_query_reply(message('T', std::string(40, 'x')).substr(0, 20));
  Connection *c = nullptr;
  const Error e = query_error(server, &c);
  EXPECT_EQ(e.sqlstate(), "08006");
  EXPECT_EQ(e.message(), "server closed the connection unexpectedly in the middle of a message");
  EXPECT_TRUE(e.connection_broken());
  EXPECT_TRUE(c->is_broken());
}

TEST(FaultInjection, EofBetweenMessages) {
  auto server = serve_query_reply("");
  const Error e = query_error(server);
  EXPECT_EQ(e.sqlstate(), "08006");
  EXPECT_EQ(e.message(), "server closed the connection unexpectedly");
}

TEST(FaultInjection, BadLengthIsAProtocolViolation) {
  auto server = serve_query_reply(std::string("Z") + test::be32(2) + "I");
  const Error e = query_error(server);
  EXPECT_EQ(e.sqlstate(), "08P01");
  EXPECT_TRUE(e.connection_broken());
}

TEST(FaultInjection, HugeLengthFailsWithoutWaitingForTheBytes) {
  auto server = FakeServer([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, trust_startup());
    FakeServer::read_message(fd);
    FakeServer::send(fd, std::string("D") + test::be32(0x7ffffff0));
    FakeServer::read_message(fd);  // keep the socket open: the client must not wait for the body
  });
  const auto start = std::chrono::steady_clock::now();
  const Error e = query_error(server);
  EXPECT_EQ(e.sqlstate(), "08P01");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(FaultInjection, UnexpectedMessageType) {
  auto server = serve_query_reply(message('1', ""));
  const Error e = query_error(server);
  EXPECT_EQ(e.sqlstate(), "08P01");
  EXPECT_NE(e.message().find("ParseComplete"), std::string::npos) << e.message();
}

TEST(FaultInjection, MalformedDataRow) {
  auto server = serve_query_reply(message('D', std::string("\0\1", 2) + test::be32(100) + "abc"));
  EXPECT_EQ(query_error(server).sqlstate(), "08P01");
}

TEST(FaultInjection, MalformedErrorResponse) {
  auto server = serve_query_reply(message('E', "SERROR"));  // no terminators
  EXPECT_EQ(query_error(server).sqlstate(), "08P01");
}

TEST(FaultInjection, GarbageTagByte) {
  auto server = serve_query_reply(std::string("\x00\x00\x00\x08\x00\x00\x00\x00", 8));
  EXPECT_EQ(query_error(server).sqlstate(), "08P01");
}

TEST(FaultInjection, ServerClosesDuringStartup) {
  FakeServer server([](int fd) { FakeServer::read_untagged(fd); });
  try {
    Connection::open(fake_config(server.port()));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
  }
}

TEST(FaultInjection, SilentServerHitsConnectTimeout) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::read_message(fd);  // says nothing until the client gives up
  });
  const auto start = std::chrono::steady_clock::now();
  try {
    Connection::open(fake_config(server.port(), "sslmode=disable connect_timeout=2"));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_TRUE(e.timed_out());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST(FaultInjection, ServerSilentAfterAQueryHitsTheReadTimeout) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, trust_startup());
    FakeServer::read_message(fd);
    FakeServer::read_message(fd);  // never answers; returns when the client closes
  });
  auto c = Connection::open(fake_config(server.port(), "sslmode=disable pgesql_read_timeout=300"));
  const auto start = std::chrono::steady_clock::now();
  try {
    c->simple_query("select 1");
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08006");
    EXPECT_TRUE(e.timed_out());
    EXPECT_TRUE(e.connection_broken());
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, std::chrono::milliseconds(300));
  EXPECT_LT(took, std::chrono::seconds(3));
  EXPECT_TRUE(c->is_broken());
}

TEST(FaultInjection, ReadTimeoutSpansMessagesNotTheWholeReply) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, trust_startup());
    FakeServer::read_message(fd);
    // Each message comes well within the timeout; the whole reply takes longer than it.
    for (int i = 0; i < 12; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      FakeServer::send(fd, message('N', std::string("SNOTICE\0C00000\0Mtick\0\0", 22)));
    }
    FakeServer::send(fd, message('I', "") + message('Z', "I"));
    FakeServer::read_message(fd);
  });
  auto c = Connection::open(fake_config(server.port(), "sslmode=disable pgesql_read_timeout=1000"));
  EXPECT_NO_THROW(c->simple_query(""));
  EXPECT_FALSE(c->is_broken());
}

TEST(FaultInjection, RequireAgainstAServerThatRefusesTls) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);  // SSLRequest
    FakeServer::send(fd, "N");
    FakeServer::read_untagged(fd);
  });
  try {
    Connection::open(fake_config(server.port(), "sslmode=require"));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_EQ(e.message().find("server does not support SSL, but SSL was required") != std::string::npos, true)
        << e.message();
  }
}

TEST(FaultInjection, UnsupportedAuthenticationMethod) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, message('R', test::be32(9)));  // SSPI
    FakeServer::read_message(fd);
  });
  try {
    Connection::open(fake_config(server.port()));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_NE(e.message().find("not supported"), std::string::npos);
  }
}

TEST(FaultInjection, GssapiWithoutCredentialsFailsWithTheLibrarysReason) {
  setenv("KRB5CCNAME", "FILE:/nonexistent/pgesql-no-ticket", 1);
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, message('R', test::be32(7)));  // AuthenticationGSS
    FakeServer::read_message(fd);
  });
  try {
    Connection::open(fake_config(server.port()));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_NE(e.message().find("GSSAPI"), std::string::npos) << e.message();
  }
  unsetenv("KRB5CCNAME");
}

TEST(FaultInjection, ScramServerWithABadSignatureIsRejected) {
  FakeServer server([](int fd) {
    FakeServer::read_untagged(fd);
    FakeServer::send(fd, message('R', test::be32(10) + std::string("SCRAM-SHA-256\0\0", 15)));
    // SASLInitialResponse: find the client nonce after "r=".
    char t = 0;
    (void)::read(fd, &t, 1);
    const std::string body = FakeServer::read_untagged(fd);
    const auto r = body.find("r=");
    const std::string nonce = body.substr(r + 2);
    FakeServer::send(fd, message('R', test::be32(11) + "r=" + nonce + "srv,s=c2FsdA==,i=4096"));
    FakeServer::read_message(fd);
    FakeServer::send(fd, message('R', test::be32(12) + "v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    FakeServer::read_message(fd);
  });
  try {
    Connection::open(fake_config(server.port(), "sslmode=disable password=pw"));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_NE(e.message().find("server signature"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace pgesql::conn
