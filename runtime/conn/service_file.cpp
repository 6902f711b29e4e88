#include "conn/service_file.hpp"

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Options> find_service(std::string_view text, std::string_view service, std::string_view file_name) {
  std::optional<Options> found;
  bool in_section = false;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    const std::string_view line = trim(text.substr(start, nl == std::string_view::npos ? text.npos : nl - start));
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      if (found) break;  // the section we wanted has ended
      if (line.back() != ']')
        throw ConfigError("syntax error in service file \"" + std::string(file_name) + "\", line " +
                          std::to_string(line_number));
      in_section = line.substr(1, line.size() - 2) == service;
      if (in_section) found.emplace();
      continue;
    }
    if (!in_section) continue;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos)
      throw ConfigError("syntax error in service file \"" + std::string(file_name) + "\", line " +
                        std::to_string(line_number));
    const std::string key(trim(line.substr(0, eq)));
    if (key == "service")
      throw ConfigError("nested service specifications not supported in service file \"" + std::string(file_name) +
                        "\", line " + std::to_string(line_number));
    found->emplace_back(key, std::string(trim(line.substr(eq + 1))));
  }
  return found;
}

}  // namespace pgesql::conn
