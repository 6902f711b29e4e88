// The opener behind EXEC SQL CONNECT. Until runtime/conn provides sessions
// none is installed and CONNECT fails with ECPG_CONNECT.
#include <mutex>

#include "exec/server_link.hpp"

namespace pgesql::exec {
namespace {

std::mutex opener_mutex;
link_opener &opener() {
  static auto *o = new link_opener;
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
