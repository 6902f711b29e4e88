// Informix date functions, with the inputs and results of ECPG's
// compat_informix/rfmtdate.
#include <gtest/gtest.h>

#include <string>

#include "ecpg_informix.h"

namespace {

date nov_23_1959() {
  short mdy[3] = {11, 23, 1959};
  date d = 0;
  EXPECT_EQ(rmdyjul(mdy, &d), 0);
  return d;
}

std::string datestr(date d) {
  char buf[20];
  EXPECT_EQ(rdatestr(d, buf), 0);
  return buf;
}

std::string defmt(const char *fmt, const char *input, int expected_rc = 0) {
  date d = 0;
  int rc = rdefmtdate(&d, fmt, input);
  EXPECT_EQ(rc, expected_rc) << fmt << " / " << input;
  return rc == 0 ? datestr(d) : std::string();
}

TEST(InformixDate, MdyRoundTrip) {
  date d = nov_23_1959();
  EXPECT_EQ(datestr(d), "1959-11-23");
  short mdy[3] = {0, 0, 0};
  EXPECT_EQ(rjulmdy(d, mdy), 0);
  EXPECT_EQ(mdy[0], 11);
  EXPECT_EQ(mdy[1], 23);
  EXPECT_EQ(mdy[2], 1959);
  EXPECT_EQ(rdayofweek(d), 1);  // a Monday
}

TEST(InformixDate, StrdateReadsMonthDayYear) {
  date d = 0;
  ASSERT_EQ(rstrdate("12031994", &d), 0);
  EXPECT_EQ(datestr(d), "1994-12-03");
  ASSERT_EQ(rstrdate("9.6.1994", &d), 0);
  EXPECT_EQ(datestr(d), "1994-09-06");
}

TEST(InformixDate, FormatsWithMasks) {
  date d = nov_23_1959();
  const char *cases[][2] = {{"mmddyy", "112359"},
                            {"yy/mm/dd", "59/11/23"},
                            {".mm.yyyy.dd.", ".11.1959.23."},
                            {"mmm. dd, yyyy", "Nov. 23, 1959"},
                            {"(ddd) mmm. dd, yyyy", "(Mon) Nov. 23, 1959"}};
  for (const auto &c : cases) {
    char buf[64];
    ASSERT_EQ(rfmtdate(d, c[0], buf), 0) << c[0];
    EXPECT_STREQ(buf, c[1]);
  }
}

TEST(InformixDate, ReadsWithMasks) {
  EXPECT_EQ(defmt("ddmmyy", "21-2-54"), "0054-02-21");
  EXPECT_EQ(defmt("ddmmyy", "20111954"), "1954-11-20");
  EXPECT_EQ(defmt("mmm.dd.yyyy", "MAR-12-1967"), "1967-03-12");
  EXPECT_EQ(defmt("yy/mm/dd", "1954, February 3rd"), "1954-02-03");
  EXPECT_EQ(defmt("mmddyy", "Nov 14th, 1985"), "1985-11-14");
  EXPECT_EQ(defmt("ddmmyy", "29-02-1994"), "1994-03-01");
}

TEST(InformixDate, ReadErrorsUseInformixCodes) {
  defmt("dmy", "20/11/1954", ECPG_INFORMIX_ENOTDMY);
  defmt("ddmmyy", "21254", ECPG_INFORMIX_ENOSHORTDATE);
  defmt("ddmmyy", "320494", ECPG_INFORMIX_BAD_DAY);
  defmt("mm-yyyy-dd", "13-1993-21", ECPG_INFORMIX_BAD_MONTH);
}

TEST(InformixDate, LeapYears) {
  EXPECT_EQ(rleapyear(2000), 1);
  EXPECT_EQ(rleapyear(1996), 1);
  EXPECT_EQ(rleapyear(1900), 0);
  EXPECT_EQ(rleapyear(1994), 0);
}

TEST(InformixDate, TodayIsAfterTheMillennium) {
  date today = 0;
  rtoday(&today);
  EXPECT_GT(today, 0);  // pgtypes dates count days from 2000-01-01
}

}  // namespace
