// The public headers compile as C++17 with warnings as errors; the names a
// program uses resolve as they would with ECPG.
#include <stdexcept>
#include <string>
#include <type_traits>

#include "all_headers.h"
#include "pgesql/pgesql.hpp"  // C++ only: host-type adapters and sql_error

static_assert(std::is_same_v<decltype(ECPGget_sqlca()), sqlca_t *>);
static_assert(sizeof(sqlca_t::sqlerrm.sqlerrmc) == SQLERRMC_LEN);
static_assert(sizeof(sqlca_t::sqlstate) == 5);
static_assert(int{ECPGt_char} == PGESQL_T_CHAR && int{ECPGt_EORT} == PGESQL_T_EORT);
static_assert(int{ECPGd_count} == PGESQL_D_COUNT && int{ECPGd_EODT} == PGESQL_D_EODT);
static_assert(IS_SIMPLE_TYPE(ECPGt_bytea) && !IS_SIMPLE_TYPE(ECPGt_struct));
static_assert(std::is_same_v<decltype(ECPGstatus(0, nullptr)), bool>);
static_assert(static_cast<int>(ECPG_TRANS_INERROR) == 3);
static_assert(std::is_base_of_v<std::runtime_error, pgesql::sql_error>);
static_assert(pgesql::host::adapter<std::string>::table.type == PGESQL_T_CHAR);
static_assert(pgesql::host::adapter<std::optional<int>>::table.nullable == 1);

int main() {
  sqlda_t *d = nullptr;
  sqlvar_t *v = nullptr;
  return (d == nullptr && v == nullptr && ECPG_NOT_FOUND == 100) ? 0 : 1;
}
