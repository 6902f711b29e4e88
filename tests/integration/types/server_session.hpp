// A libpq session on the test cluster for computing expected values (tests only).
#pragma once

#include <string>
#include <vector>

typedef struct pg_conn PGconn;

namespace pgesql::test {

class ServerSession {
 public:
  ServerSession();  // connects with the cluster's PG* environment
  ~ServerSession();
  ServerSession(const ServerSession &) = delete;
  ServerSession &operator=(const ServerSession &) = delete;

  bool ok() const { return error_.empty(); }
  const std::string &error() const { return error_; }

  // Runs one statement; rows of text columns (NULL as "<null>"). An error
  // fails the calling test and returns no rows.
  std::vector<std::vector<std::string>> rows(const std::string &sql);

  // The same with every column in binary format (raw send/recv bytes).
  std::vector<std::vector<std::string>> binary_rows(const std::string &sql);

  // Sends bytes as a binary parameter of type `oid` and returns the
  // server's text for it (`SELECT $1::text`); "<error>" when it refuses.
  std::string text_of_binary(unsigned oid, const std::string &bytes);

 private:
  PGconn *conn_ = nullptr;
  std::string error_;
};

// SQL string literal.
std::string quote(const std::string &text);

}  // namespace pgesql::test
