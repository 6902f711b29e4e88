#include <gtest/gtest.h>

#include "values/utc_timestamp.hpp"

namespace {

using pgesql::values::parse_utc_timestamp;
using pgesql::values::utc_timestamp_text;

constexpr long long day_us = 86400LL * 1000000LL;

TEST(UtcTimestamp, FormatsWithAnExplicitUtcOffset) {
  EXPECT_EQ(utc_timestamp_text(0), "2000-01-01 00:00:00.000000+00");
  EXPECT_EQ(utc_timestamp_text(-1), "1999-12-31 23:59:59.999999+00");
  // 2024-02-29 is day 8825 after 2000-01-01
  EXPECT_EQ(utc_timestamp_text(8825 * day_us + 45296123456LL), "2024-02-29 12:34:56.123456+00");
  EXPECT_EQ(utc_timestamp_text(-730120 * day_us), "0001-12-31 00:00:00.000000+00 BC");
}

TEST(UtcTimestamp, ParsesServerTextWithAndWithoutOffsets) {
  long long us = 1;
  ASSERT_TRUE(parse_utc_timestamp("2000-01-01 00:00:00", &us));
  EXPECT_EQ(us, 0);
  ASSERT_TRUE(parse_utc_timestamp("2024-02-29 18:04:56.123456+05:30", &us));
  EXPECT_EQ(us, 8825 * day_us + 45296123456LL);
  ASSERT_TRUE(parse_utc_timestamp("1999-12-31 19:00:00.5-05", &us));
  EXPECT_EQ(us, 500000);
  ASSERT_TRUE(parse_utc_timestamp("1939-11-13 06:21:10+05:21:10", &us));
  ASSERT_TRUE(parse_utc_timestamp("2024-02-29", &us));
  EXPECT_EQ(us, 8825 * day_us);
  ASSERT_TRUE(parse_utc_timestamp("0001-12-31 00:00:00+00 BC", &us));
  EXPECT_EQ(us, -730120 * day_us);
  ASSERT_TRUE(parse_utc_timestamp("12345-06-07 00:00:00", &us));
}

TEST(UtcTimestamp, RejectsInfinityAndGarbage) {
  long long us;
  EXPECT_FALSE(parse_utc_timestamp("infinity", &us));
  EXPECT_FALSE(parse_utc_timestamp("-infinity", &us));
  EXPECT_FALSE(parse_utc_timestamp("2024-13-01", &us));
  EXPECT_FALSE(parse_utc_timestamp("2024-01-01 10:00", &us));
  EXPECT_FALSE(parse_utc_timestamp("2024-01-01 10:00:00 junk", &us));
}

TEST(UtcTimestamp, RoundTripsAcrossCenturies) {
  for (long long d = -800000; d <= 800000; d += 997) {
    long long us = d * day_us + 3723000042LL;
    std::string text = utc_timestamp_text(us);
    long long back = 0;
    ASSERT_TRUE(parse_utc_timestamp(text.c_str(), &back)) << text;
    EXPECT_EQ(back, us) << text;
  }
}

}  // namespace
