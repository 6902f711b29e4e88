/*
 * ecpg_config.h: build facts ECPG programs may test. pgesql's runtime is
 * always thread-safe; the integer facts describe the compiler in use.
 */
#ifndef PGESQL_ECPG_CONFIG_H
#define PGESQL_ECPG_CONFIG_H

#include <limits.h>

#define ENABLE_THREAD_SAFETY 1
#define PG_USE_STDBOOL 1
#define HAVE_LONG_LONG_INT 1

#if LONG_MAX == 9223372036854775807L
#define HAVE_LONG_INT_64 1
#define SIZEOF_LONG 8
#else
#define HAVE_LONG_LONG_INT_64 1
#define SIZEOF_LONG 4
#endif
#define SIZEOF_LONG_LONG 8

#endif /* PGESQL_ECPG_CONFIG_H */
