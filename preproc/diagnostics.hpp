// Compiler-style diagnostics: "file:line:col: error: msg", the source line and a caret.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "location.hpp"

namespace pgesql::pp {

class Diagnostics {
 public:
  explicit Diagnostics(std::ostream &out);

  // Registers a source file; the text must outlive this object (for the caret line).
  int add_file(const std::string &name, const std::string *text);
  const std::string &file_name(int file) const;

  void error(const Pos &at, const std::string &message);
  void warning(const Pos &at, const std::string &message);
  void note(const Pos &at, const std::string &message);
  // Errors without a place in a source file (command line, output file).
  void fatal(const std::string &message);

  int errors() const { return errors_; }
  bool too_many() const { return errors_ >= max_errors_; }

 private:
  void report(const Pos &at, const char *severity, const std::string &message);

  struct File {
    std::string name;
    const std::string *text;
  };
  std::ostream &out_;
  std::vector<File> files_;
  int errors_ = 0;
  int max_errors_ = 50;
};

}  // namespace pgesql::pp
