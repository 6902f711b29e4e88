#include "conn/environment.hpp"

#include <langinfo.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <string_view>

namespace pgesql::conn {

std::string locale_client_encoding() {
  const char *codeset = ::nl_langinfo(CODESET);
  std::string name;
  for (const char *p = codeset ? codeset : ""; *p; ++p)
    if (*p != '-' && *p != '_') name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(*p))));
  static constexpr std::pair<std::string_view, const char *> known[] = {
      {"UTF8", "UTF8"},          {"ISO88591", "LATIN1"},  {"ISO88592", "LATIN2"},   {"ISO88595", "ISO_8859_5"},
      {"ISO88597", "ISO_8859_7"}, {"ISO88599", "LATIN5"}, {"ISO885915", "LATIN9"},   {"KOI8R", "KOI8R"},
      {"KOI8U", "KOI8U"},        {"CP1251", "WIN1251"},   {"CP1252", "WIN1252"},    {"EUCJP", "EUC_JP"},
      {"EUCKR", "EUC_KR"},       {"GBK", "GBK"},          {"GB18030", "GB18030"},   {"BIG5", "BIG5"},
      {"SJIS", "SJIS"},          {"SHIFTJIS", "SJIS"},
  };
  for (const auto &[codeset_name, encoding] : known)
    if (name == codeset_name) return encoding;
  return "SQL_ASCII";
}

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
