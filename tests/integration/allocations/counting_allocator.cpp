// A global operator new that counts: the warm-path test reads the count around a loop of
// statements. Only counting, never failing (tests/integration/oom fails allocations).
#include <atomic>
#include <cstdlib>
#include <new>

#include "counting_allocator.hpp"

namespace {

std::atomic<unsigned long> allocations{0};

void *allocate(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  void *p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void *allocate_aligned(std::size_t size, std::align_val_t alignment) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(alignment);
  void *p = std::aligned_alloc(a, (size + a - 1) / a * a);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

extern "C" unsigned long allocations_so_far(void) { return allocations.load(std::memory_order_relaxed); }

void *operator new(std::size_t size) { return allocate(size); }
void *operator new[](std::size_t size) { return allocate(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void *operator new(std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }
void *operator new[](std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }
// operator delete: tests/support/free_operator_delete.cpp
