#include "conn/pgpass.hpp"

#include <vector>

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

// Splits one line at unescaped ':' into unescaped fields.
std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      fields.back().push_back(line[++i]);
    } else if (line[i] == ':' && fields.size() < 5) {
      fields.emplace_back();
    } else {
      fields.back().push_back(line[i]);
    }
  }
  return fields;
}

bool matches(const std::string &pattern, std::string_view value) { return pattern == "*" || pattern == value; }

}  // namespace

std::string pgpass_host_name(std::string_view host) {
  if (host.empty() || host == default_socket_dir) return "localhost";
  return std::string(host);
}

std::optional<std::string> find_pgpass_password(std::string_view text, std::string_view host, std::string_view port,
                                                std::string_view dbname, std::string_view user) {
  std::size_t start = 0;
  while (start < text.size()) {
    const auto nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_fields(line);
    if (f.size() != 5) continue;
    if (matches(f[0], host) && matches(f[1], port) && matches(f[2], dbname) && matches(f[3], user)) return f[4];
  }
  return std::nullopt;
}

}  // namespace pgesql::conn
