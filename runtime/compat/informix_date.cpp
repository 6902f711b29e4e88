// Informix's date functions (rdatestr, rdefmtdate, rfmtdate, ...) over the
// pgtypes date library, with Informix's error codes.
#include <cerrno>
#include <cstring>

#include "ecpg_informix.h"
#include "pgesql/pgesql.h"
#include "pgtypes_error.h"

extern "C" {

PGESQL_API int rdatestr(date d, char *str) {
  char *text = PGTYPESdate_to_asc(d);
  if (text == nullptr) return ECPG_INFORMIX_DATE_CONVERT;
  std::strcpy(str, text);
  PGTYPESchar_free(text);
  return 0;
}

PGESQL_API int rdefmtdate(date *d, const char *fmt, const char *str) {
  errno = 0;
  if (PGTYPESdate_defmt_asc(d, fmt, str) == 0) return 0;
  switch (errno) {
    case PGTYPES_DATE_ERR_ENOSHORTDATE: return ECPG_INFORMIX_ENOSHORTDATE;
    case PGTYPES_DATE_ERR_EARGS:
    case PGTYPES_DATE_ERR_ENOTDMY: return ECPG_INFORMIX_ENOTDMY;
    case PGTYPES_DATE_BAD_DAY: return ECPG_INFORMIX_BAD_DAY;
    case PGTYPES_DATE_BAD_MONTH: return ECPG_INFORMIX_BAD_MONTH;
    default: return ECPG_INFORMIX_BAD_YEAR;
  }
}

// Informix's rstrdate reads month, day and year in that order, any
// non-digit separating them.
PGESQL_API int rstrdate(const char *str, date *d) { return rdefmtdate(d, "mm/dd/yyyy", str); }

PGESQL_API int rfmtdate(date d, const char *fmt, char *str) {
  errno = 0;
  if (PGTYPESdate_fmt_asc(d, fmt, str) == 0) return 0;
  return errno == ENOMEM ? ECPG_INFORMIX_OUT_OF_MEMORY : ECPG_INFORMIX_DATE_CONVERT;
}

PGESQL_API void rtoday(date *d) { PGTYPESdate_today(d); }

PGESQL_API int rjulmdy(date d, short *mdy) {
  int parts[3];
  PGTYPESdate_julmdy(d, parts);
  for (int i = 0; i < 3; ++i) mdy[i] = static_cast<short>(parts[i]);
  return 0;
}

PGESQL_API int rmdyjul(short *mdy, date *d) {
  int parts[3] = {mdy[0], mdy[1], mdy[2]};
  PGTYPESdate_mdyjul(parts, d);
  return 0;
}

PGESQL_API int rdayofweek(date d) { return PGTYPESdate_dayofweek(d); }

PGESQL_API int rleapyear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 1 : 0;
}

}  // extern "C"
