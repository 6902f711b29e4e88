// COPY through the callback API and notifications through polling, the socket and a
// handler, against the test cluster. tests/programs/{copy_streams,notifications}.pgc
// cover the embedded statements end to end.
#include <poll.h>
#include <sys/resource.h>

#include <cstring>
#include <string>
#include <vector>

#include "exec_fixture.hpp"

namespace pgesql::test {
namespace {

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

long count_rows(const char *table, const char *at = nullptr) {
  long n = -1;
  const std::string sql = std::string("select count(*) from ") + table;
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, sql.c_str());
  pgesql_var out = scalar(PGESQL_T_LONG, &n);
  pgesql_exec(&s, at, nullptr, 0, nullptr, 1, &out);
  return n;
}

// Rows "i<TAB>text of 90 bytes<NL>" made on demand; bad_row (1-based) holds a non-integer.
struct row_source {
  long rows = 0;
  long bad_row = 0;
  long next = 1;
  std::string pending;
  long long bytes_given = 0;

  static long read(void *self, char *buffer, long size) {
    auto &s = *static_cast<row_source *>(self);
    while (static_cast<long>(s.pending.size()) < size && s.next <= s.rows) {
      s.pending += s.next == s.bad_row ? std::string("not a number") : std::to_string(s.next);
      s.pending += '\t';
      s.pending.append(90, 'x');
      s.pending += '\n';
      ++s.next;
    }
    const long n = std::min<long>(size, static_cast<long>(s.pending.size()));
    std::memcpy(buffer, s.pending.data(), static_cast<std::size_t>(n));
    s.pending.erase(0, static_cast<std::size_t>(n));
    s.bytes_given += n;
    return n;
  }
};

struct row_sink {
  long long bytes = 0;
  long newlines = 0;
  long calls = 0;
  long stop_after = -1;  // calls after which it reports a failure

  static int write(void *self, const char *data, long size) {
    auto &s = *static_cast<row_sink *>(self);
    ++s.calls;
    s.bytes += size;
    for (long i = 0; i < size; ++i) s.newlines += data[i] == '\n';
    return s.stop_after >= 0 && s.calls >= s.stop_after ? 1 : 0;
  }
};

// A statement that returns no rows (SELECT without INTO variables would be -202).
long ping(const char *at = nullptr) { return run("do $$ begin end $$", at); }

class StreamsTest : public ExecTest {
 protected:
  void open(const char *name = nullptr, int autocommit = 1) {
    ASSERT_EQ(connect_to(database().c_str(), name, autocommit), 0) << sqlca.sqlerrm.sqlerrmc;
  }
  void make_table() {
    run("drop table if exists streams_t");
    ASSERT_EQ(run("create table streams_t (id int, body text)"), 0) << sqlca.sqlerrm.sqlerrmc;
  }
};

TEST_F(StreamsTest, CopyStreamsBothWaysInBoundedMemory) {
  open();
  make_table();
  constexpr long rows = 300000;  // about 30 MB each way
  row_source in;
  in.rows = rows;
  const long before_in = peak_rss_kb();
  ASSERT_EQ(pgesql_copy_from(nullptr, "copy streams_t from stdin", &row_source::read, &in), 0)
      << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], rows);
  EXPECT_LT(peak_rss_kb() - before_in, 16 * 1024) << "COPY FROM held its input in memory";
  EXPECT_EQ(count_rows("streams_t"), rows);

  row_sink out;
  const long before_out = peak_rss_kb();
  ASSERT_EQ(pgesql_copy_to(nullptr, "copy streams_t to stdout", &row_sink::write, &out), 0)
      << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(sqlca.sqlerrd[2], rows);
  EXPECT_EQ(out.newlines, rows);
  EXPECT_EQ(out.bytes, in.bytes_given);
  EXPECT_LT(peak_rss_kb() - before_out, 16 * 1024) << "COPY TO held its output in memory";
  run("drop table streams_t");
}

// The server rejects row 2 of what would be 1 GB: the producer is stopped at once instead
// of streaming the rest into the void, and nothing of the COPY stays.
TEST_F(StreamsTest, ARejectedRowStopsTheProducer) {
  open();
  make_table();
  row_source in;
  in.rows = 10'000'000;
  in.bad_row = 2;
  EXPECT_NE(pgesql_copy_from(nullptr, "copy streams_t from stdin", &row_source::read, &in), 0);
  EXPECT_EQ(sqlca.sqlcode, ECPG_PGSQL);
  EXPECT_EQ(sqlstate_now(), "22P02");
  EXPECT_NE(std::strstr(sqlca.sqlerrm.sqlerrmc, "COPY streams_t, line 2"), nullptr) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_LT(in.bytes_given, 64LL * 1024 * 1024) << "the producer ran on after the server's error";
  EXPECT_EQ(count_rows("streams_t"), 0);
}

TEST_F(StreamsTest, AFailingReadAbortsTheCopy) {
  open(nullptr, 0);
  make_table();
  run("commit");
  auto failing = [](void *, char *, long) -> long { return -1; };
  EXPECT_NE(pgesql_copy_from(nullptr, "copy streams_t from stdin", failing, nullptr), 0);
  EXPECT_EQ(sqlstate_now(), "57014");
  EXPECT_NE(std::strstr(sqlca.sqlerrm.sqlerrmc, "the program's read function failed"), nullptr)
      << sqlca.sqlerrm.sqlerrmc;
  // the transaction is failed, as after any error, until ROLLBACK
  EXPECT_LT(ping(), 0);
  EXPECT_EQ(sqlstate_now(), "25P02");
  EXPECT_EQ(run("rollback"), 0);
  EXPECT_EQ(count_rows("streams_t"), 0);
}

// A consumer that gives up gets an error at once: the server is asked to cancel, not read
// to the end of 50 million rows.
TEST_F(StreamsTest, AStoppingConsumerCancelsTheCopy) {
  open();
  row_sink out;
  out.stop_after = 1;
  EXPECT_NE(pgesql_copy_to(nullptr, "copy (select g, repeat('x', 100) from generate_series(1, 5000000) g) to stdout",
                           &row_sink::write, &out),
            0);
  EXPECT_EQ(sqlstate_now(), "58030");
  EXPECT_EQ(out.calls, 1);
  EXPECT_EQ(ping(), 0) << sqlca.sqlerrm.sqlerrmc;
}

// A statement that is not the expected COPY never runs.
TEST_F(StreamsTest, OnlyTheExpectedCopyRuns) {
  open();
  make_table();
  ASSERT_EQ(run("insert into streams_t values (1, 'kept')"), 0);
  row_source in;
  EXPECT_NE(pgesql_copy_from(nullptr, "delete from streams_t", &row_source::read, &in), 0);
  EXPECT_EQ(sqlstate_now(), "0A000");
  row_sink out;
  EXPECT_NE(pgesql_copy_to(nullptr, "copy streams_t from stdin", &row_sink::write, &out), 0);
  EXPECT_EQ(sqlstate_now(), "0A000");
  EXPECT_EQ(count_rows("streams_t"), 1);
  run("drop table streams_t");
}

struct seen_notifications {
  std::vector<std::string> payloads;
  std::vector<std::string> connections;
  long nested_sqlcode = 1;
};

TEST_F(StreamsTest, AHandlerGetsNotificationsAfterTheStatement) {
  open("listener");
  open("notifier");
  ASSERT_EQ(run("listen streams_ch", "listener"), 0);
  seen_notifications seen;
  auto handler = [](void *context, const char *connection, const pgesql_notification *n) {
    auto &s = *static_cast<seen_notifications *>(context);
    s.payloads.push_back(n->payload);
    s.connections.push_back(connection);
    // the connection is not held while the handler runs: it may run statements
    s.nested_sqlcode = ping("listener");
  };
  ASSERT_EQ(pgesql_on_notification("listener", handler, &seen), 0);
  ASSERT_EQ(run("notify streams_ch, 'one'", "notifier"), 0);
  ASSERT_EQ(run("notify streams_ch, 'two'", "notifier"), 0);
  // they reach the listener's socket while it is idle; its next statement reads them
  ASSERT_EQ(run("do $$ begin perform pg_sleep(0.2); end $$", "notifier"), 0);
  ASSERT_EQ(ping("listener"), 0);
  ASSERT_EQ(seen.payloads.size(), 2u);
  EXPECT_EQ(seen.payloads[0], "one");
  EXPECT_EQ(seen.payloads[1], "two");
  EXPECT_EQ(seen.connections[0], "listener");
  EXPECT_EQ(seen.nested_sqlcode, 0);
  pgesql_notification n{};
  EXPECT_EQ(pgesql_poll_notification("listener", &n), 0) << "a handled notification was queued too";
}

TEST_F(StreamsTest, TheSocketWakesAnEventLoop) {
  open("listener");
  open("notifier");
  ASSERT_EQ(run("listen streams_ch", "listener"), 0);
  pgesql_notification n{};
  EXPECT_EQ(pgesql_poll_notification("listener", &n), 0);
  ASSERT_EQ(run("notify streams_ch, 'wake up'", "notifier"), 0);
  pollfd p{pgesql_socket("listener"), POLLIN, 0};
  ASSERT_GE(p.fd, 0);
  ASSERT_EQ(poll(&p, 1, 5000), 1) << "no notification within 5 s";
  ASSERT_EQ(pgesql_poll_notification("listener", &n), 1);
  EXPECT_STREQ(n.channel, "streams_ch");
  EXPECT_STREQ(n.payload, "wake up");
  EXPECT_EQ(pgesql_poll_notification("listener", &n), 0);
  EXPECT_EQ(pgesql_socket("no such connection"), -1);
  EXPECT_EQ(pgesql_poll_notification("no such connection", &n), -1);
  EXPECT_EQ(pgesql_on_notification("no such connection", nullptr, nullptr), -1);
}

}  // namespace
}  // namespace pgesql::test
