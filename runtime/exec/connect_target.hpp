// What ECPG derives from a CONNECT TO target besides the connection itself:
// the database name that also names an unnamed connection, and the check
// that unix-socket targets name the local host.
#pragma once

#include <string>
#include <string_view>

namespace pgesql::exec {

struct target_facts {
  std::string database;  // empty when the target names none
  bool local_socket_ok = true;  // false for unix:postgresql://<not localhost>/...
};

// target: "db", "db@host:port", "tcp:postgresql://host:port/db?opts",
// "unix:postgresql://localhost:port/db?opts"; anything else (a URI or a
// key=value string, which pgesql also accepts) yields its dbname if it has one.
target_facts inspect_target(std::string_view target);

}  // namespace pgesql::exec
