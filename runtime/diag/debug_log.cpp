#include "diag/debug_log.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "diag/sqlca.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::diag {

std::atomic<bool> log_on{false};

namespace {

// ECPGdebug(n > 100) is ECPG's regression mode: no pid, sqlca after each line.
std::atomic<bool> regression_mode{false};
std::mutex stream_mutex;
FILE *stream = nullptr;

}  // namespace


bool log_regression_mode() { return regression_mode.load(); }

void enable_log_from_environment() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char *value = std::getenv("PGESQL_DEBUG");
    if (value == nullptr || *value == '\0' || std::strcmp(value, "0") == 0) return;
    {
      std::lock_guard<std::mutex> lock(stream_mutex);
      if (log_on.load()) return;  // the program's own ECPGdebug() wins
      // PGESQL_DEBUG=1: stderr; any other value names a file the log is appended to
      FILE *to = std::strcmp(value, "1") == 0 ? stderr : std::fopen(value, "a");
      if (to == nullptr) return;
      stream = to;
      log_on = true;
    }
    log("debug log on through PGESQL_DEBUG\n");
  });
}

void log(const char *fmt, ...) {
  if (!log_enabled()) return;
  const sqlca_t &ca = thread_sqlca();
  std::lock_guard<std::mutex> lock(stream_mutex);
  if (stream == nullptr || !log_on.load()) return;
  if (regression_mode.load())
    std::fputs("[NO_PID]: ", stream);
  else
    std::fprintf(stream, "[%d]: ", static_cast<int>(getpid()));
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stream, fmt, ap);
  va_end(ap);
  if (regression_mode.load())
    std::fprintf(stream, "[NO_PID]: sqlca: code: %ld, state: %.5s\n", ca.sqlcode, ca.sqlstate);
  std::fflush(stream);
}

}  // namespace pgesql::diag

extern "C" PGESQL_API void ECPGdebug(int n, FILE *dbgs) {
  using namespace pgesql::diag;
  {
    std::lock_guard<std::mutex> lock(stream_mutex);
    regression_mode = n > 100;
    stream = dbgs;
    log_on = n != 0 && dbgs != nullptr;
  }
  log("ECPGdebug: set to %d\n", n > 100 ? n - 100 : n);
}
