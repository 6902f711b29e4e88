// The password file (~/.pgpass, PGPASSFILE): hostname:port:database:username:password lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pgesql::conn {

// The password of the first line matching all four fields ('*' matches anything;
// '\' escapes ':' and '\'), or std::nullopt.
std::optional<std::string> find_pgpass_password(std::string_view file_text, std::string_view host,
                                                std::string_view port, std::string_view dbname,
                                                std::string_view user);

// The host name a password file line is matched against: socket hosts in the default
// directory count as "localhost", as libpq does.
std::string pgpass_host_name(std::string_view host);

}  // namespace pgesql::conn
