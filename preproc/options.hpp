// Command-line options of the preprocessor (ecpg-compatible plus pgesql's own).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace pgesql::pp {

enum class OutputLang { C, Cxx };
enum class Compat { None, Informix, InformixSE, Oracle };
// What a static SQL statement PostgreSQL's grammar rejects is: an error (default), a
// warning (newer server syntax than the preprocessor's parser knows), or not checked.
enum class SqlSyntax { Error, Warning, Off };

struct Options {
  OutputLang lang = OutputLang::C;
  Compat compat = Compat::None;
  std::vector<std::string> inputs;
  std::string output;        // "-" for stdout; empty: derived from the input name
  std::string depfile;
  std::vector<std::string> include_dirs;
  std::vector<std::pair<std::string, std::string>> defines;  // -D NAME[=VALUE]
  bool autocommit = false;   // -t
  bool c_types = false;      // -c: EXEC SQL TYPE also emits a C typedef
  bool header = false;       // -h: input is a header
  bool system_includes = false;  // -i: search the system include path too
  bool rule_prepare = false;        // -r prepare
  bool rule_questionmarks = false;  // -r questionmarks
  bool rule_no_indicator = false;   // -r no_indicator
  SqlSyntax sql_syntax = SqlSyntax::Error;  // --sql-syntax=error|warning|off
  std::string check_conninfo;       // --check=CONNINFO: prepare and describe static SQL on that server
  std::string check_cache;          // --check-cache=DIR: record (with --check) or replay what the server said
  bool check_strict = false;        // --check-strict: check warnings and cache misses are errors
  std::string rule_readahead;       // -r readahead=N: every cursor without its own READAHEAD reads ahead N rows
  bool line_directives = true;
  bool regression = false;   // --regression (ecpg's test mode)

  int statement_flags() const;  // PGESQL_F_* for every statement descriptor
};

}  // namespace pgesql::pp
