// The opener behind EXEC SQL CONNECT: a real session unless a test installs another.
#include <mutex>

#include "exec/server_link.hpp"
#include "exec/session_link.hpp"

namespace pgesql::exec {
namespace {

std::mutex opener_mutex;
link_opener &opener() {
  static auto *o = new link_opener(open_session_link);
  return *o;
}

}  // namespace

void set_link_opener(link_opener o) {
  std::lock_guard<std::mutex> lock(opener_mutex);
  opener() = std::move(o);
}

link_opener current_link_opener() {
  std::lock_guard<std::mutex> lock(opener_mutex);
  return opener();
}

}  // namespace pgesql::exec
