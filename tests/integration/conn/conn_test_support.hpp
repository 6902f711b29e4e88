// Connection configs for the test cluster's roles and transports.
#pragma once

#include <memory>
#include <string>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"
#include "test_env.hpp"

namespace pgesql::test {

// A config from key=value text resolved against the process environment (the cluster's PG* variables).
conn::Config config(const std::string &conninfo);
// TCP to 127.0.0.1 and the cluster's port and database, plus `extra` key=value text.
std::string tcp(const std::string &extra = "");
// The unix socket as the superuser, plus `extra`.
std::string unix_socket(const std::string &extra = "");
std::unique_ptr<conn::Connection> open(const std::string &conninfo);
// The first field of the first row of `sql`.
std::string scalar(conn::Connection &c, const std::string &sql);
// The SQLSTATE of the error opening `conninfo` throws ("" when it connects).
conn::Error open_error(const std::string &conninfo);

}  // namespace pgesql::test
