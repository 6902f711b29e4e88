// The Informix SQLDA (sqlda-compat.h, -C INFORMIX): as the native one, a chain
// of one block per row that the program frees with free(), but with sqlvar a
// pointer to an array inside the block and column names as C strings there.
#pragma once

#include <vector>

#include "values/param_format.hpp"
#include "values/query_result.hpp"
#include "values/result_store.hpp"

struct sqlda_compat;

namespace pgesql::descriptors {

// Replaces *target (freeing the old chain) with one SQLDA per row of r, or,
// for a description without rows (describe = true), one SQLDA of metadata only.
bool store_compat_sqlda(const values::store_options &opt, const values::query_result &r, bool describe,
                        sqlda_compat **target);

// The parameters USING DESCRIPTOR sqlda passes in Informix mode: sqlvar 0..sqld-1.
bool compat_sqlda_params(const values::store_options &opt, const sqlda_compat *sqlda,
                         std::vector<values::param_value> &params);

}  // namespace pgesql::descriptors
