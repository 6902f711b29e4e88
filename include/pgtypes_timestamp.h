/* pgtypes_timestamp.h: microseconds since 2000-01-01 00:00 (ECPG-compatible API). */
#ifndef PGTYPES_TIMESTAMP
#define PGTYPES_TIMESTAMP

#include <pgtypes.h>
#include <pgtypes_interval.h>

typedef int64 timestamp;
typedef int64 TimestampTz;

#ifdef __cplusplus
extern "C" {
#endif

PGTYPES_API timestamp PGTYPEStimestamp_from_asc(char *str, char **endptr);
PGTYPES_API char *PGTYPEStimestamp_to_asc(timestamp tstamp);
PGTYPES_API int PGTYPEStimestamp_sub(timestamp *ts1, timestamp *ts2, interval *iv);
PGTYPES_API int PGTYPEStimestamp_fmt_asc(timestamp *ts, char *output, int str_len,
                                         const char *fmtstr);
PGTYPES_API void PGTYPEStimestamp_current(timestamp *ts);
PGTYPES_API int PGTYPEStimestamp_defmt_asc(const char *str, const char *fmt, timestamp *d);
PGTYPES_API int PGTYPEStimestamp_add_interval(timestamp *tin, interval *span, timestamp *tout);
PGTYPES_API int PGTYPEStimestamp_sub_interval(timestamp *tin, interval *span, timestamp *tout);

#ifdef __cplusplus
}
#endif

#endif /* PGTYPES_TIMESTAMP */
