/*
 * pgtypes_numeric.h: exact decimal numbers (ECPG-compatible layout and API).
 *
 * A value is a sign, a run of decimal digits (one digit 0-9 per byte) and the
 * weight of the first digit (power of ten); dscale is the number of digits
 * shown after the decimal point, rscale the number the value carries.
 */
#ifndef PGTYPES_NUMERIC
#define PGTYPES_NUMERIC

#include <pgtypes.h>

#define NUMERIC_POS 0x0000
#define NUMERIC_NEG 0x4000
#define NUMERIC_NAN 0xC000
#define NUMERIC_NULL 0xF000
/* pgesql extension: the server's numeric infinities (PostgreSQL 14+), which
   ECPG rejects as bad numerics. */
#define NUMERIC_PINF 0xD000
#define NUMERIC_NINF 0xE000
#define NUMERIC_MAX_PRECISION 1000
#define NUMERIC_MAX_DISPLAY_SCALE NUMERIC_MAX_PRECISION
#define NUMERIC_MIN_DISPLAY_SCALE 0
#define NUMERIC_MIN_SIG_DIGITS 16

#define DECSIZE 30

typedef unsigned char NumericDigit;

typedef struct {
  int ndigits;          /* digits in digits[]; may be 0 */
  int weight;           /* power of ten of digits[0] */
  int rscale;           /* result scale */
  int dscale;           /* display scale */
  int sign;             /* NUMERIC_POS, NUMERIC_NEG or NUMERIC_NAN */
  NumericDigit *buf;    /* allocation holding digits */
  NumericDigit *digits; /* decimal digits, most significant first */
} numeric;

typedef struct {
  int ndigits;
  int weight;
  int rscale;
  int dscale;
  int sign;
  NumericDigit digits[DECSIZE];
} decimal;

#ifdef __cplusplus
extern "C" {
#endif

PGTYPES_API numeric *PGTYPESnumeric_new(void);
PGTYPES_API decimal *PGTYPESdecimal_new(void);
PGTYPES_API void PGTYPESnumeric_free(numeric *var);
PGTYPES_API void PGTYPESdecimal_free(decimal *var);
PGTYPES_API numeric *PGTYPESnumeric_from_asc(char *str, char **endptr);
PGTYPES_API char *PGTYPESnumeric_to_asc(numeric *num, int dscale);
PGTYPES_API int PGTYPESnumeric_add(numeric *var1, numeric *var2, numeric *result);
PGTYPES_API int PGTYPESnumeric_sub(numeric *var1, numeric *var2, numeric *result);
PGTYPES_API int PGTYPESnumeric_mul(numeric *var1, numeric *var2, numeric *result);
PGTYPES_API int PGTYPESnumeric_div(numeric *var1, numeric *var2, numeric *result);
PGTYPES_API int PGTYPESnumeric_cmp(numeric *var1, numeric *var2);
PGTYPES_API int PGTYPESnumeric_from_int(signed int int_val, numeric *var);
PGTYPES_API int PGTYPESnumeric_from_long(signed long int long_val, numeric *var);
PGTYPES_API int PGTYPESnumeric_copy(numeric *src, numeric *dst);
PGTYPES_API int PGTYPESnumeric_from_double(double d, numeric *dst);
PGTYPES_API int PGTYPESnumeric_to_double(numeric *nv, double *dp);
PGTYPES_API int PGTYPESnumeric_to_int(numeric *nv, int *ip);
PGTYPES_API int PGTYPESnumeric_to_long(numeric *nv, long *lp);
PGTYPES_API int PGTYPESnumeric_to_decimal(numeric *src, decimal *dst);
PGTYPES_API int PGTYPESnumeric_from_decimal(decimal *src, numeric *dst);

#ifdef __cplusplus
}
#endif

#endif /* PGTYPES_NUMERIC */
