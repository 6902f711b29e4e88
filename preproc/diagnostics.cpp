#include "diagnostics.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace pgesql::pp {

Diagnostics::Diagnostics(std::ostream &out) : out_(out) {}

int Diagnostics::add_file(const std::string &name, const std::string *text) {
  files_.push_back({name, text});
  return static_cast<int>(files_.size()) - 1;
}

const std::string &Diagnostics::file_name(int file) const { return files_.at(file).name; }

void Diagnostics::error(const Pos &at, const std::string &message) {
  ++errors_;
  if (errors_ <= max_errors_) report(at, "error", message);
  if (errors_ == max_errors_) out_ << "pgesql: too many errors, stopping\n";
}

void Diagnostics::warning(const Pos &at, const std::string &message) { report(at, "warning", message); }

void Diagnostics::note(const Pos &at, const std::string &message) { report(at, "note", message); }

void Diagnostics::fatal(const std::string &message) {
  ++errors_;
  out_ << "pgesql: error: " << message << '\n';
}

void Diagnostics::report(const Pos &at, const char *severity, const std::string &message) {
  // Built whole and written once: std::cerr is unbuffered, and a check of a big file can
  // report tens of thousands of diagnostics.
  std::string text;
  if (at.file < 0 || at.file >= static_cast<int>(files_.size())) {
    text.append("pgesql: ").append(severity).append(": ").append(message).append("\n");
    out_ << text;
    return;
  }
  const File &f = files_[at.file];
  text.append(f.name).append(":").append(std::to_string(at.line)).append(":").append(std::to_string(at.col));
  text.append(": ").append(severity).append(": ").append(message).append("\n");
  if (f.text && at.off <= f.text->size()) {
    // The caret line: the whole source line, then a caret under the column (tabs kept for alignment).
    std::size_t start = f.text->rfind('\n', at.off == 0 ? 0 : at.off - 1);
    start = (start == std::string::npos || at.off == 0) ? 0 : start + 1;
    if (at.off > 0 && (*f.text)[at.off - 1] == '\n') start = at.off;
    // A NUL may stand in for the newline while the scanner holds the text in place.
    std::size_t end = f.text->find_first_of(std::string_view("\n\0", 2), start);
    if (end == std::string::npos) end = f.text->size();
    text.append(" ").append(*f.text, start, end - start).append("\n ");
    for (std::size_t i = start; i < at.off && i < end; ++i) text += (*f.text)[i] == '\t' ? '\t' : ' ';
    text.append("^\n");
  }
  out_ << text;
}

}  // namespace pgesql::pp
