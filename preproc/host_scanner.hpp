// The host-language scanner (scanner.l): passes C/C++ text through and hands
// every EXEC SQL ... ; statement to the preprocessor.
#pragma once
#include <string>
#include <string_view>

#include "location.hpp"

namespace pgesql::pp {

// What the host scanner reports, in source order.
class HostSink {
 public:
  virtual ~HostSink() = default;
  virtual void host_text(std::string_view text, Pos at) = 0;
  virtual void open_brace(Pos at) = 0;
  virtual void close_brace(Pos at) = 0;
  // text: the statement after "EXEC SQL" up to (not including) the ';'.
  virtual void exec_sql(std::string_view text, Pos exec_at, Pos text_at, Pos end) = 0;
  // Identifier in host text: returns the replacement (an EXEC SQL DEFINE) or nullptr.
  virtual const std::string *define_for(std::string_view ident) = 0;
  virtual void scan_error(Pos at, const std::string &message) = 0;
  // A # line of the host program (passed through unless it is an #include to read).
  virtual void pp_line(std::string_view text, Pos at) = 0;
  // C++ only: a `using ...;` or `typedef ...;` of the host program (also passed on as host
  // text), and the `{` of a namespace (in place of open_brace: a namespace is no block scope).
  virtual void cxx_declaration(std::string_view text, Pos at) = 0;
  virtual void open_namespace(Pos at) = 0;
};

// cplusplus: C++ raw strings; informix: "$statement;" as well as "EXEC SQL statement;".
// The text is scanned in place; it is unchanged afterwards.
void scan_host(std::string &text, int file, bool cplusplus, bool informix, HostSink &sink);

}  // namespace pgesql::pp
