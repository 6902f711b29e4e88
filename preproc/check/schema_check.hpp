// --check / --check-cache: every static statement judged against what the server says
// about it (live, or replayed from the cache), reported at its place in the .pgc. Both
// modes go through the same judgement, so the cache reproduces a live run's diagnostics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/check_facts.hpp"
#include "diagnostics.hpp"
#include "options.hpp"

namespace pgesql::pp::check {

// The live check (opt.check_conninfo, recording into opt.check_cache when set) of `statements`.
void run_schema_check(const Options &opt, const std::vector<checked_statement> &statements, Diagnostics &diag);

// The offline check: each statement judged from opt.check_cache as soon as it is seen, so a
// replay keeps nothing of the statements (no more memory than plain preprocessing).
class cache_replay {
 public:
  cache_replay(const Options &opt, Diagnostics &diag) : opt_(opt), diag_(diag) {}
  void judge(const checked_statement &s);

 private:
  const Options &opt_;
  Diagnostics &diag_;
  std::map<std::string, std::optional<server_answer>> read_;  // by key and text: each entry read once
};

// The diagnostics of one statement given the server's answer (exposed for unit tests).
void judge_statement(const Options &opt, const checked_statement &s, const server_answer &a, Diagnostics &diag);

}  // namespace pgesql::pp::check
