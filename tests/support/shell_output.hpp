// Running a shell command from a test (scripts/pgcluster and the like) and taking its output.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace pgesql::test {

// The command's standard output, without its trailing newlines ("" if it could not run).
inline std::string shell_output(const std::string &command) {
  std::string out;
  FILE *p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 512> buf;
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), p) != nullptr) out += buf.data();
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace pgesql::test
