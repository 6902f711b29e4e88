#include "exec/param_rows.hpp"

namespace pgesql::exec {

std::vector<param_value> param_rows::row_values(std::size_t row) const {
  std::vector<param_value> out(per_row_);
  for (std::size_t col = 0; col < per_row_; ++col) {
    const value v = at(row, col);
    out[col].is_null = v.is_null;
    out[col].binary = v.binary;
    out[col].data.assign(v.data);
  }
  return out;
}

}  // namespace pgesql::exec
