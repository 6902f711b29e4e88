/*
 * ecpgerrno.h: the sqlca.sqlcode values the runtime reports, with ECPG's
 * numbers so that programs testing them behave the same.
 */
#ifndef _ECPG_ERRNO_H
#define _ECPG_ERRNO_H

#include <errno.h>

#define ECPG_NO_ERROR 0
#define ECPG_NOT_FOUND 100

/* operating system errors, negated */
#define ECPG_OUT_OF_MEMORY (-ENOMEM)

/* errors found by the runtime itself */
#define ECPG_UNSUPPORTED (-200)
#define ECPG_TOO_MANY_ARGUMENTS (-201)
#define ECPG_TOO_FEW_ARGUMENTS (-202)
#define ECPG_TOO_MANY_MATCHES (-203)
#define ECPG_INT_FORMAT (-204)
#define ECPG_UINT_FORMAT (-205)
#define ECPG_FLOAT_FORMAT (-206)
#define ECPG_NUMERIC_FORMAT (-207)
#define ECPG_INTERVAL_FORMAT (-208)
#define ECPG_DATE_FORMAT (-209)
#define ECPG_TIMESTAMP_FORMAT (-210)
#define ECPG_CONVERT_BOOL (-211)
#define ECPG_EMPTY (-212)
#define ECPG_MISSING_INDICATOR (-213)
#define ECPG_NO_ARRAY (-214)
#define ECPG_DATA_NOT_ARRAY (-215)
#define ECPG_ARRAY_INSERT (-216)
#define ECPG_NO_CONN (-220)
#define ECPG_NOT_CONN (-221)
#define ECPG_INVALID_STMT (-230)

/* dynamic SQL */
#define ECPG_UNKNOWN_DESCRIPTOR (-240)
#define ECPG_INVALID_DESCRIPTOR_INDEX (-241)
#define ECPG_UNKNOWN_DESCRIPTOR_ITEM (-242)
#define ECPG_VAR_NOT_NUMERIC (-243)
#define ECPG_VAR_NOT_CHAR (-244)

/* errors reported by the server */
#define ECPG_PGSQL (-400)
#define ECPG_TRANS (-401)
#define ECPG_CONNECT (-402)
#define ECPG_DUPLICATE_KEY (-403)
#define ECPG_SUBSELECT_NOT_ONE (-404)

/* the same two server errors as Informix numbers them (-C INFORMIX) */
#define ECPG_INFORMIX_DUPLICATE_KEY (-239)
#define ECPG_INFORMIX_SUBSELECT_NOT_ONE (-284)

/* server warnings */
#define ECPG_WARNING_UNRECOGNIZED (-600)
#define ECPG_WARNING_QUERY_IGNORED (-601)
#define ECPG_WARNING_UNKNOWN_PORTAL (-602)
#define ECPG_WARNING_IN_TRANSACTION (-603)
#define ECPG_WARNING_NO_TRANSACTION (-604)
#define ECPG_WARNING_PORTAL_EXISTS (-605)

#endif /* _ECPG_ERRNO_H */
