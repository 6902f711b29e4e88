// Turns the connection strings users write into keyword/value options:
// key=value conninfo, postgresql:// URIs, and ECPG's CONNECT TO targets.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pgesql::conn {

// Keyword/value pairs in the order given; later duplicates win when resolved.
using Options = std::vector<std::pair<std::string, std::string>>;

// "host=a port=5432 password='x y'" (libpq's key=value syntax). Throws ConfigError.
Options parse_keyword_value(std::string_view text);
// "postgresql://user:pw@h1:5432,h2/db?sslmode=require". Throws ConfigError.
Options parse_uri(std::string_view text);
// Any of: a URI, a key=value string, or an ECPG target ("db", "db@host:port",
// "tcp:postgresql://host:port/db?k=v&k2=v2", "unix:postgresql://localhost/db"). Throws ConfigError.
Options parse_target(std::string_view target);

bool is_uri(std::string_view text);
// The connection string with every password replaced by "********", for messages and logs.
std::string redact_conninfo(std::string_view text);

}  // namespace pgesql::conn
