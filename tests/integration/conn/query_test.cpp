// Simple and extended queries: results, NULLs, binary formats, streaming,
// structured errors, transaction status.
#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <cstring>

#include "conn_test_support.hpp"

namespace pgesql::test {
namespace {

using conn::Format;
using conn::ParamValue;

class Query : public testing::Test {
 protected:
  void SetUp() override { c_ = open(unix_socket()); }
  std::unique_ptr<conn::Connection> c_;
};

TEST_F(Query, SimpleQueryWithSeveralStatements) {
  const auto results = c_->simple_query("select 1 as a, null::text as b; create temp table t(x int); insert into t values (1),(2)");
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].status(), conn::Result::Status::rows);
  ASSERT_EQ(results[0].column_count(), 2u);
  EXPECT_EQ(results[0].columns()[0].name, "a");
  EXPECT_EQ(results[0].columns()[0].type_oid, 23u);
  EXPECT_EQ(results[0].value(0, 0), "1");
  EXPECT_TRUE(results[0].is_null(0, 1));
  EXPECT_EQ(results[1].status(), conn::Result::Status::command);
  EXPECT_EQ(results[1].command_tag(), "CREATE TABLE");
  EXPECT_EQ(results[2].affected_rows(), 2u);
}

TEST_F(Query, EmptyQuery) {
  const auto results = c_->simple_query("");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status(), conn::Result::Status::empty_query);
}

TEST_F(Query, ZeroRowSelectHasColumns) {
  const auto r = c_->execute("select 1 as x where false");
  EXPECT_EQ(r.status(), conn::Result::Status::rows);
  EXPECT_EQ(r.row_count(), 0u);
  EXPECT_EQ(r.column_count(), 1u);
  EXPECT_EQ(r.command_tag(), "SELECT 0");
}

TEST_F(Query, ExtendedWithTextParamsAndNull) {
  const auto r = c_->execute("select $1::int + 1, $2::text is null, $3::text", {ParamValue("41"), std::nullopt, ParamValue("")});
  EXPECT_EQ(r.value(0, 0), "42");
  EXPECT_EQ(r.value(0, 1), "t");
  ASSERT_TRUE(r.value(0, 2).has_value());
  EXPECT_EQ(*r.value(0, 2), "");
}

TEST_F(Query, BinaryParamsAndResults) {
  std::uint32_t be = htonl(1000);
  const ParamValue values[] = {std::string_view(reinterpret_cast<const char *>(&be), 4)};
  const Format formats[] = {Format::binary};
  const Format result_formats[] = {Format::binary};
  conn::BindParams p{values, formats, result_formats};
  const auto r = c_->execute("select $1::int4 * 2", p);
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.columns()[0].format, Format::binary);
  const auto v = r.value(0, 0);
  ASSERT_TRUE(v && v->size() == 4);
  std::uint32_t out;
  std::memcpy(&out, v->data(), 4);
  EXPECT_EQ(ntohl(out), 2000u);
}

TEST_F(Query, NamedPreparedStatement) {
  const std::uint32_t types[] = {23};
  const auto d = c_->prepare("add_one", "select $1 + 1 as next, 'x'::text as label", types);
  EXPECT_EQ(d.param_types, (std::vector<std::uint32_t>{23}));
  ASSERT_EQ(d.columns.size(), 2u);
  EXPECT_EQ(d.columns[1].name, "label");
  for (int i = 0; i < 3; ++i) {
    const std::string arg = std::to_string(i);
    const ParamValue values[] = {std::string_view(arg)};
    const auto r = c_->execute_prepared("add_one", {values});
    EXPECT_EQ(r.value(0, 0), std::to_string(i + 1));
    EXPECT_EQ(r.columns().size(), 2u);
  }
  c_->close_statement("add_one");
  EXPECT_THROW(c_->execute_prepared("add_one", {}), conn::Error);
}

TEST_F(Query, PreparedStatementDescribesNoRows) {
  const auto d = c_->prepare("", "set search_path = public");
  EXPECT_TRUE(d.columns.empty());
  EXPECT_TRUE(d.param_types.empty());
}

TEST_F(Query, StreamingDoesNotBuffer) {
  struct Counter : conn::RowSink {
    std::size_t rows = 0, columns = 0;
    std::string tag;
    void on_columns(std::span<const conn::ColumnDescription> cols) override { columns = cols.size(); }
    void on_row(std::span<const conn::Field> fields) override {
      if (fields.size() == 1 && fields[0]) ++rows;
    }
    void on_complete(std::string_view t, bool) override { tag = t; }
  } counter;
  c_->execute("select generate_series(1, 200000)", {}, counter);
  EXPECT_EQ(counter.rows, 200000u);
  EXPECT_EQ(counter.columns, 1u);
  EXPECT_EQ(counter.tag, "SELECT 200000");
  Counter simple;
  c_->simple_query("select generate_series(1, 1000)", simple);
  EXPECT_EQ(simple.rows, 1000u);
}

TEST_F(Query, StructuredServerError) {
  c_->simple_query("create temp table u(id int constraint u_pk primary key); insert into u values (1)");
  try {
    c_->execute("insert into u values ($1)", {ParamValue("1")});
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.origin(), conn::Error::Origin::server);
    EXPECT_FALSE(e.connection_broken());
    EXPECT_EQ(e.sqlstate(), "23505");
    EXPECT_EQ(e.fields().severity, "ERROR");
    EXPECT_EQ(e.message(), "duplicate key value violates unique constraint \"u_pk\"");
    EXPECT_EQ(e.fields().detail, "Key (id)=(1) already exists.");
    EXPECT_EQ(e.fields().table_name, "u");
    EXPECT_EQ(e.fields().constraint_name, "u_pk");
    EXPECT_FALSE(e.fields().schema_name.empty());
    EXPECT_FALSE(e.fields().source_file.empty());
    EXPECT_FALSE(e.fields().source_function.empty());
  }
  EXPECT_EQ(scalar(*c_, "select 1"), "1") << "the connection is usable after an error";
}

TEST_F(Query, SyntaxErrorHasPosition) {
  try {
    c_->simple_query("select 1 frm x");
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "42601");
    EXPECT_EQ(e.fields().position, "14");  // at "x": "frm" parses as an alias
  }
}

TEST_F(Query, ErrorInTheMiddleOfASimpleQueryStillReachesReadyForQuery) {
  EXPECT_THROW(c_->simple_query("select 1; select 1/0; select 3"), conn::Error);
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
  EXPECT_EQ(scalar(*c_, "select 4"), "4");
}

TEST_F(Query, RowsStreamedBeforeAnErrorAreDelivered) {
  struct Rows : conn::RowSink {
    int rows = 0;
    void on_row(std::span<const conn::Field>) override { ++rows; }
  } sink;
  try {
    c_->simple_query("select 10 / (5 - g) from generate_series(1, 10) g", sink);
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "22012");
  }
  EXPECT_EQ(sink.rows, 4);
}

TEST_F(Query, TransactionStatus) {
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
  c_->simple_query("begin");
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::in_transaction);
  EXPECT_THROW(c_->simple_query("select 1/0"), conn::Error);
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::failed);
  try {
    c_->simple_query("select 1");
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.sqlstate(), "25P02");
  }
  c_->simple_query("rollback");
  EXPECT_EQ(c_->transaction_status(), conn::TransactionStatus::idle);
}

TEST_F(Query, ZeroBytesInSqlAreRefusedBeforeSending) {
  try {
    c_->simple_query(std::string("select 1\0", 9));
    FAIL();
  } catch (const conn::Error &e) {
    EXPECT_EQ(e.origin(), conn::Error::Origin::client);
  }
  EXPECT_EQ(scalar(*c_, "select 1"), "1");
}

}  // namespace
}  // namespace pgesql::test
