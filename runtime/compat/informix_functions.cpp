// Informix compatibility functions that need no pgtypes values (-C INFORMIX
// programs call them directly): blank-trimmed lengths, upshifting, NULL
// markers, numbered variables. The type-size queries answer 0, as ECPG's do.
#include <cctype>
#include <cstring>

#include "diag/sqlca.hpp"
#include "ecpglib.h"
#include "pgesql/pgesql.h"

#include "ecpg_informix.h"  // checks the definitions below against the public prototypes

extern "C" {

PGESQL_API int byleng(char *str, int len) {
  // the length without trailing blanks (a NUL counts as a character, as in Informix)
  for (--len; len >= 0 && str[len] == ' '; --len) {
  }
  return len + 1;
}

PGESQL_API void ldchar(char *src, int len, char *dest) {
  int n = byleng(src, len);
  std::memmove(dest, src, static_cast<std::size_t>(n));
  dest[n] = '\0';
}

PGESQL_API void rupshift(char *str) {
  for (; *str != '\0'; ++str) *str = static_cast<char>(std::toupper(static_cast<unsigned char>(*str)));
}

PGESQL_API int risnull(int t, const char *ptr) { return ECPGis_noind_null(static_cast<ECPGttype>(t), ptr); }

PGESQL_API int rsetnull(int t, char *ptr) {
  ECPGset_noind_null(static_cast<ECPGttype>(t), ptr);
  return 0;
}

PGESQL_API int rtypalign(int, int) { return 0; }
PGESQL_API int rtypmsize(int, int) { return 0; }
PGESQL_API int rtypwidth(int, int) { return 0; }
PGESQL_API int rgetmsg(int, char *, int) { return 0; }

PGESQL_API void ECPG_informix_set_var(int number, void *pointer, int lineno) { ECPGset_var(number, pointer, lineno); }
PGESQL_API void *ECPG_informix_get_var(int number) { return ECPGget_var(number); }
PGESQL_API void ECPG_informix_reset_sqlca(void) { pgesql::diag::reset_sqlca(); }

}  // extern "C"
