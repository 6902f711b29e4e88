// Pipelining several statements before one Sync, and COPY in both directions.
#include <gtest/gtest.h>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

using conn::ParamValue;
using conn::StepResult;

class Pipeline : public testing::Test {
 protected:
  void SetUp() override {
    c_ = open(unix_socket());
    c_->simple_query("create temp table items(id int primary key, name text)");
  }
  std::unique_ptr<conn::Connection> c_;
};

TEST_F(Pipeline, SeveralStatementsOneSync) {
  c_->queue_parse("ins", "insert into items values ($1, $2)");
  for (int i = 1; i <= 3; ++i) {
    const std::string id = std::to_string(i), name = "item" + id;
    const ParamValue values[] = {std::string_view(id), std::string_view(name)};
    c_->queue_bind("", "ins", {values});
    c_->queue_execute("");
  }
  c_->queue_parse("", "select count(*) from items");
  c_->queue_bind("", "", {});
  c_->queue_describe_portal("");
  c_->queue_execute("");
  c_->queue_sync();
  c_->send_queued();
  EXPECT_EQ(c_->pending_steps(), 12u);
  std::vector<StepResult> steps;
  while (c_->pending_steps() > 0) steps.push_back(c_->read_step());
  for (const auto &s : steps) EXPECT_FALSE(s.error) << s.error->message();
  EXPECT_EQ(steps[2].kind, StepResult::Kind::execute);
  EXPECT_EQ(steps[2].result.command_tag(), "INSERT 0 1");
  EXPECT_EQ(steps[10].result.value(0, 0), "3");
  EXPECT_EQ(steps[11].kind, StepResult::Kind::sync);
}

TEST_F(Pipeline, AnErrorSkipsTheRestUntilSync) {
  c_->queue_parse("", "insert into items values (1, 'a')");
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->queue_parse("", "insert into items values (1, 'again')");
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->queue_parse("", "insert into items values (2, 'skipped')");
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->queue_sync();
  c_->queue_parse("", "select count(*) from items");  // after the Sync: runs again
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->queue_sync();
  std::vector<StepResult> steps;
  while (c_->pending_steps() > 0) steps.push_back(c_->read_step());
  ASSERT_EQ(steps.size(), 14u);
  EXPECT_FALSE(steps[2].error);
  ASSERT_TRUE(steps[5].error);
  EXPECT_EQ(steps[5].error->sqlstate(), "23505");
  EXPECT_TRUE(steps[6].skipped);
  EXPECT_TRUE(steps[8].skipped);
  EXPECT_FALSE(steps[9].skipped);
  // One implicit transaction per Sync: the failed batch rolled back entirely.
  EXPECT_EQ(steps[12].result.value(0, 0), "0");
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
}

TEST_F(Pipeline, FinishPipelineThrowsTheFirstError) {
  c_->queue_parse("", "select 1/0");
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->queue_sync();
  try {
    c_->finish_pipeline();
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "22012");
  }
  EXPECT_EQ(c_->pending_steps(), 0u);
  EXPECT_EQ(scalar(*c_, "select 1"), "1");
}

TEST_F(Pipeline, AnErrorWithoutSyncDoesNotHangTheNextRequest) {
  c_->queue_parse("", "select 1/g from generate_series(0, 1) g");
  c_->queue_bind("", "", {});
  c_->queue_execute("");
  c_->send_queued();  // Flush, no Sync
  std::vector<StepResult> steps;
  while (c_->pending_steps() > 0) steps.push_back(c_->read_step());
  ASSERT_TRUE(steps[2].error);
  EXPECT_EQ(steps[2].error->sqlstate(), "22012");
  EXPECT_EQ(scalar(*c_, "select 5"), "5");
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
}

// The server's replies pile up while we are still sending: writing must keep
// reading, or both sides block on full socket buffers.
TEST_F(Pipeline, LargePipelineDoesNotDeadlock) {
  c_->queue_parse("ins", "insert into items values ($1, repeat('x', 200))");
  c_->queue_parse("sel", "select $1::int, repeat('y', 500)");
  constexpr int n = 30000;
  std::vector<std::string> ids;
  ids.reserve(n);
  for (int i = 0; i < n; ++i) {
    ids.push_back(std::to_string(i));
    const ParamValue values[] = {std::string_view(ids.back())};
    c_->queue_bind("", i % 2 ? "ins" : "sel", {values});
    c_->queue_execute("");
  }
  c_->queue_sync();
  c_->send_queued();
  c_->finish_pipeline();
  EXPECT_EQ(scalar(*c_, "select count(*) from items"), std::to_string(n / 2));
}

TEST_F(Pipeline, PortalSuspendedWithMaxRows) {
  c_->simple_query("begin");
  c_->queue_parse("", "select generate_series(1, 5)");
  c_->queue_bind("p", "", {});
  c_->queue_execute("p", 2);
  c_->queue_execute("p", 2);
  c_->queue_execute("p", 2);
  c_->queue_sync();
  std::vector<StepResult> steps;
  while (c_->pending_steps() > 0) steps.push_back(c_->read_step());
  EXPECT_EQ(steps[2].result.status(), conn::Result::Status::suspended);
  EXPECT_EQ(steps[2].result.row_count(), 2u);
  EXPECT_EQ(steps[3].result.value(1, 0), "4");
  EXPECT_EQ(steps[4].result.row_count(), 1u);
  EXPECT_EQ(steps[4].result.command_tag(), "SELECT 1");
  c_->simple_query("commit");
}

TEST_F(Pipeline, CopyInAndOut) {
  const auto in = c_->copy_in("copy items from stdin", [](conn::Connection::CopyWriter &w) {
    for (int i = 1; i <= 1000; ++i) w.write(std::to_string(i) + "\tname " + std::to_string(i) + "\n");
    w.write("1001\t\\N\n");
  });
  EXPECT_EQ(in, 1001u);
  EXPECT_EQ(scalar(*c_, "select count(*) from items where name is null"), "1");
  std::string out;
  std::size_t chunks = 0;
  const auto n = c_->copy_out("copy (select * from items where id <= 3 order by id) to stdout", [&](std::string_view d) {
    out += d;
    ++chunks;
  });
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(chunks, 3u);
  EXPECT_EQ(out, "1\tname 1\n2\tname 2\n3\tname 3\n");
}

TEST_F(Pipeline, CopyInBadDataGivesTheServersError) {
  try {
    c_->copy_in("copy items from stdin", [](conn::Connection::CopyWriter &w) { w.write("x\ty\n"); });
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "22P02");
  }
  EXPECT_EQ(scalar(*c_, "select count(*) from items"), "0");
}

TEST_F(Pipeline, CopyInAbortedByTheProducer) {
  try {
    c_->copy_in("copy items from stdin", [](conn::Connection::CopyWriter &w) {
      w.write("1\ta\n");
      throw std::runtime_error("input file vanished");
    });
    FAIL();
  } catch (const conn::Error &e) {
    // the server's answer to CopyFail, which carries the producer's reason
    EXPECT_EQ(e.fields().sqlstate, "57014");
    EXPECT_NE(e.message().find("input file vanished"), std::string::npos) << e.message();
  }
  EXPECT_EQ(scalar(*c_, "select count(*) from items"), "0");
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
}

TEST_F(Pipeline, CopyOutOfANonCopyStatementIsAnError) {
  EXPECT_THROW(c_->copy_out("select 1", [](std::string_view) {}), conn::Error);
  EXPECT_EQ(scalar(*c_, "select 1"), "1");
}

}  // namespace
}  // namespace pgesql::test
