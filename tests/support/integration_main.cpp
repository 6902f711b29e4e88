// main() for integration test executables: load the cluster's environment
// before any test runs; listing tests (ctest's discovery) needs no cluster.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include "test_env.hpp"

int main(int argc, char **argv) {
  testing::InitGoogleTest(&argc, argv);
  if (!testing::GTEST_FLAG(list_tests)) {
    std::string why;
    if (!pgesql::test::load_cluster_env(&why)) {
      std::fprintf(stderr, "integration tests need the test cluster: %s\n", why.c_str());
      return 1;
    }
  }
  return RUN_ALL_TESTS();
}
