#include "check/check_cache.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace pgesql::pp::check {
namespace {

std::string input_types(const checked_statement &s) {
  std::string t;
  for (const host_slot &h : s.inputs) t += (t.empty() ? "" : ",") + (h.type.empty() ? std::string("?") : h.type);
  return t;
}

// Values on one line: backslash, tab and newline escaped.
std::string escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string unescape(const std::string &s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string &line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    parts.push_back(unescape(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos) return parts;
    start = tab + 1;
  }
}

// A cache file may have been edited by hand: anything but a small whole number reads as 0.
int whole_number(const std::string &s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(s);
}

std::string entry_path(const std::string &dir, const checked_statement &s) {
  return dir + "/" + cache_key(s) + ".check";
}

bool make_directories(const std::string &dir) {
  for (std::size_t slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
    const std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

}  // namespace

std::string cache_key(const checked_statement &s) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const std::string &text) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  };
  mix(s.sql);
  mix("\n");
  mix(input_types(s));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool write_cache_entry(const std::string &dir, const checked_statement &s, const server_answer &a,
                       const server_identity &id, std::string &error) {
  if (!make_directories(dir)) {
    error = "could not create \"" + dir + "\": " + std::strerror(errno);
    return false;
  }
  std::ostringstream text;
  text << "# pgesql --check cache: what the server said about one statement (see docs/checking.md).\n"
       << "sql\t" << escape(s.sql) << "\n"
       << "inputs\t" << escape(input_types(s)) << "\n"
       << "server\t" << escape(id.version) << "\n"
       << "schema\t" << escape(id.schema) << "\n";
  if (!a.sqlstate.empty())
    text << "error\t" << escape(a.sqlstate) << "\t" << a.position << "\t" << escape(a.message) << "\n";
  for (const std::string &p : a.params) text << "param\t" << escape(p) << "\n";
  for (const column_fact &c : a.columns)
    text << "column\t" << escape(c.name) << "\t" << escape(c.base) << "\t" << escape(c.type) << "\t" << c.length
         << "\t" << c.nullable << "\n";
  const std::string path = entry_path(dir, s), tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text.str();
    if (!out.flush()) {
      error = "could not write \"" + tmp + "\": " + std::strerror(errno);
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "could not write \"" + path + "\": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::optional<server_answer> read_cache_entry(const std::string &dir, const checked_statement &s) {
  std::ifstream in(entry_path(dir, s), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return parse_cache_entry(text.str(), s.sql);
}

std::optional<server_answer> parse_cache_entry(const std::string &text, const std::string &sql) {
  server_answer a;
  bool same_sql = false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = split_tabs(line);
    if (f[0] == "sql" && f.size() == 2) same_sql = f[1] == sql;
    else if (f[0] == "error" && f.size() == 4) {
      a.sqlstate = f[1];
      a.position = whole_number(f[2]);
      a.message = f[3];
    } else if (f[0] == "param" && f.size() == 2) {
      a.params.push_back(f[1]);
    } else if (f[0] == "column" && f.size() == 6) {
      a.columns.push_back(column_fact{f[1], f[3], f[2], whole_number(f[4]), f[5]});
    }
  }
  if (!same_sql) return std::nullopt;  // a different statement with the same hash: not this one's answer
  return a;
}

}  // namespace pgesql::pp::check
