// The library's version, so a program can tell which runtime it loaded.
#include "pgesql/pgesql.h"

extern "C" const char *pgesql_version(void) { return PGESQL_VERSION_STRING; }
