// libFuzzer target: the preprocessor's scanners and parser on arbitrary input.
// Any crash, hang or sanitizer report is a bug; diagnostics are expected.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "preprocess.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  pgesql::pp::Options opt;
  // The first byte picks the output language and compatibility mode.
  opt.lang = (data[0] & 1) ? pgesql::pp::OutputLang::Cxx : pgesql::pp::OutputLang::C;
  if (data[0] & 2) opt.compat = pgesql::pp::Compat::Informix;
  std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
  std::ostringstream diagnostics;
  pgesql::pp::preprocess_text(opt, "fuzz.pgc", text, diagnostics);
  return 0;
}
