#include <strings.h>

#include "exec/connection.hpp"

namespace pgesql::exec {

std::map<std::string, prepared_statement>::iterator find_prepared(connection &c, std::string_view name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  std::string key(name);
  auto exact = c.prepared.find(key);
  if (exact != c.prepared.end()) return exact;
  for (auto it = c.prepared.begin(); it != c.prepared.end(); ++it)
    if (it->first.size() == key.size() && strcasecmp(it->first.c_str(), key.c_str()) == 0) return it;
  return c.prepared.end();
}

}  // namespace pgesql::exec
