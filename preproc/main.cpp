// pgesql: the embedded-SQL preprocessor's command line (ecpg-compatible where it matters).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
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
      std::cout << "pgesql " PGESQL_VERSION_STRING "\nEXEC SQL INCLUDE ... search starts here:\n";
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
    pgesql::pp::Result r = pgesql::pp::preprocess(run, std::cerr);
    if (r.errors > 0) {
      std::cerr << "pgesql: " << r.errors << (r.errors == 1 ? " error" : " errors") << ", no output written\n";
      if (run.output != "-") std::remove(run.output.c_str());
      status = 1;
      continue;
    }
    if (!write_file(run.output, r.code)) {
      std::cerr << "pgesql: error: could not write \"" << run.output << "\": " << std::strerror(errno) << "\n";
      status = 1;
      continue;
    }
    if (!run.depfile.empty()) {
      std::string dep = escape_make(run.output) + ":";
      for (const auto &in : run.inputs) dep += " " + escape_make(in);
      for (const auto &d : r.dependencies) dep += " " + escape_make(d);
      dep += "\n";
      if (!write_file(run.depfile, dep)) {
        std::cerr << "pgesql: error: could not write \"" << run.depfile << "\"\n";
        status = 1;
      }
    }
  }
  return status;
}
