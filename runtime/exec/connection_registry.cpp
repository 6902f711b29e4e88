#include "exec/connection_registry.hpp"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "diag/debug_log.hpp"

namespace pgesql::exec {
namespace {

struct registry {
  std::mutex mutex;
  std::vector<connection_ptr> connections;  // newest first
  std::weak_ptr<connection> default_current;
};

registry &the_registry() {
  // never destroyed: connections may be used from exit handlers
  static registry *r = new registry;
  return *r;
}

// DISCONNECT ALL at exit. Registered after the first connection is open, so
// it runs before the exit handlers of the libraries that connection set up
// (OpenSSL's cleanup among them).
void close_all_at_exit() {
  static std::once_flag once;
  std::call_once(once, [] { std::atexit(close_all_connections); });
}

// exit() destroys the main thread's thread_locals before it runs the atexit
// DISCONNECT ALL, so the slot notes its destruction in a trivially
// destructible flag, which stays readable, and is not touched afterwards.
thread_local bool current_slot_gone = false;
struct current_slot {
  std::weak_ptr<connection> ptr;
  ~current_slot() { current_slot_gone = true; }
};
thread_local current_slot thread_slot;

connection_ptr thread_current() { return current_slot_gone ? nullptr : thread_slot.ptr.lock(); }

void set_thread_current(const connection_ptr &c) {
  if (!current_slot_gone) thread_slot.ptr = c;
}

void close_link(const connection_ptr &c) {
  std::lock_guard<std::mutex> lock(c->mutex);
  if (c->link) {
    c->link->close();
    c->link.reset();
  }
  diag::log("close_connection: connection %s closed\n", c->name.c_str());
}

// After removing c: whoever had it as current falls back to the newest connection.
void forget_current(registry &r, const connection_ptr &c) {
  connection_ptr newest = r.connections.empty() ? nullptr : r.connections.front();
  if (thread_current() == c) set_thread_current(newest);
  if (r.default_current.lock() == c) r.default_current = newest;
}

}  // namespace

connection_ptr find_connection(const char *name) {
  const bool current = name == nullptr || std::strcmp(name, "CURRENT") == 0;
  // the thread's own current connection is only ever written by this thread: no lock
  if (current)
    if (connection_ptr c = thread_current()) return c;
  registry &r = the_registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (current) return r.default_current.lock();
  for (const connection_ptr &c : r.connections)
    if (c->name == name) return c;
  return nullptr;
}

bool add_connection(connection_ptr c) {
  registry &r = the_registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const connection_ptr &other : r.connections)
    if (other->name == c->name) return false;
  r.connections.insert(r.connections.begin(), c);
  set_thread_current(c);
  r.default_current = c;
  close_all_at_exit();
  return true;
}

void fall_back_to_newest_connection() {
  registry &r = the_registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  connection_ptr newest = r.connections.empty() ? nullptr : r.connections.front();
  set_thread_current(newest);
  r.default_current = newest;
}

void set_current_connection(const connection_ptr &c) { set_thread_current(c); }

void close_connection(const connection_ptr &c) {
  registry &r = the_registry();
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    std::erase(r.connections, c);
    forget_current(r, c);
  }
  close_link(c);
}

void close_all_connections() {
  registry &r = the_registry();
  std::vector<connection_ptr> all;
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    all.swap(r.connections);
    set_thread_current(nullptr);
    r.default_current.reset();
  }
  for (const connection_ptr &c : all) close_link(c);
}

}  // namespace pgesql::exec
