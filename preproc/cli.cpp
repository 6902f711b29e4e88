#include "cli.hpp"

#include <cstring>
#include <ostream>
#include <string>

namespace pgesql::pp {
namespace {

// A window cap as READAHEAD n takes it: a whole number from 1 to 999999999.
bool readahead_rows(const std::string &v) {
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  return std::stol(v) >= 1;
}

bool set_lang(const std::string &v, Options &opt, std::ostream &err) {
  if (v == "c" || v == "C") opt.lang = OutputLang::C;
  else if (v == "c++" || v == "C++" || v == "cxx" || v == "CXX") opt.lang = OutputLang::Cxx;
  else return err << "pgesql: --lang must be c or c++, not \"" << v << "\"\n", false;
  return true;
}

bool set_sql_syntax(const std::string &v, Options &opt, std::ostream &err) {
  if (v == "error") opt.sql_syntax = SqlSyntax::Error;
  else if (v == "warning") opt.sql_syntax = SqlSyntax::Warning;
  else if (v == "off") opt.sql_syntax = SqlSyntax::Off;
  else return err << "pgesql: --sql-syntax must be error, warning or off, not \"" << v << "\"\n", false;
  return true;
}

bool set_compat(const std::string &v, Options &opt, std::ostream &err) {
  if (v == "INFORMIX") opt.compat = Compat::Informix;
  else if (v == "INFORMIX_SE") opt.compat = Compat::InformixSE;
  else if (v == "ORACLE") opt.compat = Compat::Oracle;
  else return err << "pgesql: unknown compatibility mode \"" << v << "\" (expected INFORMIX, INFORMIX_SE or ORACLE)\n", false;
  return true;
}

bool set_rule(const std::string &v, Options &opt, std::ostream &err) {
  if (v == "no_indicator") opt.rule_no_indicator = true;
  else if (v == "prepare") opt.rule_prepare = true;
  else if (v == "questionmarks") opt.rule_questionmarks = true;
  else if (v.rfind("readahead=", 0) == 0 && readahead_rows(v.substr(10))) opt.rule_readahead = v.substr(10);
  else if (v.rfind("readahead", 0) == 0)
    return err << "pgesql: -r readahead=N needs a whole number of rows from 1 to 999999999, not \"" << v << "\"\n", false;
  else
    return err << "pgesql: unknown -r option \"" << v << "\" (expected no_indicator, prepare, questionmarks or readahead=N)\n",
           false;
  return true;
}

bool ends_with(const std::string &s, const char *suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Without --lang, C++ sources (.pgcc, .pgcpp, .pgc++) give C++ output, as the CMake function does.
void infer_lang(Options &opt) {
  for (const std::string &in : opt.inputs)
    if (ends_with(in, ".pgcc") || ends_with(in, ".pgcpp") || ends_with(in, ".pgc++")) opt.lang = OutputLang::Cxx;
}

// What the options ask must be possible together; false with the reason on `err`.
bool options_fit_together(const Options &opt, std::ostream &err) {
  if (opt.inputs.empty()) {
    err << "pgesql: no input files specified\nTry \"pgesql --help\" for more information.\n";
    return false;
  }
  if (!opt.depfile.empty() && (opt.output.empty() || opt.output == "-")) {
    err << "pgesql: --depfile needs -o OUTFILE\n";
    return false;
  }
  if (opt.check_strict && opt.check_conninfo.empty() && opt.check_cache.empty()) {
    err << "pgesql: --check-strict needs --check or --check-cache\n";
    return false;
  }
  return true;
}

}  // namespace

const char *help_text() {
  return "pgesql is the embedded SQL preprocessor for C and C++ programs.\n"
         "\n"
         "Usage:\n"
         "  pgesql [OPTION]... FILE...\n"
         "\n"
         "Options:\n"
         "  --lang=c|c++   language of the generated code (default: c++ for .pgcc, .pgcpp\n"
         "                 and .pgc++ files, else c)\n"
         "  -o OUTFILE     write the result to OUTFILE (\"-\" for standard output); with\n"
         "                 several input files, all of them go into OUTFILE\n"
         "  -I DIRECTORY   search DIRECTORY for EXEC SQL INCLUDE files\n"
         "  -D SYMBOL[=VALUE]\n"
         "                 define SYMBOL for EXEC SQL IFDEF and substitution\n"
         "  -c             also emit a C typedef for EXEC SQL TYPE\n"
         "  -C MODE        compatibility mode: INFORMIX, INFORMIX_SE or ORACLE\n"
         "  -r OPTION      runtime behavior: no_indicator, prepare, questionmarks, or readahead=N\n"
         "                 (every cursor without its own READAHEAD reads ahead N rows)\n"
         "  -t             turn on autocommit of transactions\n"
         "  -h             parse a header file (output FILE.h; implies -c)\n"
         "  -i             also read #include'd files found on the -I path\n"
         "  --sql-syntax=error|warning|off\n"
         "                 what a static SQL statement PostgreSQL's grammar rejects is\n"
         "                 (default: error; warning for syntax newer than this parser)\n"
         "  --check=CONNINFO\n"
         "                 prepare and describe every static statement on that server\n"
         "                 (never executing it) and report mismatches with the host variables\n"
         "  --check-cache=DIR\n"
         "                 with --check, record what the server said in DIR; without it,\n"
         "                 replay DIR offline and report the same diagnostics\n"
         "  --check-strict treat check warnings and statements missing from the cache as errors\n"
         "  --depfile FILE write a Makefile dependency rule for the output to FILE\n"
         "  --regression   ecpg's regression-test mode (ECPGdebug logs without\n"
         "                 run-dependent details)\n"
         "  -v             show the include search path, then continue\n"
         "  --version      show the version and exit\n"
         "  -?, --help     show this help and exit\n"
         "\n"
         "Without -o, FILE.pgc is written to FILE.c (FILE.cpp with --lang=c++).\n";
}

std::string default_output_name(const std::string &input, const Options &opt) {
  std::string base = input;
  std::size_t slash = base.find_last_of('/');
  std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) base.resize(dot);
  if (opt.header) return base + ".h";
  return base + (opt.lang == OutputLang::Cxx ? ".cpp" : ".c");
}

CliAction parse_command_line(int argc, char **argv, Options &opt, std::ostream &err) {
  bool verbose = false, lang_given = false;
  auto value = [&](int &i, const char *arg, std::size_t prefix, const char *what, std::string &out) {
    if (std::strlen(arg) > prefix) {
      out = arg + prefix;
      return true;
    }
    if (i + 1 >= argc) {
      err << "pgesql: option " << what << " needs an argument\n";
      return false;
    }
    out = argv[++i];
    return true;
  };
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    std::string v;
    if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-?") == 0) return CliAction::Help;
    if (std::strcmp(a, "--version") == 0) return CliAction::Version;
    if (std::strcmp(a, "--regression") == 0) {
      opt.regression = true;
      continue;
    }
    if (std::strncmp(a, "--lang=", 7) == 0 || std::strcmp(a, "--lang") == 0) {
      if (!value(i, a, 7, "--lang", v) || !set_lang(v, opt, err)) return CliAction::Error;
      lang_given = true;
      continue;
    }
    if (std::strncmp(a, "--sql-syntax=", 13) == 0 || std::strcmp(a, "--sql-syntax") == 0) {
      if (!value(i, a, 13, "--sql-syntax", v) || !set_sql_syntax(v, opt, err)) return CliAction::Error;
      continue;
    }
    // --check-cache and --check-strict first: --check is a prefix of both
    if (std::strncmp(a, "--check-cache=", 14) == 0 || std::strcmp(a, "--check-cache") == 0) {
      if (!value(i, a, 14, "--check-cache", v)) return CliAction::Error;
      opt.check_cache = v;
      continue;
    }
    if (std::strcmp(a, "--check-strict") == 0) {
      opt.check_strict = true;
      continue;
    }
    if (std::strncmp(a, "--check=", 8) == 0 || std::strcmp(a, "--check") == 0) {
      if (!value(i, a, 8, "--check", v)) return CliAction::Error;
      if (v.empty()) return err << "pgesql: --check needs a connection target\n", CliAction::Error;
      opt.check_conninfo = v;
      continue;
    }
    if (std::strncmp(a, "--depfile", 9) == 0) {
      if (!value(i, a, a[9] == '=' ? 10 : 9, "--depfile", v)) return CliAction::Error;
      opt.depfile = v;
      continue;
    }
    if (a[0] != '-' || a[1] == '\0') {
      opt.inputs.push_back(a);
      continue;
    }
    switch (a[1]) {
      case 'o':
        if (!value(i, a, 2, "-o", v)) return CliAction::Error;
        opt.output = v;
        break;
      case 'I':
        if (!value(i, a, 2, "-I", v)) return CliAction::Error;
        opt.include_dirs.push_back(v);
        break;
      case 'D': {
        if (!value(i, a, 2, "-D", v)) return CliAction::Error;
        std::size_t eq = v.find('=');
        if (eq == std::string::npos) opt.defines.emplace_back(v, "1");
        else opt.defines.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        break;
      }
      case 'C':
        if (!value(i, a, 2, "-C", v) || !set_compat(v, opt, err)) return CliAction::Error;
        break;
      case 'r':
        if (!value(i, a, 2, "-r", v) || !set_rule(v, opt, err)) return CliAction::Error;
        break;
      case 'c': opt.c_types = true; break;
      case 't': opt.autocommit = true; break;
      case 'h': opt.header = opt.c_types = true; break;
      case 'i': opt.system_includes = true; break;
      case 'v': verbose = true; break;
      default:
        err << "pgesql: unknown option \"" << a << "\"\nTry \"pgesql --help\" for more information.\n";
        return CliAction::Error;
    }
  }
  if (verbose) return CliAction::Verbose;
  if (!options_fit_together(opt, err)) return CliAction::Error;
  if (!lang_given) infer_lang(opt);
  return CliAction::Run;
}

}  // namespace pgesql::pp
