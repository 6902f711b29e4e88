// The calls of ECPG's pgtypeslib/dt_test and dt_test2 programs, as transcripts: built
// against pgesql and against ECPG's libpgtypes, the two must print the same.
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include <pgtypes_date.h>
#include <pgtypes_error.h>
#include <pgtypes_interval.h>
#include <pgtypes_timestamp.h>

#include "transcripts.hpp"

using pgesql::transcripts::appendf;

namespace {

char *mut(const char *s) { return const_cast<char *>(s); }

void print_errno(std::string &out) {
  switch (errno) {
    case 0: appendf(out, "(no errno set) - "); break;
    case PGTYPES_TS_BAD_TIMESTAMP: appendf(out, "(errno == PGTYPES_TS_BAD_TIMESTAMP) - "); break;
    default: appendf(out, "(unknown errno (%d))\n", errno); break;
  }
}

void put(std::string &out, const char *fmt, char *text) {
  appendf(out, fmt, text);
  PGTYPESchar_free(text);
}

// What a program sees after storing a value and fetching it back: the
// server's ISO text parsed again.
date date_through_server(date d) {
  char *text = PGTYPESdate_to_asc(d);
  date back = PGTYPESdate_from_asc(text, nullptr);
  PGTYPESchar_free(text);
  return back;
}
timestamp timestamp_through_server(timestamp ts) {
  char *text = PGTYPEStimestamp_to_asc(ts);
  timestamp back = PGTYPEStimestamp_from_asc(text, nullptr);
  PGTYPESchar_free(text);
  return back;
}

void defmt_date(std::string &out, int n, const char *fmt, const char *in) {
  date d = 0;
  PGTYPESdate_defmt_asc(&d, fmt, in);
  char *text = PGTYPESdate_to_asc(d);
  appendf(out, "date_defmt_asc%d: %s\n", n, text);
  PGTYPESchar_free(text);
}

void defmt_ts(std::string &out, timestamp &ts, const char *in, const char *fmt, bool should_fail) {
  int i = PGTYPEStimestamp_defmt_asc(in, fmt, &ts);
  char *text = PGTYPEStimestamp_to_asc(ts);
  if (fmt == nullptr) {
    appendf(out, "timestamp_defmt_asc(%s, NULL) = %s, error: %d\n", in, text, i);
  } else {
    appendf(out, "timestamp_defmt_asc(%s, %s) = %s, error%s: %d\n", in, fmt, text,
            should_fail ? " (should be error!)" : "", i);
  }
  PGTYPESchar_free(text);
}

std::string dt_test() {
  std::string out;
  date date1 = date_through_server(PGTYPESdate_from_asc(mut("Mon Jan 17 1966"), nullptr));
  timestamp ts1 = timestamp_through_server(PGTYPEStimestamp_from_asc(mut("2000-7-12 17:34:29"), nullptr));
  put(out, "Date: %s\n", PGTYPESdate_to_asc(date1));
  put(out, "timestamp: %s\n", PGTYPEStimestamp_to_asc(ts1));

  interval *iv1 = PGTYPESinterval_from_asc(mut("13556 days 12 hours 34 minutes 14 seconds "), nullptr);
  interval iv2;
  PGTYPESinterval_copy(iv1, &iv2);
  put(out, "interval: %s\n", PGTYPESinterval_to_asc(&iv2));
  PGTYPESinterval_free(iv1);

  int mdy[3] = {4, 19, 1998};
  date date2 = 0;
  PGTYPESdate_mdyjul(mdy, &date2);
  appendf(out, "m: %d, d: %d, y: %d\n", mdy[0], mdy[1], mdy[2]);
  mdy[0] = mdy[1] = mdy[2] = 0;
  appendf(out, "date seems to get encoded to julian %ld\n", date2);
  PGTYPESdate_julmdy(date2, mdy);
  appendf(out, "m: %d, d: %d, y: %d\n", mdy[0], mdy[1], mdy[2]);

  ts1 = PGTYPEStimestamp_from_asc(mut("2003-12-04 17:34:29"), nullptr);
  char *text = PGTYPEStimestamp_to_asc(ts1);
  const char *fmt = "(ddd), mmm. dd, yyyy, repeat: (ddd), mmm. dd, yyyy. end";
  char dbuf[128];
  date1 = PGTYPESdate_from_timestamp(ts1);
  PGTYPESdate_fmt_asc(date1, fmt, dbuf);
  appendf(out, "date_day of %s is %d\n", text, PGTYPESdate_dayofweek(date1));
  appendf(out, "Above date in format \"%s\" is \"%s\"\n", fmt, dbuf);
  PGTYPESchar_free(text);

  char buf[64];
  PGTYPEStimestamp_fmt_asc(&ts1, buf, 47, "Which is day number %j in %Y.");
  appendf(out, "%s\n", buf);

  defmt_date(out, 1, "yy/mm/dd", "In the year 1995, the month of December, it is the 25th day");
  defmt_date(out, 2, "mmmm. dd. yyyy", "12/25/95");
  defmt_date(out, 3, "yy/mm/dd", "95/12/25");
  defmt_date(out, 4, "yy/mm/dd", "1995, December 25th");
  defmt_date(out, 5, "dd-mm-yy", "This is 25th day of December, 1995");
  defmt_date(out, 6, "mmddyy", "Dec. 25th, 1995");
  defmt_date(out, 7, "mmm. dd. yyyy", "dec 25th 1995");
  defmt_date(out, 8, "mmm. dd. yyyy", "DEC-25-1995");
  defmt_date(out, 9, "mm yy   dd.", "12199525");
  defmt_date(out, 10, "yyyy fierj mm   dd.", "19951225");
  defmt_date(out, 12, "mm/dd/yy", "122595");

  PGTYPEStimestamp_current(&ts1);
  ts1 = PGTYPEStimestamp_from_asc(mut("96-02-29"), nullptr);
  put(out, "timestamp_to_asc1: %s\n", PGTYPEStimestamp_to_asc(ts1));
  ts1 = PGTYPEStimestamp_from_asc(mut("1994-02-11 3:10:35"), nullptr);
  put(out, "timestamp_to_asc2: %s\n", PGTYPEStimestamp_to_asc(ts1));
  ts1 = PGTYPEStimestamp_from_asc(mut("1994-02-11 26:10:35"), nullptr);
  print_errno(out);
  put(out, "timestamp_to_asc3: %s\n", PGTYPEStimestamp_to_asc(ts1));
  ts1 = PGTYPEStimestamp_from_asc(mut("AM95000062"), nullptr);
  print_errno(out);
  put(out, "timestamp_to_asc4: %s\n", PGTYPEStimestamp_to_asc(ts1));

  int i = PGTYPEStimestamp_fmt_asc(&ts1, buf, 31, "abc-%X-def-%x-ghi%%");
  appendf(out, "timestamp_fmt_asc: %d: %s\n", i, buf);

  defmt_ts(out, ts1, "This is a 4/12/80 3-39l12test", "This is a %m/%d/%y %H-%Ml%Stest", false);
  defmt_ts(out, ts1, "Tue Jul 22 17:28:44 +0200 2003", "%a %b %d %H:%M:%S %z %Y", false);
  defmt_ts(out, ts1, "Tue Feb 29 17:28:44 +0200 2000", "%a %b %d %H:%M:%S %z %Y", false);
  defmt_ts(out, ts1, "Tue Feb 29 17:28:44 +0200 1900", "%a %b %d %H:%M:%S %z %Y", true);
  defmt_ts(out, ts1, "Tue Feb 29 17:28:44 +0200 1996", "%a %b %d %H:%M:%S %z %Y", false);
  defmt_ts(out, ts1, "      Jul 31 17:28:44 +0200 1996", "%b %d %H:%M:%S %z %Y", false);
  defmt_ts(out, ts1, "      Jul 32 17:28:44 +0200 1996", "%b %d %H:%M:%S %z %Y", true);
  defmt_ts(out, ts1, "Tue Feb 29 17:28:44 +0200 1997", "%a %b %d %H:%M:%S %z %Y", true);
  defmt_ts(out, ts1, "Tue Jul 22 17:28:44 +0200 2003", "%", true);
  defmt_ts(out, ts1, "Tue Jul 22 17:28:44 +0200 2003", "a %", true);
  defmt_ts(out, ts1, "    Jul, 22 17_28 `44 +0200  2003  ", "%b, %d %H_%M`%S %z %Y", false);
  defmt_ts(out, ts1, "Tue Jul %22 17:28:44 CEST 2003", "%a %b %%%d %H:%M:%S %Z %Y", false);
  defmt_ts(out, ts1, "Tue Jul %22 17:28:44 CEST 2003", "%a %b %%%d %H:%M:%S %Z %Y", false);
  defmt_ts(out, ts1, "abc\n   19 October %22 17:28:44 CEST 2003", "abc%n %C %B %%%d %H:%M:%S %Z %Y",
           false);
  defmt_ts(out, ts1, "abc\n   18 October %34 17:28:44 CEST 80", "abc%n %C %B %%%d %H:%M:%S %Z %y",
           true);
  defmt_ts(out, ts1, "abc\n   18 October %34 17:28:44 CEST 80", "", true);
  defmt_ts(out, ts1, "1980-04-12 3:49:44      ", nullptr, false);
  defmt_ts(out, ts1, "July 14, 1988. Time: 9:15am", "%B %d, %Y. Time: %I:%M%p", false);
  defmt_ts(out, ts1, "September 6 at 01:30 pm in the year 1983", "%B %d at %I:%M %p in the year %Y",
           false);
  defmt_ts(out, ts1, "  1976, July 14. Time: 9:15am", "%Y,   %B %d. Time: %I:%M %p", false);
  defmt_ts(out, ts1, "  1976, July 14. Time: 9:15 am", "%Y,   %B %d. Time: %I:%M%p", false);
  defmt_ts(out, ts1, "  1976, P.M. July 14. Time: 9:15", "%Y, %P  %B %d. Time: %I:%M", false);
  defmt_ts(out, ts1, "1234567890", "%s", false);

  for (const char *in : {"Mon Dec 30 17:28:44 2019", "Mon December 30 17:28:44 2019"}) {
    const char *f = "%a %b %d %H:%M:%S %Y";
    PGTYPEStimestamp_defmt_asc(in, f, &ts1);
    i = PGTYPEStimestamp_fmt_asc(&ts1, buf, 63, f);
    appendf(out, "timestamp_defmt_asc(%s, %s) = %s, error: %d\n", in, f, buf, i);
  }
  return out;
}

const char *const kDates[] = {
    "19990108foobar", "19990108 foobar", "1999-01-08 foobar", "January 8, 1999", "1999-01-08",
    "1/8/1999", "1/18/1999", "01/02/03", "1999-Jan-08", "Jan-08-1999", "08-Jan-1999",
    "99-Jan-08", "08-Jan-99", "08-Jan-06", "Jan-08-99", "19990108", "990108", "1999.008",
    "J2451187", "January 8, 99 BC",
    "........................Xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ".........................aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
const char *const kTimes[] = {"0:04", "1:59 PDT", "13:24:40 -8:00", "13:24:40.495+3",
                              "13:24:40.123456123+3"};
const char *const kIntervals[] = {"1 minute", "1 12:59:10", "2 day 12 hour 59 minute 10 second",
                                  "1 days 12 hrs 59 mins 10 secs",
                                  "1 days 1 hours 1 minutes 1 seconds", "1 year 59 mins",
                                  "1 year 59 mins foobar"};

std::string dt_test2() {
  std::string out;
  timestamp ts1 = PGTYPEStimestamp_from_asc(mut("2003-12-04 17:34:29"), nullptr);
  put(out, "timestamp: %s\n", PGTYPEStimestamp_to_asc(ts1));
  date *dc = PGTYPESdate_new();
  *dc = PGTYPESdate_from_timestamp(ts1);
  put(out, "Date of timestamp: %s\n", PGTYPESdate_to_asc(*dc));
  PGTYPESdate_free(dc);

  int i = 0;
  for (const char *d : kDates) {
    char *endptr = nullptr;
    date date1 = PGTYPESdate_from_asc(mut(d), &endptr);
    bool err = date1 == INT_MIN;
    char *text = PGTYPESdate_to_asc(date1);
    appendf(out, "Date[%d]: %s (%c - %c)\n", i, err ? "-" : text, endptr ? 'N' : 'Y', err ? 'T' : 'F');
    PGTYPESchar_free(text);
    if (!err) {
      int j = 0;
      for (const char *t : kTimes) {
        std::string both = std::string(d) + " " + t;
        timestamp ts = PGTYPEStimestamp_from_asc(mut(both.c_str()), nullptr);
        char *tt = PGTYPEStimestamp_to_asc(ts);
        appendf(out, "TS[%d,%d]: %s\n", i, j++, errno ? "-" : tt);
        PGTYPESchar_free(tt);
      }
    }
    ++i;
  }

  ts1 = PGTYPEStimestamp_from_asc(mut("2004-04-04 23:23:23"), nullptr);
  i = 0;
  for (const char *iv : kIntervals) {
    char *endptr = nullptr;
    interval *i1 = PGTYPESinterval_from_asc(mut(iv), &endptr);
    if (*endptr) appendf(out, "endptr set to %s\n", endptr);
    if (!i1) {
      appendf(out, "Error parsing interval %d\n", i++);
      continue;
    }
    timestamp ts2 = 0;
    if (PGTYPEStimestamp_add_interval(&ts1, i1, &ts2) < 0) {
      ++i;
      continue;
    }
    put(out, (std::string("interval[") + std::to_string(i) + "]: %s\n").c_str(), PGTYPESinterval_to_asc(i1));
    interval *ic = PGTYPESinterval_new();
    PGTYPESinterval_copy(i1, ic);
    put(out, (std::string("interval_copy[") + std::to_string(i) + "]: %s\n").c_str(),
        PGTYPESinterval_to_asc(i1));
    PGTYPESinterval_free(ic);
    PGTYPESinterval_free(i1);
    ++i;
  }
  return out;
}

}  // namespace

const pgesql::transcripts::transcript pgesql::transcripts::datetime[2] = {{"dt_test", dt_test},
                                                                          {"dt_test2", dt_test2}};
