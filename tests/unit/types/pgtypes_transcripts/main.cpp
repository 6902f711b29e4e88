// transcripts NAME: prints one transcript (num_test, num_test2, dt_test, dt_test2).
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "transcripts.hpp"

void pgesql::transcripts::appendf(std::string &out, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  char buf[4096];
  const int n = std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  if (n < 0) return;
  if (static_cast<std::size_t>(n) < sizeof buf) {
    out.append(buf, static_cast<std::size_t>(n));
    return;
  }
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  va_start(args, fmt);
  std::vsnprintf(big.data(), big.size(), fmt, args);
  va_end(args);
  out.append(big.data(), static_cast<std::size_t>(n));
}

int main(int argc, char **argv) {
  using namespace pgesql::transcripts;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s num_test|num_test2|dt_test|dt_test2\n", argv[0]);
    return 2;
  }
  for (const auto *set : {numeric, datetime})
    for (int i = 0; i < 2; ++i)
      if (std::strcmp(set[i].name, argv[1]) == 0) {
        const std::string out = set[i].run();
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
      }
  std::fprintf(stderr, "unknown transcript %s\n", argv[1]);
  return 2;
}
