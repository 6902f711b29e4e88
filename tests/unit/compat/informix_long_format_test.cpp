// rfmtlong, with the formats and results of ECPG's compat_informix/rfmtlong.
#include <gtest/gtest.h>

#include <string>

#include "ecpg_informix.h"

namespace {

std::string fmt(long value, const char *format) {
  char buf[64];
  EXPECT_EQ(rfmtlong(value, format, buf), 0) << format;
  return buf;
}

TEST(Rfmtlong, LeftAlignedPrintsTheSignOnlyWhereAskedFor) {
  EXPECT_EQ(fmt(-8494493, "-<<<<,<<<,<<<,<<<"), "-8,494,493");
  EXPECT_EQ(fmt(-8494493, "<<<<,<<<,<<<,<<<"), "8,494,493");
  EXPECT_EQ(fmt(-8494493, "+<<<<,<<<,<<<,<<<"), "-8,494,493");
}

TEST(Rfmtlong, RightAlignedFillers) {
  EXPECT_EQ(fmt(-8494493, "################"), "         8494493");
  EXPECT_EQ(fmt(-8494493, "(&,&&&,&&&,&&&.)"), "(00008,494,493.)");
  EXPECT_EQ(fmt(-8494493, "$************.**"), "$*****8494493.00");
}

TEST(Rfmtlong, SignAndCurrencyLeftOfTheDigits) {
  EXPECT_EQ(fmt(-8494493, "+++$$$$$$$$$$$$$.##"), "  -     $8494493.00");
  EXPECT_EQ(fmt(-8494493, "---$************.**"), "  -$*****8494493.00");
  EXPECT_EQ(fmt(-8494493, "+-+################"), "  -         8494493");
}

TEST(Rfmtlong, LiteralCharactersTakeDigitPositions) {
  EXPECT_EQ(fmt(-8494493, "abc: ################+-+"), "abc:             8494493");
}

TEST(Rfmtlong, PositiveValues) {
  EXPECT_EQ(fmt(1234, "+####"), "+1234");
  EXPECT_EQ(fmt(1234, "-####"), " 1234");
  // ')' takes a digit position too (observed with ECPG's libecpg_compat)
  EXPECT_EQ(fmt(1234, "(####)"), "  123 ");
  EXPECT_EQ(fmt(-1234, "(####)"), "( 123)");
  EXPECT_EQ(fmt(0, "&&&"), "000");
}

TEST(Rfmtlong, MostNegativeLongDoesNotOverflow) {
  EXPECT_EQ(fmt(-9223372036854775807L - 1, "-<<<<<<<<<<<<<<<<<<<"), "-9223372036854775808");
}

}  // namespace
