#include "conn/conninfo_parser.hpp"

#include <cctype>

#include "conn/config.hpp"

namespace pgesql::conn {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) throw ConfigError("invalid percent-encoded token in URI");
    const int hi = hex_value(s[i + 1]);
    const int lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) throw ConfigError("invalid percent-encoded token in URI");
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') throw ConfigError("forbidden value %00 in percent-encoded value in URI");
    out.push_back(c);
    i += 2;
  }
  return out;
}

void add_hosts(Options &out, std::string_view netloc) {
  std::string hosts, ports;
  bool any_port = false;
  std::size_t start = 0;
  for (;;) {
    const auto comma = netloc.find(',', start);
    const std::string_view one = netloc.substr(start, comma == std::string_view::npos ? netloc.npos : comma - start);
    std::string host, port;
    if (!one.empty() && one[0] == '[') {
      const auto close = one.find(']');
      if (close == std::string_view::npos) throw ConfigError("missing \"]\" in IPv6 host address in URI");
      if (close == 1) throw ConfigError("IPv6 host address may not be empty in URI");
      host = percent_decode(one.substr(1, close - 1));
      const std::string_view after = one.substr(close + 1);
      if (!after.empty()) {
        if (after[0] != ':') throw ConfigError("unexpected character after IPv6 host address in URI");
        port = percent_decode(after.substr(1));
      }
    } else {
      const auto colon = one.find(':');
      host = percent_decode(one.substr(0, colon));
      if (colon != std::string_view::npos) port = percent_decode(one.substr(colon + 1));
    }
    if (start != 0) {
      hosts += ',';
      ports += ',';
    }
    hosts += host;
    ports += port;
    any_port = any_port || !port.empty();
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (hosts.find_first_not_of(',') != std::string::npos) out.emplace_back("host", hosts);
  if (any_port) out.emplace_back("port", ports);
}

// "k=v&k2=v2" as in a URI query or after '?' in an ECPG target.
void add_query(Options &out, std::string_view query, bool decode, bool skip_spaces) {
  std::size_t start = 0;
  while (start < query.size()) {
    const auto amp = query.find('&', start);
    std::string_view pair = query.substr(start, amp == std::string_view::npos ? query.npos : amp - start);
    start = amp == std::string_view::npos ? query.size() : amp + 1;
    if (skip_spaces)
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) {
      if (skip_spaces) continue;  // ECPG ignores trailing garbage without '='
      throw ConfigError("missing key/value separator \"=\" in URI query parameter");
    }
    std::string key(pair.substr(0, eq));
    std::string_view raw_value = pair.substr(eq + 1);
    if (skip_spaces)
      while (!raw_value.empty() && raw_value.front() == ' ') raw_value.remove_prefix(1);
    std::string value = decode ? percent_decode(raw_value) : std::string(raw_value);
    if (decode) key = percent_decode(key);
    // libpq accepts the JDBC spelling ssl=true for sslmode=require.
    if (key == "ssl" && value == "true") {
      key = "sslmode";
      value = "require";
    }
    out.emplace_back(std::move(key), std::move(value));
  }
}

Options parse_ecpg_url(std::string_view target) {
  const bool unix_socket = target.starts_with("unix:");
  std::string_view rest = target.substr(unix_socket ? 5 : 4);
  if (!rest.starts_with("postgresql://"))
    throw ConfigError("connection target must look like tcp:postgresql://host[:port][/db][?options]");
  rest.remove_prefix(13);
  Options out;
  std::string_view options;
  if (const auto q = rest.rfind('?'); q != std::string_view::npos) {
    options = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (const auto slash = rest.rfind('/'); slash != std::string_view::npos) {
    if (slash + 1 < rest.size()) out.emplace_back("dbname", std::string(rest.substr(slash + 1)));
    rest = rest.substr(0, slash);
  }
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    out.emplace_back("port", std::string(rest.substr(colon + 1)));
    rest = rest.substr(0, colon);
  }
  if (unix_socket) {
    // ECPG only allows the local machine here; the socket directory stays the default.
    if (rest != "localhost" && rest != "127.0.0.1")
      throw ConfigError("unix-domain socket connections are only possible to localhost");
  } else if (!rest.empty()) {
    out.emplace_back("host", std::string(rest));
  }
  add_query(out, options, false, true);
  return out;
}

// ECPG's old style: dbname[@server][:port].
Options parse_ecpg_name(std::string_view target) {
  Options out;
  if (const auto colon = target.rfind(':'); colon != std::string_view::npos) {
    out.emplace_back("port", std::string(target.substr(colon + 1)));
    target = target.substr(0, colon);
  }
  if (const auto at = target.rfind('@'); at != std::string_view::npos) {
    out.emplace_back("host", std::string(target.substr(at + 1)));
    target = target.substr(0, at);
  }
  if (!target.empty()) out.emplace(out.begin(), "dbname", std::string(target));
  return out;
}

}  // namespace

bool is_uri(std::string_view text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

Options parse_keyword_value(std::string_view text) {
  Options out;
  std::size_t i = 0;
  const auto skip = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  for (;;) {
    skip();
    if (i >= text.size()) break;
    const std::size_t key_start = i;
    while (i < text.size() && text[i] != '=' && !is_space(text[i])) ++i;
    std::string key(text.substr(key_start, i - key_start));
    skip();
    if (i >= text.size() || text[i] != '=')
      throw ConfigError("missing \"=\" after \"" + key + "\" in connection info string");
    ++i;
    skip();
    std::string value;
    if (i < text.size() && text[i] == '\'') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value.push_back(text[i + 1]);
          i += 2;
        } else if (text[i] == '\'') {
          ++i;
          closed = true;
          break;
        } else {
          value.push_back(text[i++]);
        }
      }
      if (!closed) throw ConfigError("unterminated quoted string in connection info string");
    } else {
      while (i < text.size() && !is_space(text[i])) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value.push_back(text[i++]);
      }
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

Options parse_uri(std::string_view text) {
  std::string_view rest = text;
  if (rest.starts_with("postgresql://")) rest.remove_prefix(13);
  else if (rest.starts_with("postgres://")) rest.remove_prefix(11);
  else throw ConfigError("invalid URI: it must start with postgresql:// or postgres://");
  Options out;
  const auto authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const auto colon = userinfo.find(':');
    const std::string user = percent_decode(userinfo.substr(0, colon));
    if (!user.empty()) out.emplace_back("user", user);
    if (colon != std::string_view::npos) out.emplace_back("password", percent_decode(userinfo.substr(colon + 1)));
    authority = authority.substr(at + 1);
  }
  add_hosts(out, authority);
  if (rest.starts_with("/")) {
    const auto q = rest.find('?');
    const std::string_view db = rest.substr(1, q == std::string_view::npos ? rest.npos : q - 1);
    if (!db.empty()) out.emplace_back("dbname", percent_decode(db));
    rest = q == std::string_view::npos ? std::string_view{} : rest.substr(q);
  }
  if (rest.starts_with("?")) add_query(out, rest.substr(1), true, false);
  return out;
}

Options parse_target(std::string_view target) {
  if (is_uri(target)) return parse_uri(target);
  if (target.starts_with("tcp:") || target.starts_with("unix:")) return parse_ecpg_url(target);
  if (target.find('=') != std::string_view::npos) return parse_keyword_value(target);
  return parse_ecpg_name(target);
}

std::string redact_conninfo(std::string_view text) {
  static constexpr std::string_view mask = "********";
  std::string out(text);
  if (is_uri(text)) {
    const auto scheme_end = out.find("://") + 3;
    const auto authority_end = out.find_first_of("/?", scheme_end);
    const auto at = out.rfind('@', authority_end == std::string::npos ? out.npos : authority_end);
    if (at != std::string::npos && at >= scheme_end) {
      const auto colon = out.find(':', scheme_end);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, mask);
    }
  }
  // password=... and sslpassword=... in key=value strings, URI queries and ECPG options.
  for (std::size_t pos = 0; (pos = out.find("password", pos)) != std::string::npos;) {
    std::size_t i = pos + 8;
    while (i < out.size() && out[i] == ' ') ++i;
    if (i >= out.size() || out[i] != '=') {
      pos = i;
      continue;
    }
    ++i;
    while (i < out.size() && out[i] == ' ') ++i;
    std::size_t end = i;
    if (end < out.size() && out[end] == '\'') {
      ++end;
      while (end < out.size() && out[end] != '\'') end += out[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, out.size());
    } else {
      while (end < out.size() && !is_space(out[end]) && out[end] != '&') ++end;
    }
    out.replace(i, end - i, mask);
    pos = i + mask.size();
  }
  return out;
}

}  // namespace pgesql::conn
