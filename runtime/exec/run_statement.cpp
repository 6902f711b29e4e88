// pgesql_exec, pgesql_prepare, pgesql_deallocate: every statement that runs
// SQL, with ECPG's rules for parameters, transactions and results.
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "descriptors/descriptor_store.hpp"
#include "descriptors/sqlda_compat.hpp"
#include "descriptors/sqlda_native.hpp"
#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "exec/abi_guard.hpp"
#include "exec/cached_run.hpp"
#include "exec/copy_streams.hpp"
#include "exec/cursor_fetch.hpp"
#include "exec/cursor_readahead.hpp"
#include "exec/statement_class.hpp"
#include "exec/statement_context.hpp"
#include "exec/statement_text.hpp"
#include "exec/value_vocabulary.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {
namespace {

// The statement text buffer a connection keeps between statements, at most.
constexpr std::size_t statement_text_kept_bytes = 64 * 1024;

// Names from host variables take the place of $0; everything else, literals
// of USING included, is a parameter.
bool is_spliced(int type) { return type == PGESQL_T_CHAR_VARIABLE; }

// Input variables as parameters; names to splice for $0 collected apart.
bool build_params(const store_options &opt, std::span<const pgesql_var> in, std::vector<param_value> &params,
                  std::vector<std::string> &names) {
  params.reserve(in.size());
  for (const pgesql_var &v : in) {
    if (v.type == PGESQL_T_DESCRIPTOR) {
      // USING SQL DESCRIPTOR: its values 1..COUNT
      const descriptors::sql_descriptor *d =
          descriptors::require_descriptor(static_cast<const char *>(v.addr), opt.line);
      if (d == nullptr) return false;
      for (param_value &p : descriptors::descriptor_params(*d)) params.push_back(std::move(p));
      continue;
    }
    if (v.type == PGESQL_T_SQLDA) {
      // USING DESCRIPTOR sqlda: one parameter per sqlvar, in the layout of the compatibility mode
      bool ok = opt.informix
                    ? descriptors::compat_sqlda_params(opt, *static_cast<sqlda_compat *const *>(v.addr), params)
                    : descriptors::native_sqlda_params(opt, *static_cast<sqlda_struct *const *>(v.addr), params);
      if (!ok) return false;
      continue;
    }
    param_value p;
    if (v.type == PGESQL_T_CXX ? !format_host_param(opt, v, p) : !format_param(opt, resolve(v), p)) return false;
    if (is_spliced(v.type))
      names.push_back(std::move(p.data));
    else
      params.push_back(std::move(p));
  }
  return true;
}

// DESCRIBE INPUT (ECPG answers -200): the statement's parameters as the server describes
// them, one descriptor item per parameter, with its type and pg_type's length; no names.
int describe_input(connection &c, const store_options &opt, const std::string &name, const pgesql_var &target) {
  query_result asked = c.link->describe_prepared(name);
  if (!check_result(c, asked, opt.line, opt.informix)) return outcome();
  query_result description;
  description.outcome = query_result::status::rows;
  for (std::size_t i = 0; i < asked.param_types.size(); ++i) {
    const std::uint32_t oid = asked.param_types[i];
    query_result length = c.link->simple_query("select typlen from pg_type where oid = " + std::to_string(oid));
    if (!check_result(c, length, opt.line, opt.informix)) return outcome();
    const result_fields::value typlen = length.row_count == 1 ? length.field(0, 0) : std::nullopt;
    description.columns.push_back({"", oid, false, static_cast<std::int16_t>(typlen ? std::atoi(typlen->data()) : -1), -1});
  }
  diag::log("describe input on line %d: statement %s has %zu parameter(s)\n", opt.line, name.c_str(),
            description.columns.size());
  describe_into(opt, description, target, true);
  return outcome();
}

bool all_integers(std::span<const pgesql_var> in) {
  for (const pgesql_var &v : in) {
    switch (v.type) {
      case PGESQL_T_SHORT: case PGESQL_T_UNSIGNED_SHORT: case PGESQL_T_INT: case PGESQL_T_UNSIGNED_INT:
      case PGESQL_T_LONG: case PGESQL_T_UNSIGNED_LONG: case PGESQL_T_LONG_LONG: case PGESQL_T_UNSIGNED_LONG_LONG:
      case PGESQL_T_CHAR_VARIABLE: case PGESQL_T_CONST:
        break;
      default:
        return false;
    }
  }
  return true;
}

// OPEN of a cursor declared with READAHEAD: its last input variable is the window cap,
// not a parameter. A NULL value leaves the connection's cap.
bool take_cursor_readahead(const pgesql_stmt *stmt, const store_options &opt, std::span<const pgesql_var> &inputs,
                           std::optional<std::size_t> &cap) {
  if (stmt->kind != PGESQL_STMT_OPEN || (stmt->flags & PGESQL_F_READAHEAD) == 0 || inputs.empty()) return true;
  const pgesql_var &v = inputs.back();
  inputs = inputs.first(inputs.size() - 1);
  param_value p;
  if (v.type == PGESQL_T_CXX ? !format_host_param(opt, v, p) : !format_param(opt, resolve(v), p)) return false;
  if (!p.is_null) cap = declared_readahead(p.data);
  return true;
}

int run_transaction(connection &c, const pgesql_stmt *stmt, const store_options &opt) {
  diag::log("transaction on line %d: action \"%s\"; connection \"%s\"\n", opt.line, stmt->sql, c.name.c_str());
  const statement_class cls = class_of(stmt, stmt->sql);
  // ECPG starts no transaction for statements that open or resolve one themselves
  if (!c.autocommit && c.link->transaction_status() == transaction_state::idle && !cls.own_transaction) {
    if (!check_result(c, c.link->simple_query("begin transaction"), opt.line, false)) return outcome();
  }
  query_result r = c.link->simple_query(stmt->sql);
  note_cursor_effects(c, stmt->kind, stmt->sql, r);
  if (r.outcome == query_result::status::command_ok && cls.begins) c.next_begin_just_run = stmt->sql;
  // A COMMIT that lost its connection may have committed: never report that as a plain failure.
  if (r.outcome == query_result::status::error && !c.link->is_open() && cls.commit &&
      (r.error.sqlstate.empty() || r.error.sqlstate.starts_with("08"))) {
    for (const server_message &n : c.link->take_notices()) diag::raise_server_warning(n.sqlstate.c_str(), n.message.c_str());
    diag::raise_commit_outcome_unknown(opt.line);
    return outcome();
  }
  check_result(c, r, opt.line, false);
  return outcome();
}

// EXECUTE name(expr, ...) mixing host variables with other expressions: the server's EXECUTE
// takes no parameters, so the arguments are computed by a SELECT with the host values as
// parameters, and the statement then runs with those results as its own parameters.
query_result execute_with_expressions(connection &c, const std::string &name, const std::string &arguments,
                                      std::span<const param_value> params) {
  query_result values = c.link->execute("select " + arguments, params);
  if (values.outcome != query_result::status::rows || values.row_count != 1) return values;
  std::vector<param_value> computed(values.columns.size());
  for (std::size_t col = 0; col < values.columns.size(); ++col) {
    const result_fields::value f = values.field(0, col);
    computed[col].is_null = !f;
    if (f) computed[col].data = *f;
  }
  return c.link->execute_prepared(name, computed);
}

// EXECUTE IMMEDIATE: the statement text is the first input variable. False (sqlca set)
// when the statement could not be sent.
bool run_immediate(connection &c, const pgesql_stmt *stmt, const store_options &opt,
                   std::span<const pgesql_var> inputs, query_result &r) {
  param_value text;
  if (inputs.empty()) {
    diag::raise_error(opt.line, ECPG_TOO_FEW_ARGUMENTS, diag::sqlstate::internal_error);
    return false;
  }
  const pgesql_var &q = inputs[0];
  if (q.type == PGESQL_T_CXX ? !format_host_param(opt, q, text) : !format_param(opt, resolve(q), text)) return false;
  if (!autostart_transaction(c, opt.line, opt.informix)) return false;
  if (!put_back_for_current_of(c, text.data, opt.line)) return false;
  diag::log("exec on line %d: query: %s; with 0 parameter(s) on connection %s\n", opt.line, text.data.c_str(),
            c.name.c_str());
  const statement_class cls = class_of_text(text.data);
  r = cls.copy_in || cls.copy_out ? copy_with_stdio(c, text.data, cls) : c.link->execute(text.data, {});
  note_cursor_effects(c, stmt->kind, text.data, r);
  return true;
}

// EXECUTE name [USING ...]: a statement the program prepared (name from a variable, or static).
bool run_prepared(connection &c, const pgesql_stmt *stmt, const char *name, const store_options &opt,
                  std::span<const pgesql_var> inputs, query_result &r) {
  std::string prepared_name = name ? name : (stmt->name ? stmt->name : "");
  auto found = find_prepared(c, prepared_name);
  if (found == c.prepared.end()) {
    diag::raise_error(opt.line, ECPG_INVALID_STMT, diag::sqlstate::invalid_statement_name, prepared_name.c_str());
    return false;
  }
  prepared_name = found->first;
  std::vector<param_value> params;
  std::vector<std::string> names;
  if (!build_params(opt, inputs, params, names)) return false;
  if (!autostart_transaction(c, opt.line, opt.informix)) return false;
  if (!put_back_for_current_of(c, found->second.sql, opt.line)) return false;
  diag::log("exec on line %d: prepared statement %s with %zu parameter(s) on connection %s\n", opt.line,
            prepared_name.c_str(), params.size(), c.name.c_str());
  r = c.link->execute_prepared(prepared_name, params);
  note_cursor_effects(c, PGESQL_STMT_NORMAL, prepared_name, r);
  return true;
}

// A FETCH/MOVE with no input variable and a static cursor name (every FETCH NEXT loop):
// nothing to bind, substitute or classify, so the statement goes straight to the cursor's
// buffer, and to the server as written when the buffer cannot serve it. The steps are the
// general path's for such a statement, in the same order. False (sqlca set) when it could
// not run; else `rows` is its result.
bool run_plain_fetch(connection &c, const pgesql_stmt *stmt, const store_options &opt, query_result &r,
                     result_rows &rows) {
  std::string &sql = c.statement_text;  // storage reused: no allocation per FETCH
  sql.assign(stmt->sql);
  if (!autostart_transaction(c, opt.line, opt.informix)) return false;
  if (diag::log_enabled())
    diag::log("exec on line %d: query: %s; with 0 parameter(s) on connection %s\n", opt.line, sql.c_str(),
              c.name.c_str());
  if (serve_fetch(c, sql, r, rows)) return true;
  r = c.link->execute(sql, {});
  note_cursor_effects(c, stmt->kind, sql, r);
  rows = all_rows(r);
  return true;
}

int deallocate_one(connection &c, const std::string &name, int line, bool informix) {
  query_result r = c.link->simple_query("deallocate " + quoted_identifier(name));
  c.prepared.erase(name);
  check_result(c, r, line, informix);
  return outcome();
}

}  // namespace
}  // namespace pgesql::exec

using namespace pgesql::exec;
namespace diag = pgesql::diag;

extern "C" PGESQL_API int pgesql_exec(const pgesql_stmt *stmt, const char *connection_name, const char *name,
                                      int nin, const pgesql_var *in, int nout, const pgesql_var *out) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    const connection_ptr &c = entry.c;
    bool informix_se = (stmt->flags & PGESQL_F_COMPAT_INFORMIX_SE) != 0;
    if (stmt->kind == PGESQL_STMT_TRANSACTION) return run_transaction(*c, stmt, opt);

    std::span<const pgesql_var> inputs(in, nin > 0 ? static_cast<std::size_t>(nin) : 0);
    std::span<const pgesql_var> outputs(out, nout > 0 ? static_cast<std::size_t>(nout) : 0);
    std::vector<param_value> &params = c->statement_params;  // storage reused, like statement_text
    params.clear();
    std::vector<std::string> names;
    query_result &r = c->statement_result;  // storage reused, like statement_text
    r.reset_keeping_storage();
    result_rows fetched;  // a FETCH's rows: served from a cursor's buffer, or all of r
    bool fetch_done = false;

    if (stmt->kind == PGESQL_STMT_FETCH && inputs.empty() && name == nullptr) {
      if (!run_plain_fetch(*c, stmt, opt, r, fetched)) return outcome();
      fetch_done = true;
    } else if (stmt->kind == PGESQL_STMT_EXEC_IMMEDIATE) {
      if (!run_immediate(*c, stmt, opt, inputs, r)) return outcome();
    } else if (stmt->kind == PGESQL_STMT_EXECUTE) {
      if (!run_prepared(*c, stmt, name, opt, inputs, r)) return outcome();
    } else {
      std::optional<std::size_t> cursor_cap;
      if (!take_cursor_readahead(stmt, opt, inputs, cursor_cap)) return outcome();
      if (!build_params(opt, inputs, params, names)) return outcome();
      if (name != nullptr) names.assign(1, name);
      // the connection's buffer: a loop's statement text is copied without an allocation
      std::string &sql = c->statement_text;
      if (names.empty())
        sql.assign(stmt->sql);
      else
        sql = substitute_names(stmt->sql, names);
      if (stmt->kind == PGESQL_STMT_FETCH && !params.empty() && all_integers(inputs)) {
        // FETCH :n / MOVE :n: the count goes into the text (it can only be digits)
        std::vector<std::string> counts;
        for (const param_value &p : params) counts.push_back(p.data);
        std::string spliced;
        if (splice_counts(sql, counts, spliced)) {
          sql = std::move(spliced);
          params.clear();
        }
      }
      const statement_class cls = class_of(stmt, sql);
      bool set_call = false;
      if (params.size() == 1 && cls.set) sql = set_with_parameter(sql, set_call);
      std::string execute_name;
      bool execute_call = cls.sql_execute && sql_execute_with_params(sql, params.size(), execute_name);
      // static DML with nothing substituted: prepared once per connection, then bound and executed
      const bool cached = stmt->kind == PGESQL_STMT_NORMAL && names.empty() && !set_call && !execute_call &&
                          cls.cacheable && cache_of(*c) != nullptr;
      // a cached statement found stale may run again after beginning its transaction anew
      // when nothing else ran in it: the runtime's own BEGIN, or the program's just before
      std::optional<std::string> replay_begin;
      if (!c->autocommit && c->link->transaction_status() == transaction_state::idle)
        replay_begin = "begin transaction";
      else if (c->link->transaction_status() == transaction_state::in_transaction)
        replay_begin = c->begin_just_run;
      if (!autostart_transaction(*c, opt.line, opt.informix)) return outcome();
      if ((stmt->facts & PGESQL_FACT_CURRENT_OF) && !put_back_for_current_of(*c, sql, opt.line)) return outcome();
      if (diag::log_enabled())
        diag::log("exec on line %d: query: %s; with %zu parameter(s) on connection %s\n", opt.line, sql.c_str(),
                  params.size(), c->name.c_str());
      // EXECUTE name(:a, :b): the prepared statement itself, its arguments as parameters
      std::string arguments;
      if (execute_call)
        r = c->link->execute_prepared(execute_name, params);
      else if (!params.empty() && cls.sql_execute && sql_execute_arguments(sql, execute_name, arguments))
        r = execute_with_expressions(*c, execute_name, arguments, params);
      else if (stmt->kind == PGESQL_STMT_FETCH && params.empty() && serve_fetch(*c, sql, r, fetched))
        fetch_done = true;
      else if (cached)
        run_cached(*c, stmt, sql, params, replay_begin ? &*replay_begin : nullptr, r);
      else if (params.empty() && (cls.copy_in || cls.copy_out))
        r = copy_with_stdio(*c, sql, cls);  // as ECPG prints COPY TO STDOUT: the program's stdout
      else
        r = c->link->execute(sql, params);
      // the program wrote a SET: it gets a command's outcome, not set_config's row
      if (set_call && r.outcome == query_result::status::rows) r = query_result{};
      // PREPARE name AS ... in SQL: EXECUTE and cursors may name it like one of ours
      std::string prepared_name, prepared_text;
      if (r.outcome == query_result::status::command_ok && cls.sql_prepare && sql_prepare_as(sql, prepared_name, prepared_text))
        c->prepared[prepared_name] = prepared_statement{prepared_text, {}, false};
      if (stmt->kind == PGESQL_STMT_OPEN && r.outcome == query_result::status::command_ok)
        note_cursor_opened(*c, stmt, sql, cursor_cap);
      else if (!fetch_done)
        note_cursor_effects(*c, stmt->kind, sql, r);
      if (sql.capacity() > statement_text_kept_bytes) std::string().swap(sql);  // a huge text is not kept
    }
    const result_rows rows = fetch_done ? fetched : all_rows(r);
    note_command(*c, *rows.result);
    if (check_result(*c, *rows.result, opt.line, opt.informix)) process_output(*c, rows, opt, informix_se, outputs);
    if (c->link) c->link->give_back(std::move(r.fields));
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_prepare(const pgesql_stmt *stmt, const char *connection_name, const char *name,
                                         const char *query) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    const connection_ptr &c = entry.c;
    const std::string stmt_name = server_name(unquoted_name(name ? name : (stmt->name ? stmt->name : "")));
    // preparing a name again replaces the statement
    if (auto old = find_prepared(*c, stmt_name); old != c->prepared.end()) {
      std::string old_name = old->first;
      if (deallocate_one(*c, old_name, opt.line, opt.informix) != 0) return outcome();
    }
    std::string sql = placeholders_to_params(query ? query : "");
    diag::log("prepare on line %d: name %s; query: \"%s\"\n", opt.line, stmt_name.c_str(), sql.c_str());
    query_result r = c->link->prepare(stmt_name, sql);
    if (check_result(*c, r, opt.line, opt.informix))
      c->prepared[stmt_name] = prepared_statement{sql, std::move(r.columns), true};
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_deallocate(const pgesql_stmt *stmt, const char *connection_name, const char *name) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    const connection_ptr &c = entry.c;
    if (name == nullptr) {
      std::vector<std::string> all;
      for (const auto &[prepared_name, prepared] : c->prepared) all.push_back(prepared_name);
      for (const std::string &n : all)
        if (deallocate_one(*c, n, opt.line, opt.informix) != 0) break;
      return outcome();
    }
    auto found = find_prepared(*c, name);
    if (found == c->prepared.end()) {
      // Informix programs FREE cursors and statements alike: an unknown name is no error there
      if (!opt.informix) diag::raise_error(opt.line, ECPG_INVALID_STMT, diag::sqlstate::invalid_statement_name, name);
      return outcome();
    }
    std::string found_name = found->first;
    return deallocate_one(*c, found_name, opt.line, opt.informix);
  });
}

extern "C" PGESQL_API int pgesql_open_prepared(const pgesql_stmt *stmt, const char *connection_name,
                                               const char *cursor, const char *prepared, int nin,
                                               const pgesql_var *in) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    const connection_ptr &c = entry.c;
    std::string prepared_name = prepared ? prepared : "";
    auto it = find_prepared(*c, prepared_name);
    if (it == c->prepared.end()) {
      diag::raise_error(opt.line, ECPG_INVALID_STMT, diag::sqlstate::invalid_statement_name, prepared_name.c_str());
      return outcome();
    }
    std::vector<param_value> params;
    std::vector<std::string> names;
    std::span<const pgesql_var> inputs(in, nin > 0 ? static_cast<std::size_t>(nin) : 0);
    std::optional<std::size_t> cursor_cap;
    if (!take_cursor_readahead(stmt, opt, inputs, cursor_cap)) return outcome();
    if (!build_params(opt, inputs, params, names)) return outcome();
    if (cursor != nullptr) names.assign(1, cursor);
    // the DECLARE text up to FOR, then the prepared statement's own text
    std::string sql = names.empty() ? std::string(stmt->sql) : substitute_names(stmt->sql, names);
    sql += ' ';
    sql += it->second.sql;
    if (!autostart_transaction(*c, opt.line, opt.informix)) return outcome();
    diag::log("open on line %d: query: %s; with %zu parameter(s) on connection %s\n", opt.line, sql.c_str(),
              params.size(), c->name.c_str());
    query_result r = c->link->execute(sql, params);
    if (r.outcome == query_result::status::command_ok) note_cursor_opened(*c, stmt, sql, cursor_cap);
    if (check_result(*c, r, opt.line, opt.informix)) process_output(*c, r, opt, false, {});
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_describe(const pgesql_stmt *stmt, const char *connection_name, const char *name,
                                          int input, const pgesql_var *target) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    begin_statement();
    store_options opt = options_of(stmt);
    connection_ptr c = require_connection(connection_name, opt.line);
    if (!c) return outcome();
    std::lock_guard<std::mutex> lock(c->mutex);
    if (!require_link(*c, opt.line)) return outcome();
    std::string stmt_name = name ? name : (stmt->name ? stmt->name : "");
    auto found = find_prepared(*c, stmt_name);
    if (found == c->prepared.end()) {
      diag::raise_error(opt.line, ECPG_INVALID_STMT, diag::sqlstate::invalid_statement_name, stmt_name.c_str());
      return outcome();
    }
    if (input) return describe_input(*c, opt, found->first, *target);
    prepared_statement &prepared = found->second;
    if (!prepared.described) {
      // prepared by SQL PREPARE ... AS: only the server knows its columns
      query_result asked = c->link->describe_prepared(found->first);
      if (!check_result(*c, asked, opt.line, opt.informix)) return outcome();
      prepared.columns = std::move(asked.columns);
      prepared.described = true;
    }
    query_result description;
    description.outcome = query_result::status::rows;
    description.columns = prepared.columns;
    describe_into(opt, description, *target, true);
    return outcome();
  });
}
