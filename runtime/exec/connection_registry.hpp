// The program's connections: found by name, or the calling thread's current
// one (the last it connected to or SET CONNECTION to, else the last opened
// by any thread), as in ECPG.
#pragma once

#include <memory>
#include <string>

#include "exec/connection.hpp"

namespace pgesql::exec {

// A connection in use: shared ownership keeps it alive while a statement runs
// even if another thread disconnects it.
using connection_ptr = std::shared_ptr<connection>;

// name null or "CURRENT": the current connection. Null when there is none.
connection_ptr find_connection(const char *name);

// Adds a connection and makes it current (for this thread and as the default).
// False when the name is taken.
bool add_connection(connection_ptr c);

// After a CONNECT that failed: this thread's current connection and the
// default become the newest open one, as ECPG's clean-up of the half-made
// connection leaves them.
void fall_back_to_newest_connection();

// Makes c this thread's current connection.
void set_current_connection(const connection_ptr &c);

// Removes and closes one connection / all of them.
void close_connection(const connection_ptr &c);
void close_all_connections();

}  // namespace pgesql::exec
