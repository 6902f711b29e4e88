#include <strings.h>

#include "exec/connection.hpp"
#include "exec/statement_text.hpp"

namespace pgesql::exec {

std::map<std::string, prepared_statement>::iterator find_prepared(connection &c, std::string_view name) {
  const std::string key = server_name(unquoted_name(name));
  auto exact = c.prepared.find(key);
  if (exact != c.prepared.end()) return exact;
  for (auto it = c.prepared.begin(); it != c.prepared.end(); ++it)
    if (it->first.size() == key.size() && strcasecmp(it->first.c_str(), key.c_str()) == 0) return it;
  return c.prepared.end();
}

}  // namespace pgesql::exec
