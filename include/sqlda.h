/*
 * sqlda.h: the SQL descriptor area. Informix mode (ecpg_informix.h included
 * first, as code preprocessed with -C INFORMIX does) gets Informix's layout.
 */
#ifndef ECPG_SQLDA_H
#define ECPG_SQLDA_H

#ifdef _ECPG_INFORMIX_H
#include "sqlda-compat.h"
typedef struct sqlvar_compat sqlvar_t;
typedef struct sqlda_compat sqlda_t;
#else
#include "sqlda-native.h"
typedef struct sqlvar_struct sqlvar_t;
typedef struct sqlda_struct sqlda_t;
#endif

#endif /* ECPG_SQLDA_H */
