/*
 * ecpg_informix.h: Informix compatibility functions (-C INFORMIX), with
 * ECPG's names, signatures and error codes. The date, decimal and datetime
 * functions are thin layers over the pgtypes library.
 */
#ifndef _ECPG_INFORMIX_H
#define _ECPG_INFORMIX_H

#include <ecpglib.h>
#include <pgtypes_date.h>
#include <pgtypes_interval.h>
#include <pgtypes_numeric.h>
#include <pgtypes_timestamp.h>

#define SQLNOTFOUND 100

#define ECPG_INFORMIX_NUM_OVERFLOW (-1200)
#define ECPG_INFORMIX_NUM_UNDERFLOW (-1201)
#define ECPG_INFORMIX_DIVIDE_ZERO (-1202)
#define ECPG_INFORMIX_BAD_YEAR (-1204)
#define ECPG_INFORMIX_BAD_MONTH (-1205)
#define ECPG_INFORMIX_BAD_DAY (-1206)
#define ECPG_INFORMIX_ENOSHORTDATE (-1209)
#define ECPG_INFORMIX_DATE_CONVERT (-1210)
#define ECPG_INFORMIX_OUT_OF_MEMORY (-1211)
#define ECPG_INFORMIX_ENOTDMY (-1212)
#define ECPG_INFORMIX_BAD_NUMERIC (-1213)
#define ECPG_INFORMIX_BAD_EXPONENT (-1216)
#define ECPG_INFORMIX_BAD_DATE (-1218)
#define ECPG_INFORMIX_EXTRA_CHARS (-1264)

#ifdef __cplusplus
extern "C" {
#endif

/* dates */
int rdatestr(date d, char *str);
void rtoday(date *d);
int rjulmdy(date d, short *mdy);
int rdefmtdate(date *d, const char *fmt, const char *str);
int rfmtdate(date d, const char *fmt, char *str);
int rmdyjul(short *mdy, date *d);
int rstrdate(const char *str, date *d);
int rdayofweek(date d);
/* pgesql extension (Informix has it, ECPG does not): 1 for a leap year, else 0 */
int rleapyear(int year);

/* values and strings */
int rfmtlong(long lng_val, const char *fmt, char *outbuf);
int rgetmsg(int msgnum, char *s, int maxsize);
int risnull(int t, const char *ptr);
int rsetnull(int t, char *ptr);
int rtypalign(int offset, int type);
int rtypmsize(int type, int len);
int rtypwidth(int sqltype, int sqllen);
void rupshift(char *str);
int byleng(char *str, int len);
void ldchar(char *src, int len, char *dest);

/* runtime support for code preprocessed with -C INFORMIX */
void ECPG_informix_set_var(int number, void *pointer, int lineno);
void *ECPG_informix_get_var(int number);
void ECPG_informix_reset_sqlca(void);

/* decimals (Informix's decimal.h) */
int decadd(decimal *arg1, decimal *arg2, decimal *sum);
int deccmp(decimal *arg1, decimal *arg2);
void deccopy(decimal *src, decimal *target);
int deccvasc(const char *cp, int len, decimal *np);
int deccvdbl(double dbl, decimal *np);
int deccvint(int in, decimal *np);
int deccvlong(long lng, decimal *np);
int decdiv(decimal *n1, decimal *n2, decimal *result);
int decmul(decimal *n1, decimal *n2, decimal *result);
int decsub(decimal *n1, decimal *n2, decimal *result);
int dectoasc(decimal *np, char *cp, int len, int right);
int dectodbl(decimal *np, double *dblp);
int dectoint(decimal *np, int *ip);
int dectolong(decimal *np, long *lngp);

/* timestamps and intervals (Informix's datetime.h) */
void dtcurrent(timestamp *ts);
int dtcvasc(char *str, timestamp *ts);
int dtsub(timestamp *ts1, timestamp *ts2, interval *iv);
int dttoasc(timestamp *ts, char *output);
int dttofmtasc(timestamp *ts, char *output, int str_len, char *fmtstr);
int intoasc(interval *i, char *str);
int dtcvfmtasc(char *inbuf, char *fmtstr, timestamp *dtvalue);

#ifdef __cplusplus
}
#endif

#endif /* _ECPG_INFORMIX_H */
