#include "conn_test_support.hpp"

#include <gtest/gtest.h>

namespace pgesql::test {

conn::Config config(const std::string &conninfo) {
  return conn::resolve_config(conn::parse_keyword_value(conninfo), conn::process_environment());
}

std::string tcp(const std::string &extra) {
  return "host=" + env("PGESQL_TEST_HOST") + " port=" + env("PGESQL_TEST_PORT") + " dbname=" +
         env("PGESQL_TEST_DATABASE") + " " + extra;
}

std::string unix_socket(const std::string &extra) {
  return "host=" + env("PGESQL_TEST_SOCKET_DIR") + " port=" + env("PGESQL_TEST_PORT") + " dbname=" +
         env("PGESQL_TEST_DATABASE") + " user=postgres " + extra;
}

std::unique_ptr<conn::Connection> open(const std::string &conninfo) { return conn::Connection::open(config(conninfo)); }

std::string scalar(conn::Connection &c, const std::string &sql) {
  const auto results = c.simple_query(sql);
  if (results.empty() || results.back().row_count() == 0) return "<no rows>";
  const auto v = results.back().value(0, 0);
  return v ? std::string(*v) : "<null>";
}

conn::Error open_error(const std::string &conninfo) {
  try {
    open(conninfo);
  } catch (const conn::Error &e) {
    return e;
  }
  ADD_FAILURE() << "connecting succeeded: " << conn::redact_conninfo(conninfo);
  return conn::Error::client_error("00000", "connected");
}

}  // namespace pgesql::test
