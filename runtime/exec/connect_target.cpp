#include "exec/connect_target.hpp"

namespace pgesql::exec {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// dbname=... in a key=value string (no quoting support needed for a name)
std::string keyword_dbname(std::string_view s) {
  std::size_t pos = 0;
  while ((pos = s.find("dbname", pos)) != std::string_view::npos) {
    bool at_word_start = pos == 0 || s[pos - 1] == ' ';
    std::size_t eq = s.find_first_not_of(' ', pos + 6);
    if (at_word_start && eq != std::string_view::npos && s[eq] == '=') {
      std::size_t v = s.find_first_not_of(' ', eq + 1);
      if (v == std::string_view::npos) return {};
      std::size_t end = s.find(' ', v);
      std::string value(s.substr(v, end == std::string_view::npos ? end : end - v));
      if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') value = value.substr(1, value.size() - 2);
      return value;
    }
    pos += 6;
  }
  return {};
}

}  // namespace

target_facts inspect_target(std::string_view t) {
  target_facts f;
  bool tcp = starts_with(t, "tcp:"), unix_socket = starts_with(t, "unix:");
  if (tcp || unix_socket) {
    std::string_view rest = t.substr(tcp ? 4 : 5);
    if (!starts_with(rest, "postgresql://")) return f;
    rest.remove_prefix(13);
    if (std::size_t q = rest.rfind('?'); q != std::string_view::npos) rest = rest.substr(0, q);
    if (std::size_t slash = rest.rfind('/'); slash != std::string_view::npos) {
      f.database = std::string(rest.substr(slash + 1));
      rest = rest.substr(0, slash);
    }
    if (std::size_t colon = rest.rfind(':'); colon != std::string_view::npos) rest = rest.substr(0, colon);
    if (unix_socket) f.local_socket_ok = rest == "localhost" || rest == "127.0.0.1";
    return f;
  }
  if (starts_with(t, "postgresql://") || starts_with(t, "postgres://")) {
    std::string_view rest = t.substr(t.find("://") + 3);
    std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return f;
    rest = rest.substr(slash + 1);
    f.database = std::string(rest.substr(0, rest.find('?')));
    return f;
  }
  if (t.find('=') != std::string_view::npos) {
    f.database = keyword_dbname(t);
    return f;
  }
  // db[@host][:port]
  std::string_view db = t;
  if (std::size_t colon = db.rfind(':'); colon != std::string_view::npos) db = db.substr(0, colon);
  if (std::size_t at = db.rfind('@'); at != std::string_view::npos) db = db.substr(0, at);
  f.database = std::string(db);
  return f;
}

}  // namespace pgesql::exec
