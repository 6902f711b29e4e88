// Access to the throwaway cluster started by the CTest fixture.
#pragma once

#include <string>

namespace pgesql::test {

// Loads the cluster's `env` file (named by $PGESQL_TEST_CLUSTER, a directory
// or a symlink to one) into this process's environment. Returns false, with
// the reason in *why, when there is no cluster to load.
bool load_cluster_env(std::string *why);

// The value of an environment variable the cluster set, or "" when unset.
std::string env(const char *name);

}  // namespace pgesql::test
