#include "server_session.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

namespace pgesql::test {

ServerSession::ServerSession() {
  conn_ = PQconnectdb("");
  if (PQstatus(conn_) != CONNECTION_OK) {
    error_ = PQerrorMessage(conn_);
    return;
  }
  // The output forms pgtypes reads and writes.
  rows("SET datestyle = ISO, MDY");
  rows("SET intervalstyle = postgres");
}

ServerSession::~ServerSession() { PQfinish(conn_); }

std::vector<std::vector<std::string>> ServerSession::rows(const std::string &sql) {
  std::vector<std::vector<std::string>> out;
  PGresult *res = PQexec(conn_, sql.c_str());
  ExecStatusType status = PQresultStatus(res);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    ADD_FAILURE() << "server error: " << PQresultErrorMessage(res) << "\nfor: " << sql.substr(0, 500);
    PQclear(res);
    return out;
  }
  for (int r = 0; r < PQntuples(res); ++r) {
    std::vector<std::string> row;
    for (int c = 0; c < PQnfields(res); ++c) {
      row.emplace_back(PQgetisnull(res, r, c) ? "<null>" : PQgetvalue(res, r, c));
    }
    out.push_back(std::move(row));
  }
  PQclear(res);
  return out;
}

std::string quote(const std::string &text) {
  std::string q = "'";
  for (char c : text) {
    if (c == '\'') q += '\'';
    q += c;
  }
  return q + "'";
}

}  // namespace pgesql::test
