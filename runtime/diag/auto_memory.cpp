#include "diag/auto_memory.hpp"

#include <cstdlib>
#include <vector>

#include "pgesql/pgesql.h"

namespace pgesql::diag {
namespace {

// What is still registered when the thread ends belongs to the program (it
// may free it itself, as ECPG's own tests do); nothing is freed then.
struct registry {
  std::vector<void *> blocks;
};

thread_local registry allocations;

}  // namespace

void *auto_allocate(std::size_t size) {
  void *p = std::calloc(1, size == 0 ? 1 : size);
  if (p != nullptr) register_auto_memory(p);
  return p;
}

void register_auto_memory(void *p) { allocations.blocks.push_back(p); }

void forget_auto_memory() { allocations.blocks.clear(); }

void free_auto_memory() {
  for (void *p : allocations.blocks) std::free(p);
  allocations.blocks.clear();
}

}  // namespace pgesql::diag

extern "C" PGESQL_API void ECPGfree_auto_mem(void) { pgesql::diag::free_auto_memory(); }
