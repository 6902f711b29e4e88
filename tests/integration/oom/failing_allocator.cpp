#include "failing_allocator.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> fail_at{0};  // 0: not armed
std::atomic<std::size_t> counted{0};
std::atomic<bool> injected{false};

// Whether this allocation is the one to fail.
bool should_fail() {
  const std::size_t target = fail_at.load(std::memory_order_relaxed);
  if (target == 0) return false;
  if (counted.fetch_add(1, std::memory_order_relaxed) + 1 != target) return false;
  injected.store(true, std::memory_order_relaxed);
  return true;
}

void *allocate(std::size_t size) {
  if (should_fail()) throw std::bad_alloc();
  void *p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void *allocate_nothrow(std::size_t size) noexcept {
  if (should_fail()) return nullptr;
  return std::malloc(size == 0 ? 1 : size);
}

void *allocate_aligned(std::size_t size, std::align_val_t alignment) {
  if (should_fail()) throw std::bad_alloc();
  const auto a = static_cast<std::size_t>(alignment);
  void *p = std::aligned_alloc(a, (size + a - 1) / a * a);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

namespace oom {

void arm(std::size_t n) {
  counted = 0;
  injected = false;
  fail_at = n;
}

bool disarm() {
  fail_at = 0;
  return injected.load();
}

}  // namespace oom

void *operator new(std::size_t size) { return allocate(size); }
void *operator new[](std::size_t size) { return allocate(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept { return allocate_nothrow(size); }
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept { return allocate_nothrow(size); }
void *operator new(std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }
void *operator new[](std::size_t size, std::align_val_t a) { return allocate_aligned(size, a); }
// operator delete: tests/support/free_operator_delete.cpp
