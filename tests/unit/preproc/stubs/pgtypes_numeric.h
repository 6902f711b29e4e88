#ifndef PGESQL_TEST_STUB_PGTYPES_NUMERIC_H
#define PGESQL_TEST_STUB_PGTYPES_NUMERIC_H
typedef unsigned char NumericDigit;
typedef struct { int ndigits, weight, rscale, dscale, sign; NumericDigit *buf, *digits; } numeric;
typedef struct { int ndigits, weight, rscale, dscale, sign; NumericDigit digits[30]; } decimal;
#endif
