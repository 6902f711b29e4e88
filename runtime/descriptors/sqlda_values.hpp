// The part of an SQLDA block both layouts share (native sqlda_struct and
// Informix sqlda_compat): each column's host type, the value area after the
// header where one row's values are placed and converted, and sqlvar entries
// read back as parameters.
#pragma once

#include <cstdint>
#include <vector>

#include "values/param_format.hpp"
#include "values/query_result.hpp"
#include "values/result_store.hpp"

namespace pgesql::descriptors {

// ECPG's host type for a column type in an SQLDA (int8 as long on LP64, numeric as decimal for Informix).
int sqlda_column_type(std::uint32_t oid, bool informix);

long sqlda_align(long offset, long alignment);

// Where one row's values start and end when placed from `offset` (the header's end).
long sqlda_values_end(const values::store_options &opt, const values::query_result &r, std::size_t row, long offset);

struct sqlda_slot {
  char *data = nullptr;
  long length = 0;
  bool is_null = false;
};

// Places row's values in the block at `base` from `offset`, converted to each column's host type;
// one slot per column. With mark_nulls (Informix) a NULL value is also marked in its slot.
// `layout` names the layout in the debug log ("native" or "compat").
bool sqlda_place_values(const values::store_options &opt, const values::query_result &r, std::size_t row, char *base,
                        long offset, bool mark_nulls, const char *layout, std::vector<sqlda_slot> &slots);

// One sqlvar as a parameter: its value, NULL where its indicator is non-zero.
bool sqlda_param(const values::store_options &opt, int type, const char *data, const short *ind,
                 values::param_value &out);

}  // namespace pgesql::descriptors
