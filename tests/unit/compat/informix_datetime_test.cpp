// Informix datetime and interval functions (ECPG's compat_informix/intoasc
// and the datetime functions of its Informix compatibility chapter).
#include <gtest/gtest.h>

#include <string>

#include "ecpg_informix.h"

namespace {

TEST(InformixInterval, IntoascFormatsPostgresStyle) {
  interval iv;
  iv.time = 100000000;  // microseconds
  iv.month = 240;
  char buf[100] = "aaaaaaaaa_bbbbbbbb_ccccccccc_ddddddddd_";
  EXPECT_EQ(intoasc(&iv, buf), 0);
  EXPECT_STREQ(buf, "@ 20 years 1 min 40 secs");
}

TEST(InformixDatetime, CvascAndToascRoundTrip) {
  timestamp ts = 0;
  char text[] = "2003-12-04 17:34:29";
  ASSERT_EQ(dtcvasc(text, &ts), 0);
  char out[64];
  EXPECT_EQ(dttoasc(&ts, out), 0);
  EXPECT_STREQ(out, "2003-12-04 17:34:29");
}

TEST(InformixDatetime, CvascRejectsTrailingCharacters) {
  timestamp ts = 0;
  char text[] = "2003-12-04 17:34:29 garbage";
  EXPECT_NE(dtcvasc(text, &ts), 0);
}

TEST(InformixDatetime, SubtractsIntoAnInterval) {
  timestamp a = 0, b = 0;
  char later[] = "2003-12-05 18:35:30";
  char earlier[] = "2003-12-04 17:34:29";
  ASSERT_EQ(dtcvasc(later, &a), 0);
  ASSERT_EQ(dtcvasc(earlier, &b), 0);
  interval iv;
  ASSERT_EQ(dtsub(&a, &b, &iv), 0);
  char buf[64];
  ASSERT_EQ(intoasc(&iv, buf), 0);
  EXPECT_STREQ(buf, "@ 1 day 1 hour 1 min 1 sec");
}

TEST(InformixDatetime, FormatsAndReadsWithMasks) {
  timestamp ts = 0;
  char text[] = "2003-12-04 17:34:29";
  ASSERT_EQ(dtcvasc(text, &ts), 0);
  char out[64];
  char fmt[] = "%Y/%m/%d %H.%M";
  ASSERT_EQ(dttofmtasc(&ts, out, sizeof out, fmt), 0);
  EXPECT_STREQ(out, "2003/12/04 17.34");
  timestamp back = 0;
  char input[] = "2003/12/04 17.34";
  ASSERT_EQ(dtcvfmtasc(input, fmt, &back), 0);
  EXPECT_EQ(back, ts - 29 * 1000000LL);
}

TEST(InformixDatetime, CurrentIsAfterTheMillennium) {
  timestamp now = 0;
  dtcurrent(&now);
  EXPECT_GT(now, 0);
}

}  // namespace
