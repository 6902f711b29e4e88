// Command-line parsing for pgesql (ecpg's options plus --lang and --depfile).
#pragma once
#include <iosfwd>
#include <string>

#include "options.hpp"

namespace pgesql::pp {

enum class CliAction { Run, Help, Version, Verbose, Error };

CliAction parse_command_line(int argc, char **argv, Options &opt, std::ostream &err);
const char *help_text();
// foo.pgc -> foo.c (foo.cpp for C++, foo.h with -h), as ecpg names its outputs.
std::string default_output_name(const std::string &input, const Options &opt);

}  // namespace pgesql::pp
