/* Every ECPG-compatible public header, included by a C99 and a C++17 test. */
#include <ecpg_config.h>
#include <ecpgerrno.h>
#include <ecpglib.h>
#include <ecpgtype.h>
#include <pgesql/pgesql.h>
#include <sql3types.h>
#include <sqlca.h>
#include <sqlda.h>
#include <sqltypes.h>
#include <datetime.h>
#include <decimal.h>
#include <ecpg_informix.h>
