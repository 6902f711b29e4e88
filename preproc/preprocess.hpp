// The preprocessor as a library call: inputs and options in, generated text out.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "options.hpp"

namespace pgesql::pp {

struct Result {
  std::string code;                       // generated C or C++
  std::vector<std::string> dependencies;  // files pulled in by EXEC SQL INCLUDE
  int errors = 0;
};

// Preprocesses opt.inputs in order (sharing DEFINEs and declarations, as ecpg
// does with several inputs and one -o), writing diagnostics to `diagnostics`.
// With `out`, the code streams there (Result::code stays empty).
Result preprocess(const Options &opt, std::ostream &diagnostics, std::ostream *out = nullptr);

// Preprocesses text given in memory (tests, fuzzing); `name` is used in messages.
Result preprocess_text(const Options &opt, const std::string &name, const std::string &text,
                       std::ostream &diagnostics);

}  // namespace pgesql::pp
