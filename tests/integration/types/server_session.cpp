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

std::vector<std::vector<std::string>> ServerSession::binary_rows(const std::string &sql) {
  std::vector<std::vector<std::string>> out;
  PGresult *res = PQexecParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 1);
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    ADD_FAILURE() << "server error: " << PQresultErrorMessage(res) << "\nfor: " << sql.substr(0, 500);
    PQclear(res);
    return out;
  }
  for (int r = 0; r < PQntuples(res); ++r) {
    std::vector<std::string> row;
    for (int c = 0; c < PQnfields(res); ++c) {
      row.emplace_back(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c)));
    }
    out.push_back(std::move(row));
  }
  PQclear(res);
  return out;
}

std::string ServerSession::text_of_binary(unsigned oid, const std::string &bytes) {
  Oid type = oid;
  const char *values[1] = {bytes.data()};
  int lengths[1] = {static_cast<int>(bytes.size())};
  int formats[1] = {1};
  PGresult *res = PQexecParams(conn_, "SELECT $1::text", 1, &type, values, lengths, formats, 0);
  std::string out = PQresultStatus(res) == PGRES_TUPLES_OK ? PQgetvalue(res, 0, 0) : "<error>";
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
