// A test-only global operator new that fails the Nth allocation once armed
// (SQLite's technique): the allocation-failure tests walk N = 1, 2, ... through
// a scenario until it completes without meeting the failure.
#pragma once

#include <cstddef>

namespace oom {

// From now on, the n-th allocation (1-based) throws std::bad_alloc (nothrow forms return null).
void arm(std::size_t n);
// Stops counting; returns whether the failure was injected since arm().
bool disarm();

}  // namespace oom
