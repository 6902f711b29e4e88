// Resolves keyword/value options into a Config: given options first, then the
// service file, then PG* environment variables, then defaults (libpq's order).
#pragma once

#include "conn/config.hpp"
#include "conn/conninfo_parser.hpp"
#include "conn/environment.hpp"

namespace pgesql::conn {

// Throws ConfigError for unknown keywords, bad values, a missing service, or a bad host/port list.
Config resolve_config(const Options &given, const Environment &env);

// Convenience: parse_target + resolve_config with the process environment; `user` and
// `password` (ECPG's CONNECT ... USER ... USING/IDENTIFIED BY) override the target's when non-empty.
Config config_from_target(std::string_view target, std::string_view user = {}, std::string_view password = {});

// The password for one host: the configured one, else the password file's, else none.
std::optional<std::string> password_for_host(const Config &config, const HostSpec &host);

}  // namespace pgesql::conn
