/* Every function ecpglib.h declares links against libpgesql: a program that
 * calls ECPG's entry points by hand (ECPGprepared_statement, ECPGtrans, ...)
 * builds, and a function declared but not provided is a link error here.
 * Without a connection they fail as ECPG's do; ECPGget_PGconn has no libpq
 * connection to return. */
#include <stdio.h>

#include <ecpglib.h>
#include <ecpgerrno.h>

typedef void (*any_function)(void);

int main(void) {
  int failures = 0;
  const any_function declared[] = {
      (any_function) ECPGdebug, (any_function) ECPGstatus, (any_function) ECPGtransactionStatus,
      (any_function) sqlprint, (any_function) ECPGset_noind_null, (any_function) ECPGis_noind_null,
      (any_function) ECPGset_var, (any_function) ECPGget_var, (any_function) ECPGfree_auto_mem,
      (any_function) ecpg_pthreads_init, (any_function) ECPGconnect, (any_function) ECPGdisconnect,
      (any_function) ECPGsetconn, (any_function) ECPGsetcommit, (any_function) ECPGtrans,
      (any_function) ECPGprepare, (any_function) ECPGdeallocate, (any_function) ECPGdeallocate_all,
      (any_function) ECPGprepared_statement, (any_function) ECPGallocate_desc,
      (any_function) ECPGdeallocate_desc, (any_function) ECPGget_desc_header,
      (any_function) ECPGset_desc_header, (any_function) ECPGdo_descriptor, (any_function) ECPGget_PGconn,
      (any_function) ECPGget_sqlca, (any_function) ECPGdo, (any_function) ECPGget_desc,
      (any_function) ECPGset_desc, (any_function) ECPGdescribe};
  size_t i;
  int count = -1;
  for (i = 0; i < sizeof declared / sizeof declared[0]; ++i)
    if (declared[i] == NULL) ++failures;
  if (ECPGget_PGconn(NULL) != NULL || sqlca.sqlcode != ECPG_UNSUPPORTED) {
    fprintf(stderr, "ECPGget_PGconn: expected NULL and sqlcode %d, got sqlcode %ld\n", ECPG_UNSUPPORTED,
            (long) sqlca.sqlcode);
    ++failures;
  }
  if (ECPGprepared_statement(NULL, "nothing", 1) != NULL) ++failures;
  /* ECPGdo as ecpg-generated code calls it, without a connection: ECPG's -220 */
  if (ECPGdo(6, 0, 1, NULL, 0, ECPGst_normal, "select $1", ECPGt_int, &count, 1L, 1L, (long) sizeof(int),
             ECPGt_NO_INDICATOR, NULL, 0L, 0L, 0L, ECPGt_EOIT, ECPGt_EORT) ||
      sqlca.sqlcode != ECPG_NO_CONN) {
    fprintf(stderr, "ECPGdo without a connection: sqlcode %ld\n", (long) sqlca.sqlcode);
    ++failures;
  }
  if (ECPGtrans(7, NULL, "commit") || sqlca.sqlcode != ECPG_NO_CONN) {
    fprintf(stderr, "ECPGtrans without a connection: sqlcode %ld\n", (long) sqlca.sqlcode);
    ++failures;
  }
  /* as ECPG's: a new descriptor holds an empty result (0 columns) */
  if (!ECPGallocate_desc(8, "d") || !ECPGget_desc_header(9, "d", &count) || count != 0 || sqlca.sqlcode != 0 ||
      !ECPGset_desc_header(10, "d", 2) || !ECPGdeallocate_desc(12, "d") || ECPGdeallocate_desc(13, "d") ||
      sqlca.sqlcode != ECPG_UNKNOWN_DESCRIPTOR) {
    fprintf(stderr, "descriptor calls: sqlcode %ld, count %d\n", (long) sqlca.sqlcode, count);
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}
