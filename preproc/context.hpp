// The preprocessor context: one object holding the file stack, diagnostics,
// symbols, options, EXEC SQL DEFINEs and conditionals, and the output being built.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ast.hpp"
#include "check/schema_check.hpp"
#include "codegen.hpp"
#include "diagnostics.hpp"
#include "host_scanner.hpp"
#include "options.hpp"
#include "output.hpp"
#include "symbols.hpp"

namespace pgesql::pp {

class Driver;

class Context : public HostSink {
 public:
  // out: where the generated code streams to (nullptr: kept for output()).
  Context(const Options &opt, Diagnostics &diag, std::ostream *out = nullptr);
  ~Context() override;

  // Preprocesses one input file, appending the generated code to output().
  void process_input(const std::string &path);
  // Same for text already in memory (tests, fuzzing).
  void process_text(const std::string &name, const std::string &text);
  const std::string &output() const { return out_.text(); }
  void write(std::string_view text) { out_.append(text); }
  void finish() { out_.flush(); }
  const std::vector<std::string> &dependencies() const { return deps_; }
  const std::vector<check::checked_statement> &checked_statements() const { return codegen_.checked(); }

  const Options &opt;
  Diagnostics &diag;
  Symbols symbols;

  // Called by the declaration grammar as each declaration is reduced, so that
  // typedef names are known to the token feed right away.
  void declare(const Declaration &d);
  // The type a declaration spec and declarator denote (nullptr after an error).
  TypeP resolve_base(const DeclSpec &spec, const Pos &at);
  TypeP resolve_declarator(TypeP base, const Declarator &d);
  const std::string *define_value(const std::string &name) const;

  // HostSink
  void host_text(std::string_view text, Pos at) override;
  void open_brace(Pos at) override;
  void close_brace(Pos at) override;
  void exec_sql(std::string_view text, Pos exec_at, Pos text_at, Pos end) override;
  const std::string *define_for(std::string_view ident) override;
  void scan_error(Pos at, const std::string &message) override;
  void pp_line(std::string_view text, Pos at) override;
  void cxx_declaration(std::string_view text, Pos at) override;
  void open_namespace(Pos at) override;

  // cxx_names.cpp: C++ using-directives, using-declarations, aliases and typedefs of C++
  // types. note_cxx_declaration reads one such declaration (true when it was one);
  // qualify_std_names writes std:: before standard type names under `using namespace std`.
  bool note_cxx_declaration(const std::vector<Tok> &toks);
  void qualify_std_names(std::vector<Tok> &toks) const;
  TypeP type_of_tokens(std::vector<Tok> toks);

 private:
  struct File {
    std::string path;   // as opened
    std::string shown;  // as written in #line and diagnostics
    std::string text;
    int id;
  };
  struct Conditional {
    bool active;      // this branch is being kept
    bool taken;       // some branch of this IFDEF was kept
    bool else_seen;
    Pos at;
  };

  void process_file(const std::string &path, const std::string &shown, Pos included_at);
  void process_loaded(File &f, bool included);
  std::vector<Tok> expand_defines(std::vector<Tok> toks, bool c_mode, int depth = 0);
  TypeP record_type(const DeclSpec &spec);
  TypeP cxx_type(const std::string &spelling);
  void flush_declarations();
  void emit_declarations(const std::string &text, Pos start);
  void parse_declarations(std::vector<Tok> toks);
  static bool pp_include_name(const std::string &line, std::string *name, bool *angle);
  // Reads an include file in place; false when it was not found (quiet: no error).
  bool include_file(const std::string &name, bool angle, Pos at, Pos end, bool quiet);
  bool skipping() const;
  // directives.cpp
  bool directive(const Stmt &s);
  void include(const Stmt &s);
  std::string find_include(const std::string &name, bool angle, const std::string &from_dir) const;
  void line_directive(int line, int file);
  void emit_code(const std::string &code);

  std::deque<File> files_;
  std::vector<int> file_stack_;
  Output out_;
  int out_file_ = -1;  // source position of the output's current line
  int out_line_ = -1;
  std::vector<std::string> deps_;
  std::map<std::string, std::string> defines_;
  std::vector<Conditional> conds_;
  Codegen codegen_;
  std::unique_ptr<Driver> driver_;
  std::unique_ptr<check::cache_replay> replay_;
  friend class Codegen;
  bool in_declare_ = false;
  Pos declare_at_;
  std::string decl_text_;
  Pos decl_start_;
  bool decl_started_ = false;
  std::vector<int> namespace_depths_;
  // cxx_members.cpp: class members visible in member functions defined outside the class
  void note_brace_text(std::string_view text);
  void enter_class_or_member_block();
  void leave_class_or_member_block();
  std::string brace_text_;                   // host text since the last ; { or }
  std::vector<std::string> block_classes_;   // per open block: the class whose body it is, or ""
  std::map<std::string, std::vector<Symbol>> class_members_;  // host variables each class body declared  // symbol depth at each open namespace's '{'
};

// A standard type name that `using namespace std;` lets a program write unqualified.
bool is_std_type_name(std::string_view name);

}  // namespace pgesql::pp
