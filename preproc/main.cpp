// pgesql: the embedded-SQL preprocessor's command line (ecpg-compatible where it matters).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli.hpp"
#include "preprocess.hpp"

namespace {

using pgesql::pp::Options;

bool write_file(const std::string &path, const std::string &text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    if (!out.flush()) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::string escape_make(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char **argv) {
  Options opt;
  pgesql::pp::CliAction action = pgesql::pp::parse_command_line(argc, argv, opt, std::cerr);
  switch (action) {
    case pgesql::pp::CliAction::Help:
      std::cout << pgesql::pp::help_text();
      return 0;
    case pgesql::pp::CliAction::Version:
      std::cout << "pgesql " PGESQL_VERSION_STRING "\n";
      return 0;
    case pgesql::pp::CliAction::Verbose:
      std::cout << "pgesql " PGESQL_VERSION_STRING "\nruntime connection features: " PGESQL_RUNTIME_FEATURES
                   "\nEXEC SQL INCLUDE ... search starts here:\n";
      for (const auto &d : opt.include_dirs) std::cout << " " << d << "\n";
      if (opt.system_includes) std::cout << " /usr/local/include\n /usr/include\n";
      std::cout << "end of search list\n";
      if (opt.inputs.empty()) return 0;
      break;
    case pgesql::pp::CliAction::Error: return 2;
    case pgesql::pp::CliAction::Run: break;
  }

  // With -o, all inputs go into one output (and share DEFINEs), as with ecpg.
  std::vector<Options> runs;
  if (!opt.output.empty()) {
    runs.push_back(opt);
  } else {
    for (const auto &in : opt.inputs) {
      Options one = opt;
      one.inputs = {in};
      one.output = pgesql::pp::default_output_name(in, opt);
      runs.push_back(one);
    }
  }
  int status = 0;
  for (const Options &run : runs) {
    // Stream into OUTFILE.tmp and rename on success: no output is left behind on errors.
    bool to_stdout = run.output == "-";
    std::string tmp = run.output + ".tmp";
    std::ofstream file;
    if (!to_stdout) {
      file.open(tmp, std::ios::binary | std::ios::trunc);
      if (!file) {
        // the name the user asked for, not the temporary file written first
        std::cerr << "pgesql: error: could not write \"" << run.output << "\": " << std::strerror(errno) << "\n";
        status = 1;
        continue;
      }
    }
    std::ostringstream buffered;  // stdout gets the code only when there were no errors
    pgesql::pp::Result r = pgesql::pp::preprocess(run, std::cerr, to_stdout ? static_cast<std::ostream *>(&buffered) : &file);
    if (!to_stdout) file.close();
    if (r.errors > 0) {
      std::cerr << "pgesql: " << r.errors << (r.errors == 1 ? " error" : " errors") << ", no output written\n";
      if (!to_stdout) std::remove(tmp.c_str());
      status = 1;
      continue;
    }
    bool written = to_stdout ? write_file("-", buffered.str())
                             : (!file.fail() && std::rename(tmp.c_str(), run.output.c_str()) == 0);
    if (!written) {
      std::cerr << "pgesql: error: could not write \"" << run.output << "\": " << std::strerror(errno) << "\n";
      if (!to_stdout) std::remove(tmp.c_str());
      status = 1;
      continue;
    }
    if (!run.depfile.empty()) {
      std::string dep = escape_make(run.output) + ":";
      // appended piecewise: "x" + std::string&& trips GCC 12's -Wrestrict at -O3 (a false positive)
      for (const auto &in : run.inputs) dep.append(" ").append(escape_make(in));
      for (const auto &d : r.dependencies) dep.append(" ").append(escape_make(d));
      dep += "\n";
      if (!write_file(run.depfile, dep)) {
        std::cerr << "pgesql: error: could not write \"" << run.depfile << "\": " << std::strerror(errno) << "\n";
        status = 1;
      }
    }
  }
  return status;
}
