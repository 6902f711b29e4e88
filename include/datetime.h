/*
 * datetime.h: Informix's names for timestamp and interval. Declared
 * unconditionally (ECPG's scanner rewrites them; a typedef works either way).
 */
#ifndef _ECPG_DATETIME_H
#define _ECPG_DATETIME_H

#include <ecpg_informix.h>

typedef timestamp dtime_t;
typedef interval intrvl_t;

#endif /* _ECPG_DATETIME_H */
