// The statement layer's conversions: server text and binary <-> host variables.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include <pgtypes_error.h>

#include "types/wire_binary.hpp"
#include "types/wire_text.hpp"

namespace wire = pgesql::types::wire;

namespace {

std::string numeric_text(numeric *n) {
  std::string s;
  EXPECT_EQ(wire::numeric_to_text(n, s), 0);
  return s;
}

TEST(WireText, NumericRoundTrip) {
  numeric *n = PGTYPESnumeric_new();
  for (const char *text : {"0", "-0.000", "12345.678", "NaN", "1e-20", "-99999999999999999999.5"}) {
    ASSERT_EQ(wire::numeric_from_text(text, n), 0) << text;
    numeric *again = PGTYPESnumeric_new();
    ASSERT_EQ(wire::numeric_from_text(numeric_text(n), again), 0);
    EXPECT_EQ(PGTYPESnumeric_cmp(n, again) == 0 || n->sign == NUMERIC_NAN, true) << text;
    PGTYPESnumeric_free(again);
  }
  ASSERT_EQ(wire::numeric_from_text("-Infinity", n), 0);
  EXPECT_EQ(numeric_text(n), "-Infinity");
  EXPECT_EQ(wire::numeric_from_text("Infinity!", n), PGTYPES_NUM_BAD_NUMERIC);
  ASSERT_EQ(wire::numeric_from_text("1e-20", n), 0);
  EXPECT_EQ(numeric_text(n), "0.00000000000000000001");
  PGTYPESnumeric_free(n);
}

TEST(WireText, DecimalLimits) {
  decimal d{};
  EXPECT_EQ(wire::decimal_from_text("123456789012345678901234567890", &d), 0);
  EXPECT_EQ(wire::decimal_from_text("1234567890123456789012345678901", &d), PGTYPES_NUM_OVERFLOW);
  std::string s;
  ASSERT_EQ(wire::decimal_from_text("-3.140", &d), 0);
  ASSERT_EQ(wire::decimal_to_text(&d, s), 0);
  EXPECT_EQ(s, "-3.140");
}

TEST(WireText, DateTimeForms) {
  date d = 0;
  ASSERT_EQ(wire::date_from_text("0044-03-15 BC", &d), 0);
  std::string s;
  ASSERT_EQ(wire::date_to_text(d, s), 0);
  EXPECT_EQ(s, "0044-03-15 BC");
  EXPECT_EQ(wire::date_from_text("infinity", &d), PGTYPES_DATE_BAD_DATE);

  timestamp ts = 0;
  ASSERT_EQ(wire::timestamp_from_text("2024-02-29 23:59:59.999999", &ts), 0);
  ASSERT_EQ(wire::timestamp_to_text(ts, s), 0);
  EXPECT_EQ(s, "2024-02-29 23:59:59.999999");
  ASSERT_EQ(wire::timestamp_from_text("2024-02-29 10:00:00+05:30", &ts), 0);  // timestamptz: zone dropped
  ASSERT_EQ(wire::timestamp_to_text(ts, s), 0);
  EXPECT_EQ(s, "2024-02-29 10:00:00");
  ASSERT_EQ(wire::timestamp_from_text("-infinity", &ts), 0);
  ASSERT_EQ(wire::timestamp_to_text(ts, s), 0);
  EXPECT_EQ(s, "-infinity");

  interval iv{};
  ASSERT_EQ(wire::interval_from_text("1 year 2 mons 3 days 04:05:06.5", &iv), 0);
  EXPECT_EQ(iv.month, 14);
  EXPECT_EQ(iv.time, ((3 * 24 + 4) * 3600 + 5 * 60 + 6) * 1000000LL + 500000);
  ASSERT_EQ(wire::interval_to_text(&iv, s), 0);
  EXPECT_EQ(s, "@ 1 year 2 mons 3 days 4 hours 5 mins 6.50 secs");
  interval back{};
  ASSERT_EQ(wire::interval_from_text(s, &back), 0);
  EXPECT_EQ(back.time, iv.time);
  EXPECT_EQ(back.month, iv.month);
  ASSERT_EQ(wire::interval_from_text("-1 days +02:03:04", &iv), 0);
  EXPECT_EQ(iv.time, -86400000000LL + (2 * 3600 + 3 * 60 + 4) * 1000000LL);
}

TEST(WireBinary, NumericKnownBytes) {
  // 12345.678: groups 1 | 2345 . 6780, weight 1, dscale 3.
  const std::vector<std::uint8_t> bytes = {0, 3, 0, 1, 0, 0, 0, 3, 0, 1, 0x09, 0x29, 0x1A, 0x7C};
  numeric *n = PGTYPESnumeric_new();
  ASSERT_EQ(wire::numeric_from_binary(bytes, n), 0);
  EXPECT_EQ(numeric_text(n), "12345.678");
  std::vector<std::uint8_t> out;
  ASSERT_EQ(wire::numeric_to_binary(n, out), 0);
  EXPECT_EQ(out, bytes);
  // -0.00012: weight -1, groups [1, 2000], dscale 5.
  ASSERT_EQ(wire::numeric_from_text("-0.00012", n), 0);
  out.clear();
  ASSERT_EQ(wire::numeric_to_binary(n, out), 0);
  const std::vector<std::uint8_t> small = {0, 2, 0xFF, 0xFF, 0x40, 0, 0, 5, 0, 1, 0x07, 0xD0};
  EXPECT_EQ(out, small);
  ASSERT_EQ(wire::numeric_from_binary(small, n), 0);
  EXPECT_EQ(numeric_text(n), "-0.00012");
  const std::vector<std::uint8_t> infinity = {0, 0, 0, 0, 0xD0, 0, 0, 0};
  ASSERT_EQ(wire::numeric_from_binary(infinity, n), 0);
  EXPECT_EQ(numeric_text(n), "Infinity");
  out.clear();
  ASSERT_EQ(wire::numeric_to_binary(n, out), 0);
  EXPECT_EQ(out, infinity);
  const std::vector<std::uint8_t> bad_sign = {0, 0, 0, 0, 0x80, 0, 0, 0};
  EXPECT_EQ(wire::numeric_from_binary(bad_sign, n), PGTYPES_NUM_BAD_NUMERIC);
  const std::vector<std::uint8_t> truncated = {0, 3, 0, 1, 0, 0, 0, 3, 0, 1};
  EXPECT_EQ(wire::numeric_from_binary(truncated, n), PGTYPES_NUM_BAD_NUMERIC);
  PGTYPESnumeric_free(n);
}

TEST(WireBinary, DateTimestampInterval) {
  std::vector<std::uint8_t> out;
  ASSERT_EQ(wire::date_to_binary(-1, out), 0);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{0xFF, 0xFF, 0xFF, 0xFF}));
  date d = 0;
  ASSERT_EQ(wire::date_from_binary(out, &d), 0);
  EXPECT_EQ(d, -1);
  const std::vector<std::uint8_t> date_inf = {0x7F, 0xFF, 0xFF, 0xFF};
  EXPECT_EQ(wire::date_from_binary(date_inf, &d), PGTYPES_DATE_BAD_DATE);

  out.clear();
  ASSERT_EQ(wire::timestamp_to_binary(1000001, out), 0);
  timestamp ts = 0;
  ASSERT_EQ(wire::timestamp_from_binary(out, &ts), 0);
  EXPECT_EQ(ts, 1000001);

  interval iv{3 * 86400000000LL + 5, 14};
  out.clear();
  ASSERT_EQ(wire::interval_to_binary(&iv, out), 0);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 14}));
  interval back{};
  ASSERT_EQ(wire::interval_from_binary(out, &back), 0);
  EXPECT_EQ(back.time, iv.time);
  EXPECT_EQ(back.month, iv.month);
}

}  // namespace
