#include "descriptors/descriptor_store.hpp"

#include <memory>
#include <vector>

#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "sql3types.h"
#include "values/type_oids.hpp"

namespace pgesql::descriptors {
namespace {

namespace oid_of = values::type_oid;

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
    case oid_of::bool_: return SQL3_BOOLEAN;
    case oid_of::int2: return SQL3_SMALLINT;
    case oid_of::int4: return SQL3_INTEGER;
    case oid_of::text: case oid_of::bpchar: return SQL3_CHARACTER;
    case oid_of::float4: return SQL3_REAL;
    case oid_of::float8: return SQL3_DOUBLE_PRECISION;
    case oid_of::varchar: return SQL3_CHARACTER_VARYING;
    case oid_of::date: case oid_of::time: case oid_of::timestamp: return SQL3_DATE_TIME_TIMESTAMP;
    case oid_of::numeric: return SQL3_NUMERIC;
    default: return 0;
  }
}

}  // namespace pgesql::descriptors
