// load_balance_hosts=random: hosts, and the addresses of each, tried in a random order.
// Load spreading, not security: a per-thread generator seeded once from std::random_device.
#pragma once

#include <algorithm>
#include <random>
#include <vector>

namespace pgesql::net {

template <typename T>
void shuffle_in_place(std::vector<T> &items) {
  thread_local std::mt19937 generator{std::random_device{}()};
  std::shuffle(items.begin(), items.end(), generator);
}

}  // namespace pgesql::net
