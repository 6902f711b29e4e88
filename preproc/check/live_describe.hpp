// The live half of --check: each statement prepared (Parse) and described on a server,
// never executed, through the runtime's own connection code. Everything runs inside one
// read-only transaction that is rolled back; a savepoint is restored after every
// statement, so one statement's error neither hides the next one's answer nor keeps
// the locks its analysis took.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "check/check_facts.hpp"

namespace pgesql::pp::check {

struct server_identity {
  std::string version;  // server_version
  std::string schema;   // md5 of every user table's columns, types and NOT NULL flags
};

// Thrown when the server cannot be reached or the check cannot run (the message says why).
class check_unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One answer per text of `sqls` ($n placeholders), in order. `conninfo` is anything
// EXEC SQL CONNECT TO accepts, a keyword/value string or a URI.
std::vector<server_answer> describe_live(const std::string &conninfo, const std::vector<std::string> &sqls,
                                         server_identity &identity);

// True when `sql` has a LEFT, RIGHT or FULL [OUTER] JOIN (outside literals and quoted names):
// table columns it reads may then be NULL whatever their NOT NULL constraint says.
bool has_outer_join(const std::string &sql);

}  // namespace pgesql::pp::check
