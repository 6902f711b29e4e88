// Emits C/C++ for embedded statements and declarations: one static statement
// descriptor, the host-variable arrays, one runtime call, then the WHENEVER checks.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "check/check_facts.hpp"
#include "sema/positioned_cursors.hpp"
#include "sema/syntax_check.hpp"
#include "types.hpp"

namespace pgesql::pp {

class Context;

class Codegen {
 public:
  explicit Codegen(Context &ctx) : ctx_(ctx) {}

  // The code replacing one statement (empty when it emits nothing).
  std::string statement(const Stmt &s, const Value &at, const std::string &file);
  // C text of a declaration from a declare section (VARCHAR and bytea rewritten).
  std::string declaration(const Declaration &d);
  // A source file about to be processed: the cursors its statements position on.
  void note_source(std::string_view text) { positioned_.add(sema::find_positioned_cursors(text)); }
  // The static statements for --check / --check-cache, in source order.
  const std::vector<check::checked_statement> &checked() const { return checked_; }
  // Hands over the statements recorded so far (the offline check judges them as they come).
  std::vector<check::checked_statement> take_checked() { return std::exchange(checked_, {}); }

 private:
  struct VarDesc {  // one pgesql_var, as C expressions
    std::string type, addr, size, count, stride;
  };
  struct Action {
    std::string kind;  // "" (continue), sqlprint, stop, goto, break, do continue, call
    std::string text;
  };
  struct Cursor {
    std::string options;  // "scroll cursor with hold" etc.
    Value readahead;      // READAHEAD n / :v / NO READAHEAD ("1"), or kind None
    Value at;
    std::vector<std::string> inputs;   // pgesql_var initializers bound at OPEN
    std::vector<std::string> outputs;  // DECLARE ... INTO targets, used by a FETCH without INTO
    std::string query;                // SQL with $n, or empty when over a prepared statement
    std::string prepared;             // C expression naming the prepared statement
    int nparams = 0;
    int slot = -1;  // ECPGset_var slot holding inputs then outputs when OPEN/FETCH may be out of their scope
    std::vector<std::pair<std::string, Pos>> used;  // host variables of the query, as declared
    int facts = 0;          // PGESQL_FACT_* of its OPEN
    std::string relations;  // what a PGESQL_FACT_READAHEAD_SAFE query reads, one per line
    std::shared_ptr<const check::checked_statement> checked;  // its query, when the schema check is on
    std::string positions;       // the position map of what its OPEN sends ("declare c cursor for ...")
    std::size_t open_prefix = 0;  // for an OPEN whose prefix before the query has this length
  };

  // Facts for the schema check (codegen_check_facts.cpp)
  bool checking() const;
  void note_slots(const HostRef &ref, const TypeP &t, std::size_t count);
  void slots_of(const TypeP &t, const std::string &name, const Pos &at, std::vector<check::host_slot> &out) const;
  // Records a static statement with the host variables of the last sql_text; returns the record.
  const check::checked_statement *record_check(const Pos &at, const std::string &sql, bool question_marks,
                                              const char *what);
  void record_fetch_check(const Stmt &s, const std::shared_ptr<const check::checked_statement> &cursor_query,
                          std::vector<check::host_slot> outputs);

  // Host variables
  bool resolve(const HostRef &ref, bool indicator, TypeP *type);
  bool describe(const TypeP &t, const std::string &expr, const Span &at, std::vector<VarDesc> &out,
                const std::string &count = {}, const std::string &stride = {}, bool via_array = false);
  bool describe_cxx(const TypeP &t, const std::string &e, const Span &at, std::vector<VarDesc> &out,
                    const std::string &count, const std::string &stride, bool in_array);
  bool vars(const HostRef &ref, std::vector<std::string> &out);
  bool var_list(const VarList &l, std::vector<std::string> &out);
  std::string string_expr(const Value &v, const char *what);
  std::string conn_expr(const Value &at);
  // An integer literal or integer host variable as a long expression; role names it in errors.
  std::string integer_expr(const Value &v, const std::string &role);
  bool readahead_var(const Value &v, std::vector<std::string> &in);
  std::string var_init(const VarDesc &v, const VarDesc *ind);
  bool container_element(const HostRef &ref, std::vector<VarDesc> &out);
  std::size_t member_prefix(const std::string &e) const;

  // SQL text with host variables replaced by $n
  std::string sql_text(const std::vector<Tok> &toks, std::vector<std::string> &in, std::vector<std::string> &out,
                       int first_param, bool allow_into);

  // One statement being emitted: where it runs and the host variables bound so far.
  struct Emission {
    const Stmt &s;
    const std::string &file;
    Value at;                      // its connection (AT, or the one its cursor/statement was declared at)
    std::string conn;              // that connection as a C expression
    std::vector<std::string> in;   // pgesql_var initializers: input variables
    std::vector<std::string> out;  // and output variables
  };
  std::string exec_call(const Emission &e, const std::string &name_expr) const;
  std::string finish(bool rows);
  // One function per statement (or pair of statements emitted alike), grouped in files by what they emit.
  std::string emit_generic(Emission &e);
  std::string emit_connect(Emission &e);
  std::string emit_disconnect(Emission &e);
  std::string emit_set_autocommit(Emission &e);
  std::string emit_declare_cursor(Emission &e);
  std::string emit_declare_statement(Emission &e);
  std::string emit_open(Emission &e);
  std::string emit_fetch(Emission &e);
  std::string emit_close(Emission &e);
  std::string emit_prepare(Emission &e);
  std::string emit_exec_immediate(Emission &e);
  std::string emit_execute(Emission &e);
  std::string emit_deallocate(Emission &e);
  std::string emit_describe(Emission &e);
  std::string emit_descriptor_alloc(Emission &e);
  std::string emit_descriptor_count(Emission &e);
  std::string emit_descriptor_items(Emission &e);
  std::string emit_whenever(Emission &e);
  std::string emit_typedef(Emission &e);
  std::string emit_vardef(Emission &e);
  std::string emit_copy(Emission &e);
  std::string emit_wait_notification(Emission &e);
  TypeP named_type(const Stmt &s);

  std::string whenever_checks(bool rows);
  std::string header(const Stmt &s, const char *kind, const std::string &sql, const std::string &name,
                     const std::string &file, int extra_flags = 0, int facts = 0,
                     const std::string &relations = {});
  void judge_cursor(Cursor &c, const Value &name) const;
  // Reports a static statement PostgreSQL's grammar rejects, at its place in the source.
  void check_syntax(const std::string &sql, const std::vector<sema::sql_origin> &origins, const Pos &fallback,
                    bool question_marks);
  void check_literal_syntax(const Value &literal, const Stmt &s);
  // A string literal's body as one piece of SQL text, placed after its opening quote.
  static sema::sql_origin literal_origin(const Value &literal, const Stmt &s);
  // The statement's next header maps `sql` through `origins`, shifted by `shift` bytes.
  void use_positions(const std::string &sql, const std::vector<sema::sql_origin> &origins, std::size_t shift);
  static std::string open_prefix(const std::string &name, const std::string &options);
  static std::string arrays(const std::vector<std::string> &in, const std::vector<std::string> &out);
  static std::string c_unescape(const std::string &s);
  static std::string c_string(const std::string &s);
  static std::string join_tokens(const std::vector<Tok> &toks);
  std::string decl_text(const Declaration &d, const std::string &indent);
  bool cursor_in_scope(const Cursor &c) const;
  std::string cursor_key(const Value &name) const;
  std::optional<Value> statement_name(const Stmt &s) const;
  Value bound_connection(const Value &name, const Value &at);

  Context &ctx_;
  Action on_error_, on_warning_, on_not_found_;
  std::map<std::string, Cursor> cursors_;
  std::map<std::string, Value> declared_;  // DECLARE name STATEMENT: its AT connection (kind None without AT)
  int varchar_id_ = 0;
  int next_slot_ = 0;
  sema::positioned_cursors positioned_;
  std::vector<check::checked_statement> checked_;
  std::vector<check::host_slot> slots_;      // slots of the host variables bound since last taken
  std::vector<check::host_slot> in_slots_;   // the last sql_text's inputs ...
  std::vector<check::host_slot> out_slots_;  // ... and INTO targets
  bool out_descriptor_ = false;              // the last sql_text reads INTO a descriptor
  // the position map (PGESQL_F_POSITIONS) of the statement whose SQL is positions_sql_
  std::string positions_sql_, positions_;
  std::vector<sema::sql_origin> origins_;  // where each piece of the last sql_text came from  // cursors named in WHERE CURRENT OF anywhere in the sources
};

}  // namespace pgesql::pp
