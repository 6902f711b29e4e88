// Runs the Bison parser over the tokens of one embedded statement or of one
// declare-section chunk; owns the token feed (keywords, typedef names, DEFINEs).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ast.hpp"
#include "esql.hpp"
#include "token.hpp"

namespace pgesql::pp {

class Context;

class Driver {
 public:
  enum class Mode { Statement, Declarations };

  explicit Driver(Context &ctx);
  ~Driver();
  // Parses one statement or declaration chunk; false when a syntax error was
  // reported. One driver and parser serve the whole run (the parser's stack is
  // allocated once), so results are taken before the next parse.
  bool parse(std::vector<Tok> tokens, Mode mode, Span whole);

  Stmt stmt;                          // Statement mode: the result
  std::vector<Declaration> decls;     // Declarations mode: the results, in order
  Value at;                           // AT connection of the statement

  // ---- called by the grammar ----
  Parser::symbol_type next();
  void error(const Span &at, const std::string &message);
  Value literal(const std::string &text, const Span &at);
  HostRef host(const std::string &text, const Span &at);
  Value host_value(const HostRef &ref);
  void add_indicator(HostRef &ref, const std::string &text, const Span &at);
  std::string unquote(const std::string &text, const Span &at);
  Value connect_target(const std::vector<std::string> &pieces, const Span &at);
  void split_user();
  void cursor_options(const std::vector<Tok> &before, const std::vector<Tok> &after);
  static std::string lower(const std::string &s);
  Tok token(const std::string &text, const Span &at);
  void do_action(std::vector<Tok> tokens);
  void wait_for_notification(const std::string &wait, const Span &wait_at, const std::string &notification,
                             const Span &notification_at, std::vector<HostRef> &&into);
  void wait_timeout(const std::string &word, const Span &at, const Value &timeout);
  void declaration(Declaration &&d);
  void keep_text(const std::string &s);
  // C++: the text between the parentheses of `T name(...)` reads as arguments (a literal, a
  // variable, an expression), so it is direct-initialization, not a function declaration.
  bool direct_init_arguments(const std::string &items) const;
  std::string take_text();
  void add_type_word(DeclSpec &spec, const std::string &word, const Span &at);
  void add_named_type(DeclSpec &spec, const std::string &name, const Span &at);
  void add_cxx_type(DeclSpec &spec, const std::string &name, const Span &at);
  void add_record(DeclSpec &spec, DeclSpec &&record, const Span &at);
  std::vector<std::string> dims;
  bool reference = false;  // EXEC SQL TYPE ... REFERENCE

 private:
  Parser::symbol_type keyword_or_ident(const Tok &t, const Span &at);

  void reset(std::vector<Tok> tokens, Mode mode, Span whole);
  void take_batch_rows();
  void take_copy_stream();
  void read_cxx_names();

  Context &ctx_;
  std::unique_ptr<Parser> parser_;
  std::vector<Tok> toks_;
  std::size_t next_ = 0;
  bool started_ = false;
  Mode mode_;
  Span whole_;
  bool errors_ = false;
  bool type_seen_ = false;   // C mode: a type specifier was seen in this declaration
  bool after_tag_kw_ = false;  // C mode: the previous token was struct/union/enum
  int paren_depth_ = 0;
  std::string kept_;
};

// C++ output: a qualified name with its template arguments (std::vector<std::string>,
// std::chrono::system_clock::time_point) becomes one identifier token whose text
// contains "::"; the token feed turns it into a C++ type.
void collapse_qualified_names(std::vector<Tok> &toks);

}  // namespace pgesql::pp
