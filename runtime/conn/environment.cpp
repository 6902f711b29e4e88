#include "conn/environment.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace pgesql::conn {

Environment process_environment() {
  Environment env;
  env.variable = [](const std::string &name) -> std::optional<std::string> {
    const char *v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
  passwd entry{};
  passwd *found = nullptr;
  char buf[4096];
  if (getpwuid_r(geteuid(), &entry, buf, sizeof buf, &found) == 0 && found != nullptr) {
    env.os_user = found->pw_name;
    env.home = found->pw_dir;
  }
  if (const char *home = std::getenv("HOME"); home != nullptr && *home != '\0') env.home = home;
  env.file_exists = [](const std::string &path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  return env;
}

}  // namespace pgesql::conn
