// Informix's datetime and interval functions (dtcurrent, dtcvasc, dttoasc,
// intoasc, ...) over the pgtypes timestamp and interval libraries.
#include <cerrno>
#include <cstring>

#include "ecpg_informix.h"
#include "pgesql/pgesql.h"

extern "C" {

PGESQL_API void dtcurrent(timestamp *ts) { PGTYPEStimestamp_current(ts); }

PGESQL_API int dtcvasc(char *str, timestamp *ts) {
  char *end = str;
  errno = 0;
  timestamp value = PGTYPEStimestamp_from_asc(str, &end);
  // a parse failure reports the pgtypes errno itself, as ECPG does
  if (errno != 0) return errno;
  if (*end != '\0') return ECPG_INFORMIX_EXTRA_CHARS;
  *ts = value;
  return 0;
}

PGESQL_API int dtcvfmtasc(char *inbuf, char *fmtstr, timestamp *dtvalue) {
  return PGTYPEStimestamp_defmt_asc(inbuf, fmtstr, dtvalue);
}

PGESQL_API int dtsub(timestamp *ts1, timestamp *ts2, interval *iv) { return PGTYPEStimestamp_sub(ts1, ts2, iv); }

PGESQL_API int dttoasc(timestamp *ts, char *output) {
  errno = 0;
  char *text = PGTYPEStimestamp_to_asc(*ts);
  if (text == nullptr) return errno != 0 ? -errno : -1;
  std::strcpy(output, text);
  PGTYPESchar_free(text);
  return 0;
}

PGESQL_API int dttofmtasc(timestamp *ts, char *output, int str_len, char *fmtstr) {
  return PGTYPEStimestamp_fmt_asc(ts, output, str_len, fmtstr);
}

PGESQL_API int intoasc(interval *i, char *str) {
  errno = 0;
  char *text = PGTYPESinterval_to_asc(i);
  if (text == nullptr) return -errno;
  std::strcpy(str, text);
  PGTYPESchar_free(text);
  return 0;
}

}  // extern "C"
