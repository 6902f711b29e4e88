#include "descriptors/descriptor_store.hpp"

#include <memory>
#include <vector>

#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "sql3types.h"

namespace pgesql::descriptors {
namespace {

// Descriptors belong to the thread that allocated them, as ECPG's do.
std::map<std::string, sql_descriptor, std::less<>> &thread_descriptors() {
  thread_local std::map<std::string, sql_descriptor, std::less<>> descriptors;
  return descriptors;
}

}  // namespace

sql_descriptor *find_descriptor(std::string_view name) {
  auto &all = thread_descriptors();
  auto it = all.find(name);
  return it == all.end() ? nullptr : &it->second;
}

sql_descriptor &allocate_descriptor(std::string_view name) {
  auto &d = thread_descriptors()[std::string(name)];
  d = sql_descriptor{};
  return d;
}

bool deallocate_descriptor(std::string_view name) {
  auto &all = thread_descriptors();
  auto it = all.find(name);
  if (it == all.end()) return false;
  all.erase(it);
  return true;
}

sql_descriptor *require_descriptor(std::string_view name, int line) {
  sql_descriptor *d = find_descriptor(name);
  if (d == nullptr)
    diag::raise_error(line, ECPG_UNKNOWN_DESCRIPTOR, diag::sqlstate::invalid_descriptor_name,
                      std::string(name).c_str());
  return d;
}

std::vector<values::param_value> descriptor_params(const sql_descriptor &d) {
  std::vector<values::param_value> params;
  for (int n = 1; n <= d.count; ++n) {
    values::param_value p;
    p.is_null = true;
    if (auto it = d.inputs.find(n); it != d.inputs.end() && it->second.data && it->second.indicator >= 0)
      p = *it->second.data;
    params.push_back(std::move(p));
  }
  return params;
}

int sql3_type(std::uint32_t oid) {
  switch (oid) {
    case 16: return SQL3_BOOLEAN;
    case 21: return SQL3_SMALLINT;
    case 23: return SQL3_INTEGER;
    case 25: case 1042: return SQL3_CHARACTER;
    case 700: return SQL3_REAL;
    case 701: return SQL3_DOUBLE_PRECISION;
    case 1043: return SQL3_CHARACTER_VARYING;
    case 1082: case 1083: case 1114: return SQL3_DATE_TIME_TIMESTAMP;
    case 1700: return SQL3_NUMERIC;
    default: return 0;
  }
}

}  // namespace pgesql::descriptors
