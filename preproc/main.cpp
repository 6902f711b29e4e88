// Entry point of the pgesql preprocessor (the language front end lands with issue 4).
#include <cstdio>
#include <cstring>

int main(int argc, char **argv) {
  if (argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0)) {
    std::printf("pgesql %s\n", PGESQL_VERSION_STRING);
    return 0;
  }
  std::fprintf(stderr, "pgesql: the preprocessor front end is not built yet\n");
  return 2;
}
