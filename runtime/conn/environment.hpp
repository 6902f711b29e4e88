// The process facts connection defaults come from, behind one seam so the
// resolver is a pure function in tests.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace pgesql::conn {

struct Environment {
  std::function<std::optional<std::string>(const std::string &)> variable;  // getenv
  std::string home;     // for ~/.pgpass, ~/.pg_service.conf, ~/.postgresql/*
  std::string os_user;  // default user name
  std::function<bool(const std::string &)> file_exists;
};

// client_encoding=auto: the server's name for the codeset of the program's current
// LC_CTYPE locale (SQL_ASCII for the C locale or an unknown codeset).
std::string locale_client_encoding();

// The real process: getenv, $HOME (or the passwd entry), the effective user.
Environment process_environment();

}  // namespace pgesql::conn
