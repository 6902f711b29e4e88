/* pgtypes_date.h: days since 2000-01-01 (ECPG-compatible API). */
#ifndef PGTYPES_DATETIME
#define PGTYPES_DATETIME

#include <pgtypes.h>
#include <pgtypes_timestamp.h>

typedef long date;

#ifdef __cplusplus
extern "C" {
#endif

PGTYPES_API date *PGTYPESdate_new(void);
PGTYPES_API void PGTYPESdate_free(date *d);
PGTYPES_API date PGTYPESdate_from_asc(char *str, char **endptr);
PGTYPES_API char *PGTYPESdate_to_asc(date dDate);
PGTYPES_API date PGTYPESdate_from_timestamp(timestamp dt);
PGTYPES_API void PGTYPESdate_julmdy(date jd, int *mdy);
PGTYPES_API void PGTYPESdate_mdyjul(int *mdy, date *jdate);
PGTYPES_API int PGTYPESdate_dayofweek(date dDate);
PGTYPES_API void PGTYPESdate_today(date *d);
PGTYPES_API int PGTYPESdate_defmt_asc(date *d, const char *fmt, const char *str);
PGTYPES_API int PGTYPESdate_fmt_asc(date dDate, const char *fmtstring, char *outbuf);

#ifdef __cplusplus
}
#endif

#endif /* PGTYPES_DATETIME */
