#include "test_env.hpp"

#include <cstdlib>
#include <fstream>

namespace pgesql::test {

bool load_cluster_env(std::string *why) {
  const char *dir = std::getenv("PGESQL_TEST_CLUSTER");
  if (dir == nullptr || *dir == '\0') {
    *why = "PGESQL_TEST_CLUSTER is not set (run the tests through ctest)";
    return false;
  }
  const std::string path = std::string(dir) + "/env";
  std::ifstream in(path);
  if (!in) {
    *why = "cannot read " + path + " (did fixture.cluster_start run?)";
    return false;
  }
  // The file is written by scripts/pgcluster as `export NAME='value'` lines.
  std::string line;
  while (std::getline(in, line)) {
    const std::string prefix = "export ";
    if (line.rfind(prefix, 0) != 0) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string name = line.substr(prefix.size(), eq - prefix.size());
    std::string value = line.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'')
      value = value.substr(1, value.size() - 2);
    setenv(name.c_str(), value.c_str(), 1);
  }
  return true;
}

std::string env(const char *name) {
  const char *value = std::getenv(name);
  return value ? value : "";
}

}  // namespace pgesql::test
