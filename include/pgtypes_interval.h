/* pgtypes_interval.h: time spans (ECPG-compatible layout and API). */
#ifndef PGTYPES_INTERVAL
#define PGTYPES_INTERVAL

#include <stdint.h>

#include <pgtypes.h>

#ifndef C_H
typedef int64_t int64;
#define HAVE_INT64_TIMESTAMP
#endif

typedef struct {
  int64 time; /* microseconds: every unit below a month */
  long month; /* months and years */
} interval;

#ifdef __cplusplus
extern "C" {
#endif

PGTYPES_API interval *PGTYPESinterval_new(void);
PGTYPES_API void PGTYPESinterval_free(interval *intvl);
PGTYPES_API interval *PGTYPESinterval_from_asc(char *str, char **endptr);
PGTYPES_API char *PGTYPESinterval_to_asc(interval *span);
PGTYPES_API int PGTYPESinterval_copy(interval *intvlsrc, interval *intvldest);

#ifdef __cplusplus
}
#endif

#endif /* PGTYPES_INTERVAL */
