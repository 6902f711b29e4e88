// pg_service.conf: named groups of connection options.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "conn/conninfo_parser.hpp"

namespace pgesql::conn {

// The options of [service] in the file's text; std::nullopt when the file has no such
// section. Throws ConfigError on a malformed line (naming the file and line).
std::optional<Options> find_service(std::string_view file_text, std::string_view service, std::string_view file_name);

}  // namespace pgesql::conn
