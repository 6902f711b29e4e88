/* The public headers compile as C99 with warnings as errors, and describe
 * ECPG's sqlca layout and type codes on this ABI. */
#include <stddef.h>

#include "all_headers.h"

#define CHECK(cond)                                       \
  do {                                                    \
    if (!(cond)) {                                        \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                         \
    }                                                     \
  } while (0)

int main(void) {
  int failures = 0;
  /* LP64 offsets and sizes measured on ECPG 15's own headers */
  if (sizeof(long) == 8) {
    CHECK(offsetof(struct sqlca_t, sqlabc) == 8);
    CHECK(offsetof(struct sqlca_t, sqlcode) == 16);
    CHECK(offsetof(struct sqlca_t, sqlerrm) == 24);
    CHECK(offsetof(struct sqlca_t, sqlerrm.sqlerrmc) == 28);
    CHECK(offsetof(struct sqlca_t, sqlerrp) == 180);
    CHECK(offsetof(struct sqlca_t, sqlerrd) == 192);
    CHECK(offsetof(struct sqlca_t, sqlwarn) == 240);
    CHECK(offsetof(struct sqlca_t, sqlstate) == 248);
    CHECK(sizeof(struct sqlca_t) == 256);
    CHECK(sizeof(struct sqlvar_struct) == 96);
    CHECK(offsetof(struct sqlda_struct, sqlvar) == 32);
  }
  CHECK(ECPGt_bytea == 32 && (int)ECPGt_bytea == PGESQL_T_BYTEA);
  CHECK((int)ECPGt_sqlda == PGESQL_T_SQLDA && (int)ECPGt_interval == PGESQL_T_INTERVAL);
  CHECK(ECPGd_cardinality == 17 && (int)ECPGd_cardinality == PGESQL_D_CARDINALITY);
  CHECK(ECPG_OUT_OF_MEMORY == -12 && ECPG_MISSING_INDICATOR == -213);
  CHECK(ECPG_WARNING_PORTAL_EXISTS == -605 && ECPG_INFORMIX_SUBSELECT_NOT_ONE == -284);
  CHECK(SQL3_CHARACTER_VARYING == 12 && SQL3_abstract == 17 && SQL3_DDT_ILLEGAL == 6);
  CHECK(ECPG_TRANS_UNKNOWN == 4 && SQLINT8 == ECPGt_long);
  return failures != 0;
}
