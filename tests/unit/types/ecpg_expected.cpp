#include "ecpg_expected.hpp"

#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace pgesql::test {

void appendf(std::string &out, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n > 0) {
    std::vector<char> buf(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(buf.data(), buf.size(), fmt, args);
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  va_end(args);
}

std::optional<std::string> ecpg_expected_stdout(const std::string &name) {
  std::ifstream in(std::string(PGESQL_ECPG_TEST_DIR) + "/expected/pgtypeslib-" + name +
                   ".stdout");
  if (std::string(PGESQL_ECPG_TEST_DIR).empty() || !in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string first_difference(const std::string &expected, const std::string &actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, le));
    bool ha = static_cast<bool>(std::getline(a, la));
    if (!he && !ha) return "identical";
    if (!he || !ha || le != la) {
      return "line " + std::to_string(line) + ":\n  expected: " + (he ? le : "<end>") +
             "\n  actual:   " + (ha ? la : "<end>");
    }
  }
}

}  // namespace pgesql::test
