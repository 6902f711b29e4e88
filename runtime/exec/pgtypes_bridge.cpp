// Until the pgtypes library (runtime/types) is merged these host types are
// reported as unsupported (ECPG_UNSUPPORTED), never silently mis-converted.
#include "exec/pgtypes_bridge.hpp"

namespace pgesql::exec {

pgtypes_status pgtypes_from_text(int, const char *text, const char **end, void *) {
  *end = text;
  return pgtypes_status::unsupported;
}

pgtypes_status pgtypes_to_text(int, const void *, std::string &) { return pgtypes_status::unsupported; }

}  // namespace pgesql::exec
