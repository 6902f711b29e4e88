// Notices, LISTEN/NOTIFY, query cancel, and a server that goes away mid-query.
#include <gtest/gtest.h>

#include <thread>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

TEST(Async, NoticesGoToTheCallback) {
  auto c = open(unix_socket());
  std::vector<conn::ErrorFields> notices;
  c->set_notice_handler([&](const conn::ErrorFields &f) { notices.push_back(f); });
  c->simple_query("do $$ begin raise notice 'hello %', 42 using hint = 'a hint'; end $$");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message, "hello 42");
  EXPECT_EQ(notices[0].severity_nonlocalized, "NOTICE");
  EXPECT_EQ(notices[0].sqlstate, "00000");
  EXPECT_EQ(notices[0].hint, "a hint");
}

TEST(Async, ListenNotify) {
  auto listener = open(unix_socket());
  auto sender = open(unix_socket());
  listener->simple_query("listen pgesql_channel");
  sender->simple_query("notify pgesql_channel, 'first'");
  const auto n = listener->wait_for_notification(std::chrono::seconds(5));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->channel, "pgesql_channel");
  EXPECT_EQ(n->payload, "first");
  EXPECT_EQ(n->process_id, sender->backend_pid());
  EXPECT_FALSE(listener->wait_for_notification(std::chrono::milliseconds(100)));
  // Notifications that arrive with a query's reply are queued.
  sender->simple_query("notify pgesql_channel, 'second'");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  listener->simple_query("select 1");
  const auto queued = listener->take_notifications();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].payload, "second");
}

TEST(Async, CancelStopsALongQueryQuickly) {
  auto c = open(tcp("sslmode=require user=" + env("PGESQL_TEST_SCRAM_USER") + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD")));
  const conn::CancelHandle handle = c->cancel_handle();
  const auto start = std::chrono::steady_clock::now();
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    handle.cancel();
  });
  try {
    c->simple_query("select pg_sleep(10)");
    ADD_FAILURE() << "pg_sleep was not cancelled";
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "57014");
    EXPECT_FALSE(e.connection_broken());
  }
  canceller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
  EXPECT_EQ(scalar(*c, "select 1"), "1");
}

TEST(Async, CancelOverTheUnixSocket) {
  auto c = open(unix_socket());
  const conn::CancelHandle handle = c->cancel_handle();
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    handle.cancel();
  });
  try {
    c->execute("select pg_sleep(10)");
    ADD_FAILURE() << "pg_sleep was not cancelled";
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "57014");
  }
  canceller.join();
}

TEST(Async, BackendTerminatedMidQueryBreaksTheConnection) {
  auto victim = open(unix_socket());
  auto admin = open(unix_socket());
  const int pid = victim->backend_pid();
  std::thread killer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    admin->simple_query("select pg_terminate_backend(" + std::to_string(pid) + ")");
  });
  const auto start = std::chrono::steady_clock::now();
  try {
    victim->simple_query("select pg_sleep(10)");
    ADD_FAILURE() << "the query survived its backend";
  } catch (const conn::Error &e) {
    EXPECT_TRUE(e.connection_broken());
    EXPECT_EQ(e.sqlstate(), "57P01");  // admin_shutdown, the server's own word
  }
  killer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(victim->is_broken());
  try {
    victim->simple_query("select 1");
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "08003");
  }
}

TEST(Async, IdleSessionKilledIsNoticedAsAConnectionError) {
  auto victim = open(unix_socket());
  auto admin = open(unix_socket());
  admin->simple_query("select pg_terminate_backend(" + std::to_string(victim->backend_pid()) + ")");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  try {
    victim->simple_query("select 1");
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_TRUE(e.connection_broken());
    // Either the FATAL message the server left behind or the closed socket.
    EXPECT_TRUE(e.sqlstate() == "57P01" || e.sqlstate().starts_with("08")) << e.sqlstate();
  }
  EXPECT_TRUE(victim->is_broken());
}

}  // namespace
}  // namespace pgesql::test
