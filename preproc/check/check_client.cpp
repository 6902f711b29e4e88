// The preprocessor's side of the live check: loads the client module (pgesql-check.so,
// live_describe.cpp) when --check is given. Plain preprocessing links neither the runtime
// nor OpenSSL, and uses no more memory than ecpg.
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "check/live_describe.hpp"
#include "sema/never_null.hpp"

namespace pgesql::pp::check {
namespace {

using describe_fn = int (*)(const char *, const std::vector<std::string> *, const std::vector<std::vector<bool>> *,
                            std::vector<server_answer> *, server_identity *, std::string *);

std::string executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  return path.substr(0, path.find_last_of('/'));
}

// Where the module is: $PGESQL_CHECK_MODULE, else beside an installed pgesql
// (<bindir>/../<libdir>/pgesql/), else in the build tree it was built in.
std::vector<std::string> module_candidates() {
  std::vector<std::string> paths;
  if (const char *env = std::getenv("PGESQL_CHECK_MODULE"); env != nullptr && *env != '\0') return {env};
  const std::string dir = executable_dir();
  if (!dir.empty()) paths.push_back(dir + "/" PGESQL_CHECK_MODULE_FROM_BINDIR);
  paths.push_back(PGESQL_CHECK_MODULE_BUILT);
  return paths;
}

describe_fn load_client() {
  std::string tried;
  for (const std::string &path : module_candidates()) {
    // never unloaded: the preprocessor exits soon after the check
    if (void *module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
      if (void *fn = ::dlsym(module, "pgesql_check_describe")) return reinterpret_cast<describe_fn>(fn);
      tried += std::string(tried.empty() ? "" : "; ") + path + ": no pgesql_check_describe";
      continue;
    }
    const char *why = ::dlerror();
    tried += (tried.empty() ? "" : "; ") + std::string(why != nullptr ? why : path);
  }
  throw check_unavailable("could not load the --check client (" + tried + ")");
}

}  // namespace

std::vector<server_answer> describe_live(const std::string &conninfo, const std::vector<std::string> &sqls,
                                         server_identity &identity) {
  const describe_fn describe = load_client();
  // which result columns the text shows are never NULL: the parser is the preprocessor's
  std::vector<std::vector<bool>> never_nulls;
  never_nulls.reserve(sqls.size());
  for (const std::string &sql : sqls) never_nulls.push_back(sema::never_null_targets(sql));
  std::vector<server_answer> answers;
  std::string error;
  if (describe(conninfo.c_str(), &sqls, &never_nulls, &answers, &identity, &error) != 0) throw check_unavailable(error);
  return answers;
}

}  // namespace pgesql::pp::check
