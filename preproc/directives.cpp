// EXEC SQL INCLUDE / DEFINE / UNDEF / IFDEF / IFNDEF / ELIF / ELSE / ENDIF.
#include <filesystem>

#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {
namespace fs = std::filesystem;

namespace {

// Headers the runtime installs: included with #include instead of being read.
bool is_runtime_header(const std::string &name) {
  static const char *const names[] = {"sqlca", "sqlda", "sqlda-native", "sqlda-compat", "sql3types",
                                      "sqltypes", "pgtypes_numeric", "pgtypes_date", "pgtypes_timestamp",
                                      "pgtypes_interval", "pgtypes_error", "pgtypes", "ecpglib",
                                      "ecpgerrno", "ecpgtype", "ecpg_informix", "ecpg_config"};
  std::string base = name;
  if (base.size() > 2 && base.compare(base.size() - 2, 2, ".h") == 0) base.resize(base.size() - 2);
  for (const char *n : names)
    if (base == n) return true;
  return false;
}

}  // namespace

bool Context::directive(const Stmt &s) {
  switch (s.kind) {
    case Stmt::Ifdef:
    case Stmt::Ifndef: {
      bool outer = !skipping();
      bool defined = define_value(s.text) != nullptr;
      bool keep = outer && (s.kind == Stmt::Ifdef ? defined : !defined);
      conds_.push_back(Conditional{keep, keep || !outer, false, s.loc.begin});
      return true;
    }
    case Stmt::Elif:
    case Stmt::Else: {
      const char *what = s.kind == Stmt::Elif ? "ELIF" : "ELSE";
      if (conds_.empty()) {
        diag.error(s.loc.begin, std::string("EXEC SQL ") + what + " without EXEC SQL IFDEF or IFNDEF");
        return true;
      }
      Conditional &c = conds_.back();
      if (c.else_seen) {
        diag.error(s.loc.begin, std::string("EXEC SQL ") + what + " after EXEC SQL ELSE");
        return true;
      }
      bool cond = s.kind == Stmt::Else || define_value(s.text) != nullptr;
      if (s.kind == Stmt::Else) c.else_seen = true;
      c.active = !c.taken && cond;
      if (c.active) c.taken = true;
      return true;
    }
    case Stmt::Endif:
      if (conds_.empty()) diag.error(s.loc.begin, "EXEC SQL ENDIF without EXEC SQL IFDEF or IFNDEF");
      else conds_.pop_back();
      return true;
    default: break;
  }
  if (skipping()) return s.kind == Stmt::Include || s.kind == Stmt::Define || s.kind == Stmt::Undef;
  switch (s.kind) {
    case Stmt::Define: {
      std::string value;
      for (const Tok &t : s.tokens) value += (value.empty() || !t.space_before ? "" : " ") + t.text;
      defines_[s.text] = value;
      return true;
    }
    case Stmt::Undef:
      defines_.erase(s.text);
      return true;
    case Stmt::Include:
      include(s);
      return true;
    default: return false;
  }
}

void Context::include(const Stmt &s) {
  std::string name;
  bool angle = false;
  if (s.tokens.size() == 1 && (s.tokens[0].lex == Lex::QIdent || s.tokens[0].lex == Lex::String)) {
    name = s.tokens[0].text.substr(1, s.tokens[0].text.size() - 2);
  } else {
    for (const Tok &t : s.tokens) name += t.text;
    if (name.size() > 2 && name.front() == '<' && name.back() == '>') {
      angle = true;
      name = name.substr(1, name.size() - 2);
    }
  }
  if (name.empty()) {
    diag.error(s.loc.begin, "EXEC SQL INCLUDE needs a file name");
    return;
  }
  include_file(name, angle, s.loc.begin, s.loc.end, false);
}

bool Context::pp_include_name(const std::string &line, std::string *name, bool *angle) {
  std::size_t i = line.find('#');
  if (i == std::string::npos) return false;
  i = line.find_first_not_of(" \t", i + 1);
  if (i == std::string::npos || line.compare(i, 7, "include") != 0) return false;
  i = line.find_first_not_of(" \t", i + 7);
  if (i == std::string::npos || (line[i] != '"' && line[i] != '<')) return false;
  char close = line[i] == '"' ? '"' : '>';
  std::size_t j = line.find(close, i + 1);
  if (j == std::string::npos) return false;
  *angle = close == '>';
  *name = line.substr(i + 1, j - i - 1);
  return true;
}

bool Context::include_file(const std::string &name, bool angle, Pos at, Pos end, bool quiet) {
  std::string from_dir;
  for (const File &f : files_)
    if (f.id == file_stack_.back()) from_dir = fs::path(f.path).parent_path().string();
  std::string found = find_include(name, angle, from_dir);
  if (found.empty() && is_runtime_header(name)) {
    if (quiet) return false;
    std::string header = name.find('.') == std::string::npos ? name + ".h" : name;
    line_directive(at.line, at.file);
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    emit_code("#include <" + header + ">\n");
    line_directive(end.line, end.file);
    return true;
  }
  if (found.empty()) {
    if (!quiet) diag.error(at, "could not open include file \"" + name + "\"");
    return false;
  }
  if (file_stack_.size() > 64) {
    diag.error(at, "EXEC SQL INCLUDE nested too deeply (recursive include?)");
    return true;
  }
  process_file(found, found, at);
  line_directive(end.line, end.file);
  return true;
}

std::string Context::find_include(const std::string &name, bool angle, const std::string &from_dir) const {
  std::vector<std::string> candidates{name};
  if (name.size() < 2 || name.compare(name.size() - 2, 2, ".h") != 0) candidates.push_back(name + ".h");
  std::vector<std::string> dirs;
  if (!angle) dirs.push_back(from_dir.empty() ? "." : from_dir);
  for (const auto &d : opt.include_dirs) dirs.push_back(d);
  std::error_code ec;
  if (fs::path(name).is_absolute()) {
    for (const auto &c : candidates)
      if (fs::is_regular_file(c, ec)) return c;
    return {};
  }
  for (const auto &d : dirs) {
    // The runtime's own headers are included, never read, even when a -I dir has them.
    if (is_runtime_header(name)) return {};
    for (const auto &c : candidates) {
      fs::path p = fs::path(d) / c;
      if (fs::is_regular_file(p, ec)) return p.lexically_normal().string();
    }
  }
  return {};
}

}  // namespace pgesql::pp
