// A server_link over runtime/conn's Connection: what EXEC SQL CONNECT opens.
#pragma once

#include <memory>
#include <string>

#include "exec/server_link.hpp"

namespace pgesql::exec {

// Resolves the target (ECPG target, URI or key=value; user/password override
// it when non-empty) and connects. Null with `error` set on failure.
std::unique_ptr<server_link> open_session_link(const std::string &target, const std::string &user,
                                               const std::string &password, std::string &error);

}  // namespace pgesql::exec
