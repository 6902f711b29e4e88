/*
 * sqlca.h: the SQL communication area, laid out exactly as ECPG's so that
 * programs written for ECPG read the same fields at the same offsets.
 *
 * Each thread has its own sqlca_t; `sqlca` names the calling thread's one.
 */
#ifndef POSTGRES_SQLCA_H
#define POSTGRES_SQLCA_H

#define SQLERRMC_LEN 150

#ifdef __cplusplus
extern "C" {
#endif

struct sqlca_t {
  char sqlcaid[8];  /* "SQLCA   " */
  long sqlabc;      /* sizeof(struct sqlca_t) */
  long sqlcode;     /* 0 ok, 100 not found, < 0 error (ecpgerrno.h) */
  struct {
    int sqlerrml;                 /* length of sqlerrmc */
    char sqlerrmc[SQLERRMC_LEN];  /* the message, NUL-terminated */
  } sqlerrm;
  char sqlerrp[8];  /* "NOT SET " */
  long sqlerrd[6];  /* [1] OID of an inserted row, [2] rows processed */
  char sqlwarn[8];  /* [0] any warning, [1] string truncated, [2] notice: 'W' or ' ' */
  char sqlstate[5]; /* SQLSTATE, not NUL-terminated */
};

/* The calling thread's sqlca (allocated on first use, freed at thread exit). */
struct sqlca_t *ECPGget_sqlca(void);

#ifndef POSTGRES_ECPG_INTERNAL
#define sqlca (*ECPGget_sqlca())
#endif

#ifdef __cplusplus
}
#endif

#endif /* POSTGRES_SQLCA_H */
