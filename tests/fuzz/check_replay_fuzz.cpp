// libFuzzer target: a --check cache entry as it might be found on disk (edited by
// hand, truncated, from another version), judged against a statement and mapped
// back to source positions, as the replay does. Any crash, hang or sanitizer
// report is a bug; diagnostics are expected.
//
// Input: the statement's SQL text, a NUL byte, then the entry's text. The first
// byte of the SQL picks ? placeholders and strict mode.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "check/check_cache.hpp"
#include "check/schema_check.hpp"
#include "diagnostics.hpp"

using namespace pgesql::pp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  const std::string input(reinterpret_cast<const char *>(data) + 1, size - 1);
  const std::size_t nul = input.find('\0');
  if (nul == std::string::npos) return 0;
  check::checked_statement s;
  s.sql = input.substr(0, nul);
  s.question_marks = (data[0] & 1) != 0;
  s.into_checked = (data[0] & 4) != 0;
  s.what = "the statement";
  // one origin per line of the text, as the code generator records tokens
  const std::string source = s.sql + "\n";
  int line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.sql.size(); ++i) {
    if (i == s.sql.size() || s.sql[i] == '\n') {
      s.origins.push_back(sema::sql_origin{start, i - start, Pos{0, line, 1, start, -1}});
      ++line;
      start = i + 1;
    }
  }
  for (int k = 0; k < (data[0] >> 4); ++k)
    s.outputs.push_back(check::host_slot{"v", Pos{0, 1, 1, 0, -1}, k % 2 ? "PGESQL_T_INT" : "cxx:std::optional<double>", k, k % 3 == 0});
  s.inputs = s.outputs;
  const std::optional<check::server_answer> a = check::parse_cache_entry(input.substr(nul + 1), s.sql);
  if (!a) return 0;
  Options opt;
  opt.check_strict = (data[0] & 2) != 0;
  std::ostringstream out;
  Diagnostics diag(out);
  diag.add_file("fuzz.pgc", &source);
  check::judge_statement(opt, s, *a, diag);
  return 0;
}
