// date, timestamp and interval cross-checked against the server: leap
// years, BC dates, the ends of the ranges, DST-free timestamps (timestamp
// without time zone) and huge intervals.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <vector>

#include <pgtypes_date.h>
#include <pgtypes_error.h>
#include <pgtypes_interval.h>
#include <pgtypes_timestamp.h>

#include "server_session.hpp"

namespace {

using pgesql::test::quote;

std::string take(char *s) {
  std::string r = s ? s : "<error>";
  PGTYPESchar_free(s);
  return r;
}

// ECPG prints at least two fraction digits; the server trims them all.
std::string trim_fraction(std::string s) {
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) return s;
  std::size_t end = dot + 1;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  std::size_t last = end;
  while (last > dot + 1 && s[last - 1] == '0') --last;
  if (last == dot + 1) last = dot;
  return s.substr(0, last) + s.substr(end);
}

TEST(DateCrossCheck, ParseFormatAndCalendar) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  auto rows = server.rows(
      "WITH c(y, m, dd) AS (SELECT y, m, dd FROM unnest(ARRAY[-4713,-1000,-5,-1,1,4,99,100,1582,"
      "1600,1700,1899,1900,1970,1999,2000,2001,2024,2100,2400,9999,10000,294276,5874897]) y,"
      " generate_series(1, 12) m, unnest(ARRAY[1,28,29,30,31]) dd),"
      " v AS (SELECT make_date(y, m, dd) AS d FROM c"
      "  WHERE dd <= CASE WHEN m = 12 THEN 31 ELSE extract(day from make_date(y, m + 1, 1) - 1) END)"
      " SELECT d::text, (d - date '2000-01-01')::text, extract(dow from d)::int::text,"
      "  extract(month from d)::int::text, extract(day from d)::int::text, extract(year from d)::int::text"
      " FROM v ORDER BY d");
  ASSERT_GT(rows.size(), 1000u);
  for (const auto &r : rows) {
    char *end = nullptr;
    date d = PGTYPESdate_from_asc(const_cast<char *>(r[0].c_str()), &end);
    ASSERT_EQ(std::to_string(d), r[1]) << r[0];
    EXPECT_EQ(take(PGTYPESdate_to_asc(d)), r[0]);
    EXPECT_EQ(std::to_string(PGTYPESdate_dayofweek(d)), r[2]) << r[0];
    int mdy[3] = {0, 0, 0};
    PGTYPESdate_julmdy(d, mdy);
    EXPECT_EQ(std::to_string(mdy[0]), r[3]) << r[0];
    EXPECT_EQ(std::to_string(mdy[1]), r[4]) << r[0];
    int server_year = std::stoi(r[5]);  // -N for N BC
    EXPECT_EQ(mdy[2] <= 0 ? -(1 - mdy[2]) : mdy[2], server_year) << r[0];
    date back = 0;
    PGTYPESdate_mdyjul(mdy, &back);
    EXPECT_EQ(back, d) << r[0];
  }
}

TEST(TimestampCrossCheck, ParseFormatArithmetic) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  const char *intervals[] = {"1 mon",   "-1 mon",  "1 year", "13 mons 5 days 01:02:03.5",
                             "-29 days", "1 day",  "-00:00:00.000001", "1000 years",
                             "-1000 years -11 mons", "100000 days 23:59:59.999999"};
  std::string ivalues;
  for (const char *iv : intervals) {
    if (!ivalues.empty()) ivalues += ",";
    ivalues += "(" + quote(iv) + "::interval)";
  }
  // Timestamps: edge dates (leap days, month ends, BC, far future) at edge times.
  auto rows = server.rows(
      "WITH d(x) AS (VALUES (date '2000-01-01'), (date '2000-02-29'), (date '1900-02-28'),"
      "  (date '2024-01-31'), (date '2023-12-31'), (date '0001-01-01'), (date '0044-03-15 BC'),"
      "  (date '4713-11-24 BC'), (date '1970-01-01'), (date '9999-12-31'), (date '200000-06-30')),"
      " t(y) AS (VALUES (time '00:00:00'), (time '23:59:59.999999'), (time '12:34:56.5'),"
      "  (time '01:02:03.000001')),"
      " i(iv) AS (VALUES " + ivalues + "),"
      " s AS (SELECT x + y AS ts, iv FROM d, t, i"
      "  WHERE NOT (x = date '4713-11-24 BC' AND iv < interval '0'))"
      " SELECT ts::text, (extract(epoch from ts - timestamp '2000-01-01') * 1000000)::bigint::text,"
      "  iv::text, (extract(epoch from (ts + iv) - timestamp '2000-01-01') * 1000000)::bigint::text,"
      "  (extract(epoch from ts - timestamp '1999-12-31 12:00') * 1000000)::bigint::text"
      " FROM s ORDER BY ts, iv");
  ASSERT_GT(rows.size(), 300u);
  timestamp noon = PGTYPEStimestamp_from_asc(const_cast<char *>("1999-12-31 12:00"), nullptr);
  for (const auto &r : rows) {
    errno = 0;
    timestamp ts = PGTYPEStimestamp_from_asc(const_cast<char *>(r[0].c_str()), nullptr);
    ASSERT_EQ(errno, 0) << r[0];
    ASSERT_EQ(std::to_string(ts), r[1]) << r[0];
    EXPECT_EQ(trim_fraction(take(PGTYPEStimestamp_to_asc(ts))), r[0]);
    interval *iv = PGTYPESinterval_from_asc(const_cast<char *>(r[2].c_str()), nullptr);
    ASSERT_NE(iv, nullptr) << r[2];
    timestamp sum = 0;
    int rc = PGTYPEStimestamp_add_interval(&ts, iv, &sum);
    ASSERT_EQ(rc, 0) << r[0] << " + " << r[2];
    EXPECT_EQ(std::to_string(sum), r[3]) << r[0] << " + " << r[2];
    timestamp back = 0;
    if (iv->month == 0) {
      ASSERT_EQ(PGTYPEStimestamp_sub_interval(&sum, iv, &back), 0);
      EXPECT_EQ(back, ts) << r[0] << " + " << r[2] << " - " << r[2];
    }
    interval diff{};
    ASSERT_EQ(PGTYPEStimestamp_sub(&ts, &noon, &diff), 0);
    EXPECT_EQ(std::to_string(diff.time), r[4]) << r[0];
    PGTYPESinterval_free(iv);
  }
}

TEST(IntervalCrossCheck, HugeAndMixedSigns) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  const char *inputs[] = {
      "0", "1 second", "-1 second", "00:00:00.000001", "1 year 2 mons 3 days 04:05:06.789",
      "-1 year -2 mons +3 days -04:05:06.789", "178000000 years", "-178000000 years",
      "2147483647 mons", "-2147483648 mons", "106751991 days 04:00:54.775807",
      "-106751991 days -04:00:54.775808", "2147483647 days", "1 day -1 second",
      "-1 day +1 second", "25 hours", "1.5 years", "2 weeks 3.25 days", "100 centuries",
      "3 millennia 2 decades", "1 hour ago", "1 mon 2147483647 hours"};
  for (const char *style : {"postgres", "postgres_verbose", "iso_8601"}) {
    server.rows(std::string("SET intervalstyle = ") + style);
    for (const char *in : inputs) {
      auto rows = server.rows(
          "SELECT i::text, (extract(year from i) * 12 + extract(month from i))::text,"
          " ((extract(day from i) * 86400000000 + extract(hour from i) * 3600000000"
          "  + extract(minute from i) * 60000000 + extract(microseconds from i)))::text"
          " FROM (SELECT " + quote(in) + "::interval AS i) AS t");
      ASSERT_EQ(rows.size(), 1u);
      const auto &r = rows[0];
      // pgtypes keeps days inside the microsecond count: values past int64 cannot be held.
      bool fits = r[2].size() < 19 || (r[2].size() == 19 && r[2] <= "9223372036854775807") ||
                  (r[2][0] == '-' && (r[2].size() < 20 || r[2] <= "-9223372036854775808"));
      errno = 0;
      interval *iv = PGTYPESinterval_from_asc(const_cast<char *>(r[0].c_str()), nullptr);
      if (!fits) {
        EXPECT_EQ(iv, nullptr) << style << ": " << r[0];
        EXPECT_EQ(errno, PGTYPES_INTVL_BAD_INTERVAL);
        PGTYPESinterval_free(iv);
        continue;
      }
      ASSERT_NE(iv, nullptr) << style << ": " << r[0];
      EXPECT_EQ(std::to_string(iv->month), r[1]) << style << ": " << r[0];
      EXPECT_EQ(std::to_string(iv->time), r[2]) << style << ": " << r[0];
      // What pgtypes prints, the server reads back as the same span.
      std::string text = take(PGTYPESinterval_to_asc(iv));
      auto same = server.rows("SELECT (" + quote(text) + "::interval = " + quote(in) +
                              "::interval)::text");
      ASSERT_EQ(same.size(), 1u);
      EXPECT_EQ(same[0][0], "true") << text << " vs " << in;
      PGTYPESinterval_free(iv);
    }
  }
}

}  // namespace
