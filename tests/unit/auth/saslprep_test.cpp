#include <gtest/gtest.h>

#include <string>

#include "auth/saslprep.hpp"
#include "auth/scram_client.hpp"

namespace {

using pgesql::auth::saslprep;
using pgesql::auth::SaslprepStatus;

std::string prep(std::string_view in, SaslprepStatus want = SaslprepStatus::ok) {
  std::string out = "unset";
  EXPECT_EQ(saslprep(in, out), want) << in;
  return out;
}

TEST(Saslprep, AsciiIsLeftAsItIs) {
  EXPECT_EQ(prep("user"), "user");
  EXPECT_EQ(prep("pass word\x07"), "pass word\x07");  // no checks for ASCII, as PostgreSQL
  EXPECT_EQ(prep(""), "");
}

TEST(Saslprep, Rfc4013Examples) {
  EXPECT_EQ(prep("I\xC2\xAD" "X"), "IX");       // soft hyphen maps to nothing
  EXPECT_EQ(prep("\xC2\xAA"), "a");             // ordinal indicator: NFKC
  EXPECT_EQ(prep("\xE2\x85\xA8"), "IX");        // roman numeral nine
  prep("\xD8\xA7" "1", SaslprepStatus::prohibited);  // RTL then LTR digit: bidi rule
}

TEST(Saslprep, SpacesCompositionAndHangul) {
  EXPECT_EQ(prep("a\xC2\xA0" "b"), "a b");              // no-break space → space
  EXPECT_EQ(prep("e\xCC\x81"), "\xC3\xA9");             // e + combining acute → é
  EXPECT_EQ(prep("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // L + V jamo → 가
  EXPECT_EQ(prep("\xEA\xB0\x81"), "\xEA\xB0\x81");      // 각 stays composed
  EXPECT_EQ(prep("\xEF\xAC\x81"), "fi");                // ligature fi
  EXPECT_EQ(prep("a\xCC\xA3\xCC\x87"), "\xE1\xBA\xA1\xCC\x87");  // dot below composes first: ạ + dot above
  EXPECT_EQ(prep("\xC3\xA9t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");
}

TEST(Saslprep, RejectsWhatPostgreSqlRejects) {
  prep("\xFF\xFE", SaslprepStatus::invalid_utf8);
  prep("\xC3", SaslprepStatus::invalid_utf8);           // truncated
  prep("\xC0\xAF", SaslprepStatus::invalid_utf8);       // overlong
  prep("\xED\xA0\x80", SaslprepStatus::invalid_utf8);   // surrogate
  prep("a\xC2\x80", SaslprepStatus::prohibited);        // C1 control
  prep("\xEE\x80\x80", SaslprepStatus::prohibited);     // private use
  prep("\xF0\xB0\x80\x80", SaslprepStatus::prohibited);  // unassigned in Unicode 3.2
}

TEST(Saslprep, ScramUsesTheRawPasswordWhenSaslprepRejectsIt) {
  using pgesql::auth::scram_prepare_password;
  EXPECT_EQ(scram_prepare_password("I\xC2\xAD" "X"), "IX");
  EXPECT_EQ(scram_prepare_password("\xFF" "x"), "\xFF" "x");
  EXPECT_EQ(scram_prepare_password("\xEE\x80\x80"), "\xEE\x80\x80");
}

}  // namespace
