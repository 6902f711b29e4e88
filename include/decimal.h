/*
 * decimal.h: Informix's name for the decimal type. Declared unconditionally
 * (ECPG's scanner rewrites dec_t itself; a typedef works with or without that).
 */
#ifndef _ECPG_DECIMAL_H
#define _ECPG_DECIMAL_H

#include <ecpg_informix.h>

typedef decimal dec_t;

#endif /* _ECPG_DECIMAL_H */
