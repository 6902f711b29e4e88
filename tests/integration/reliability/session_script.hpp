// A representative embedded-SQL session run through the C ABI, phase by phase:
// connect, insert (with the transaction's implicit BEGIN), query, cursor fetch,
// COPY TO STDOUT, commit, disconnect. Each step records its sqlca outcome, so a
// fault-injection test can check what the program would have seen.
#pragma once

#include <string>
#include <vector>

namespace pgesql::test {

struct StepOutcome {
  std::string phase;
  long sqlcode = 0;
  std::string sqlstate;
  std::string message;
  bool ok() const { return sqlcode >= 0; }
};

inline const std::vector<std::string> &session_phases() {
  static const std::vector<std::string> phases = {"connect", "insert", "query", "cursor", "copy", "commit", "disconnect"};
  return phases;
}

// Runs the session on connection `name` to `target` (a URI carrying user and
// password); `trial` (6 digits, so every session's bytes have the same length)
// is the key of the row it inserts. `after_phase`, when set, is called after
// each phase with the phase's index.
std::vector<StepOutcome> run_session(const std::string &target, const char *name, int trial,
                                     void (*after_phase)(std::size_t phase, void *) = nullptr, void *context = nullptr);

// Creates the tables the session uses (through connection `admin`).
bool prepare_session_tables(const char *admin);

// Whether the session of `trial` committed its row, asked through connection `admin`.
bool session_row_committed(const char *admin, int trial);

}  // namespace pgesql::test
