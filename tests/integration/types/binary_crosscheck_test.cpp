// The binary wire conversions against the server: values the server sends
// in binary decode to what its text says, and bytes pgtypes encodes are read
// back by the server as the same value.
#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <pgtypes_date.h>
#include <pgtypes_interval.h>
#include <pgtypes_numeric.h>
#include <pgtypes_timestamp.h>

#include "server_session.hpp"
#include "types/wire_binary.hpp"
#include "types/wire_text.hpp"
#include "values/type_oids.hpp"

namespace wire = pgesql::types::wire;

namespace {

namespace oid_of = pgesql::values::type_oid;
constexpr unsigned kNumericOid = oid_of::numeric, kDateOid = oid_of::date, kTimestampOid = oid_of::timestamp,
                   kIntervalOid = oid_of::interval;

std::span<const std::uint8_t> bytes_of(const std::string &s) {
  return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

std::string as_string(const std::vector<std::uint8_t> &v) { return {v.begin(), v.end()}; }

// One column of values, fetched as text and as binary.
struct Column {
  std::vector<std::string> text, binary;
};

Column fetch(pgesql::test::ServerSession &server, const std::string &values_sql) {
  Column c;
  std::string sql = "SELECT x FROM (VALUES " + values_sql + ") AS t(x)";
  for (auto &r : server.rows(sql)) c.text.push_back(r[0]);
  for (auto &r : server.binary_rows(sql)) c.binary.push_back(r[0]);
  EXPECT_EQ(c.text.size(), c.binary.size());
  return c;
}

TEST(BinaryCrossCheck, Numeric) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  Column c = fetch(server,
                   "('0'::numeric), ('-0.000'), ('12345.678'), ('-0.00012'), ('NaN'), ('Infinity'),"
                   " ('-Infinity'), ('1e1000'), ('-1e-1000'), ('99999999.99990000'), ('10000'), ('0.0001')");
  for (std::size_t i = 0; i < c.text.size(); ++i) {
    numeric *n = PGTYPESnumeric_new();
    ASSERT_EQ(wire::numeric_from_binary(bytes_of(c.binary[i]), n), 0) << c.text[i];
    std::string text;
    ASSERT_EQ(wire::numeric_to_text(n, text), 0);
    EXPECT_EQ(text, c.text[i]);
    std::vector<std::uint8_t> out;
    ASSERT_EQ(wire::numeric_to_binary(n, out), 0);
    EXPECT_EQ(server.text_of_binary(kNumericOid, as_string(out)), c.text[i]);
    PGTYPESnumeric_free(n);
  }
}

TEST(BinaryCrossCheck, DateTimestampInterval) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  Column dates = fetch(server, "(date '2000-01-01'), (date '4714-11-24 BC'), (date '5874897-12-31'),"
                               " (date '2024-02-29'), (date '0001-01-01')");
  for (std::size_t i = 0; i < dates.text.size(); ++i) {
    date d = 0;
    ASSERT_EQ(wire::date_from_binary(bytes_of(dates.binary[i]), &d), 0);
    std::string text;
    ASSERT_EQ(wire::date_to_text(d, text), 0);
    EXPECT_EQ(text, dates.text[i]);
    std::vector<std::uint8_t> out;
    ASSERT_EQ(wire::date_to_binary(d, out), 0);
    EXPECT_EQ(server.text_of_binary(kDateOid, as_string(out)), dates.text[i]);
  }
  Column stamps = fetch(server, "(timestamp '2000-01-01 00:00:00'), (timestamp '1999-12-31 23:59:59.999999'),"
                                " (timestamp '4714-11-24 00:00:00 BC'), (timestamp '294276-12-31 23:59:59'),"
                                " (timestamp 'infinity'), (timestamp '-infinity')");
  for (std::size_t i = 0; i < stamps.text.size(); ++i) {
    timestamp ts = 0;
    ASSERT_EQ(wire::timestamp_from_binary(bytes_of(stamps.binary[i]), &ts), 0);
    timestamp from_text = 0;
    ASSERT_EQ(wire::timestamp_from_text(stamps.text[i], &from_text), 0);
    EXPECT_EQ(ts, from_text) << stamps.text[i];
    std::vector<std::uint8_t> out;
    ASSERT_EQ(wire::timestamp_to_binary(ts, out), 0);
    EXPECT_EQ(server.text_of_binary(kTimestampOid, as_string(out)), stamps.text[i]);
  }
  Column spans = fetch(server, "(interval '1 year 2 mons 3 days 04:05:06.789'), (interval '-1 days +00:00:01'),"
                               " (interval '0'), (interval '-178000000 years'), (interval '1000000 hours')");
  for (std::size_t i = 0; i < spans.text.size(); ++i) {
    interval iv{};
    ASSERT_EQ(wire::interval_from_binary(bytes_of(spans.binary[i]), &iv), 0);
    interval from_text{};
    ASSERT_EQ(wire::interval_from_text(spans.text[i], &from_text), 0);
    EXPECT_EQ(iv.time, from_text.time) << spans.text[i];
    EXPECT_EQ(iv.month, from_text.month) << spans.text[i];
    std::vector<std::uint8_t> out;
    ASSERT_EQ(wire::interval_to_binary(&iv, out), 0);
    auto same = server.rows("SELECT (" + pgesql::test::quote(server.text_of_binary(kIntervalOid, as_string(out))) +
                            "::interval = " + pgesql::test::quote(spans.text[i]) + "::interval)::text");
    ASSERT_EQ(same.size(), 1u);
    EXPECT_EQ(same[0][0], "true") << spans.text[i];
  }
}

}  // namespace
