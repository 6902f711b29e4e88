// ECPG's native SQLDA (sqlda-native.h): results into a chain of one block per
// row that the program frees with free(), and sqlvar entries as parameters.
#pragma once

#include <vector>

#include "values/param_format.hpp"
#include "values/query_result.hpp"
#include "values/result_store.hpp"

struct sqlda_struct;

namespace pgesql::descriptors {

// Replaces *target (freeing the old chain) with one SQLDA per row of r, or,
// for a description without rows (describe = true), one SQLDA of metadata only.
bool store_native_sqlda(const values::store_options &opt, const values::query_result &r, bool describe,
                        sqlda_struct **target);

// The parameters USING DESCRIPTOR sqlda passes (sqlvar 0..sqln-1): each sqlvar's value, NULL where
// its indicator is negative.
bool native_sqlda_params(const values::store_options &opt, const sqlda_struct *sqlda,
                         std::vector<values::param_value> &params);

}  // namespace pgesql::descriptors
