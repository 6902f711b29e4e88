/*
 * pgtypes.h: memory helper shared by the pgtypes headers (ECPG-compatible).
 *
 * Strings returned by PGTYPES*_to_asc are allocated by the library and must
 * be released with PGTYPESchar_free.
 */
#ifndef PGTYPES_H
#define PGTYPES_H

/* The runtime is built with hidden visibility; these entry points are public. */
#if defined(PGESQL_BUILDING_RUNTIME)
#define PGTYPES_API __attribute__((visibility("default")))
#else
#define PGTYPES_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

PGTYPES_API void PGTYPESchar_free(char *ptr);

#ifdef __cplusplus
}
#endif

#endif /* PGTYPES_H */
