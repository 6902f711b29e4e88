// --check / --check-cache: every static statement judged against what the server says
// about it (live, or replayed from the cache), reported at its place in the .pgc. Both
// modes go through the same judgement, so the cache reproduces a live run's diagnostics.
#pragma once

#include <vector>

#include "check/check_facts.hpp"
#include "diagnostics.hpp"
#include "options.hpp"

namespace pgesql::pp::check {

// Checks `statements` as opt.check_conninfo / opt.check_cache / opt.check_strict say.
void run_schema_check(const Options &opt, const std::vector<checked_statement> &statements, Diagnostics &diag);

// The diagnostics of one statement given the server's answer (exposed for unit tests).
void judge_statement(const Options &opt, const checked_statement &s, const server_answer &a, Diagnostics &diag);

}  // namespace pgesql::pp::check
