#include "exec/statement_context.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "descriptors/descriptor_store.hpp"
#include "descriptors/sqlda_compat.hpp"
#include "descriptors/sqlda_native.hpp"
#include "diag/error_position.hpp"
#include "diag/auto_memory.hpp"
#include "diag/debug_log.hpp"
#include "diag/last_error.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "exec/value_vocabulary.hpp"
#include "values/type_oids.hpp"

namespace pgesql::exec {
namespace {

namespace oid_of = values::type_oid;

constexpr array_kind kind_of_shape(oid_of::shape form) {
  return form == oid_of::shape::array    ? array_kind::array
         : form == oid_of::shape::vector ? array_kind::vector
                                         : array_kind::none;
}

// Column types whose array-ness is known without asking the catalog: ECPG's list of scalars
// (and the geometric/vector types it reads space-separated), plus the common array types.
// (A switch of its own, not shape_of: its optional, returned through memory, cost a
// store-forwarding stall per column of every row fetched.)
bool known_array_kind(std::uint32_t oid, array_kind &kind) {
  switch (oid) {
#define PGESQL_ARRAY_KIND_CASE(identifier, typname, number, form) \
  case number: kind = kind_of_shape(oid_of::shape::form); return true;
    PGESQL_BUILTIN_TYPES(PGESQL_ARRAY_KIND_CASE)
#undef PGESQL_ARRAY_KIND_CASE
    default: return false;
  }
}

bool starts_with(const std::string &s, const char *p) { return s.compare(0, std::strlen(p), p) == 0; }

}  // namespace

void begin_statement() {
  diag::set_positioned_statement(nullptr);
  diag::forget_last_error();
  diag::reset_sqlca();
  diag::forget_auto_memory();
}

store_options options_of(const pgesql_stmt *stmt) {
  store_options o;
  o.line = stmt->line;
  o.informix = (stmt->flags & (PGESQL_F_COMPAT_INFORMIX | PGESQL_F_COMPAT_INFORMIX_SE)) != 0;
  o.oracle = (stmt->flags & PGESQL_F_COMPAT_ORACLE) != 0;
  o.force_indicator = (stmt->flags & PGESQL_F_NO_INDICATOR) == 0;
  return o;
}

connection_ptr require_connection(const char *name, int line) {
  connection_ptr c = find_connection(name);
  if (!c) diag::raise_error(line, ECPG_NO_CONN, diag::sqlstate::connection_does_not_exist, name ? name : "NULL");
  return c;
}

bool require_link(connection &c, int line) {
  c.begin_just_run = std::exchange(c.next_begin_just_run, std::nullopt);
  if (c.link && c.link->is_open()) return true;
  // a connection that broke earlier fails each statement: lost, 08003
  if (c.link)
    diag::raise_connection_lost(line);
  else
    diag::raise_error(line, ECPG_NOT_CONN, diag::sqlstate::internal_error, c.name.c_str());
  return false;
}

statement_entry enter_statement(const pgesql_stmt *stmt, const char *connection_name) {
  begin_statement();
  diag::set_positioned_statement(stmt);
  statement_entry e;
  e.opt = options_of(stmt);
  e.c = require_connection(connection_name, e.opt.line);
  if (!e.c) return e;
  e.lock = std::unique_lock<std::mutex>(e.c->mutex);
  e.ready = require_link(*e.c, e.opt.line);
  return e;
}

statement_entry::~statement_entry() {
  if (c && std::uncaught_exceptions() > exceptions_at_entry) {
    try {
      if (c->link) c->link->close();
    } catch (...) {
      // Connection::close swallows its own failures; nothing else may leave a destructor
    }
    return;
  }
  if (c && c->notification_handler != nullptr) hand_out_notifications(*this);
}

// The .pgc line and column the server's error position points at, for pgesql_error_field,
// pgesql::sql_error and the debug log (not ECPG's regression log, whose lines are ECPG's).
void note_error_position(const server_message &error) {
  const std::optional<diag::source_point> at =
      diag::error_source_point(diag::positioned_statement_sql(), error.query, error.position);
  if (!at) return;
  diag::thread_last_error().line = std::to_string(at->line);
  diag::thread_last_error().column = std::to_string(at->column);
  if (!diag::log_regression_mode()) diag::log("the error is at line %d, column %d of the source\n", at->line, at->column);
}

bool check_result(connection &c, const query_result &r, int line, bool informix) {
  for (const server_message &n : c.link->take_notices())
    diag::raise_server_warning(n.sqlstate.c_str(), n.message.c_str());
  switch (r.outcome) {
    case query_result::status::error:
      if (!c.link->is_open() && (r.error.sqlstate.empty() || r.error.sqlstate.starts_with("08"))) {
        diag::raise_connection_failure(line, r.error.sqlstate.c_str(), r.error.message.c_str());
      } else {
        diag::log("check_result on line %d: bad response - %s\n", line, r.error.message.c_str());
        diag::raise_server_error(line, r.error.sqlstate.c_str(), r.error.message.c_str(), informix);
        diag::thread_last_error().detail = r.error.detail;
        diag::thread_last_error().hint = r.error.hint;
        note_error_position(r.error);
      }
      return false;
    case query_result::status::empty_query:
      diag::raise_error(line, ECPG_EMPTY, diag::sqlstate::internal_error);
      return false;
    default:
      return true;
  }
}

bool autostart_transaction(connection &c, int line, bool informix) {
  if (c.autocommit || c.link->transaction_status() != transaction_state::idle) return true;
  return check_result(c, c.link->simple_query("begin transaction"), line, informix);
}

bool column_array_kind(connection &c, std::uint32_t oid, int line, bool informix, array_kind &kind) {
  if (known_array_kind(oid, kind)) return true;
  if (auto it = c.array_kinds.find(oid); it != c.array_kinds.end()) {
    kind = it->second;
    return true;
  }
  // variable-length element storage means an {..} literal, fixed means a vector
  std::string q = "select typlen from pg_type where oid=" + std::to_string(oid) + " and typelem<>0";
  query_result r = c.link->simple_query(q);
  if (!check_result(c, r, line, informix)) return false;
  if (r.row_count == 0 || !r.field(0, 0))
    kind = array_kind::none;
  else
    kind = std::atoi(r.field(0, 0)->data()) == -1 ? array_kind::array : array_kind::vector;
  c.array_kinds[oid] = kind;
  diag::log("column_array_kind on line %d: type (%u); array (%s)\n", line, oid,
            kind != array_kind::none ? "yes" : "no");
  return true;
}

bool process_output(connection &c, const query_result &r, const store_options &opt, bool informix_se,
                    std::span<const pgesql_var> out) {
  return process_output(c, all_rows(r), opt, informix_se, out);
}

bool process_output(connection &c, const result_rows &rows, const store_options &opt, bool informix_se,
                    std::span<const pgesql_var> out) {
  sqlca_t &ca = diag::thread_sqlca();
  const query_result &r = *rows.result;
  switch (r.outcome) {
    case query_result::status::rows: {
      std::size_t ncols = r.columns.size();
      const std::size_t row_count = rows.row_count;
      ca.sqlerrd[2] = static_cast<long>(row_count);
      if (diag::log_enabled())
        diag::log("process_output on line %d: correctly got %zu tuples with %zu fields\n", opt.line, row_count, ncols);
      if (row_count == 0) {
        diag::raise_not_found(opt.line);
        return false;
      }
      if (!out.empty() && (out[0].type == PGESQL_T_DESCRIPTOR || out[0].type == PGESQL_T_SQLDA)) {
        if (rows.whole()) return describe_into(opt, r, out[0], false);
        query_result own;  // a descriptor keeps its rows: they cannot stay in a cursor's buffer
        copy_rows(rows, own);
        return describe_into(opt, own, out[0], false);
      }
      // one row (every FETCH NEXT) needs no allocation
      field_value single;
      std::vector<field_value> many(row_count > 1 ? row_count : 0);
      std::span<field_value> column = row_count > 1 ? std::span<field_value>(many) : std::span<field_value>(&single, 1);
      for (std::size_t col = 0; col < ncols; ++col) {
        if (col >= out.size()) {
          if (opt.informix) continue;  // Informix ignores surplus columns
          diag::raise_error(opt.line, ECPG_TOO_FEW_ARGUMENTS, diag::sqlstate::using_does_not_match_targets);
          return false;
        }
        array_kind kind;
        if (!column_array_kind(c, r.columns[col].type_oid, opt.line, opt.informix, kind)) return false;
        for (std::size_t row = 0; row < row_count; ++row) {
          const result_fields::value f = rows.field(row, col);
          column[row] = f ? field_value{f->data(), static_cast<int>(f->size()), false, r.columns[col].binary}
                          : field_value{"", 0, true};
        }
        if (out[col].type == PGESQL_T_CXX) {
          if (!store_host_column(opt, out[col], column, kind)) return false;
          continue;
        }
        if (row_count == 1 && values::is_plain_variable(out[col])) {  // every FETCH NEXT into scalars
          if (!values::store_plain_field(opt, out[col], column[0], kind)) return false;
          continue;
        }
        host_var v = resolve(out[col]);
        if (!store_column(opt, v, column, kind)) return false;
      }
      if (out.size() > ncols) {
        diag::raise_error(opt.line, ECPG_TOO_MANY_ARGUMENTS, diag::sqlstate::using_does_not_match_targets);
        return false;
      }
      return true;
    }
    case query_result::status::command_ok: {
      const std::string &tag = r.command_tag;
      // "INSERT oid rows", "UPDATE rows", "SELECT rows", ...
      std::size_t last_space = tag.rfind(' ');
      long affected = last_space == std::string::npos ? 0 : std::atol(tag.c_str() + last_space + 1);
      if (starts_with(tag, "INSERT ")) ca.sqlerrd[1] = std::atol(tag.c_str() + 7);
      ca.sqlerrd[2] = affected;
      if (diag::log_enabled()) diag::log("process_output on line %d: OK: %s\n", opt.line, tag.c_str());
      if (!informix_se && affected == 0 &&
          (starts_with(tag, "UPDATE") || starts_with(tag, "INSERT") || starts_with(tag, "DELETE")))
        diag::raise_not_found(opt.line);
      return true;
    }
    default:
      return true;
  }
}

bool describe_into(const store_options &opt, const query_result &r, const pgesql_var &target, bool describe) {
  if (target.type == PGESQL_T_DESCRIPTOR) {
    descriptors::sql_descriptor *d = descriptors::require_descriptor(static_cast<const char *>(target.addr), opt.line);
    if (d == nullptr) return false;
    d->result = r;
    diag::log("process_output on line %d: putting result (%zu tuples) into descriptor %s\n", opt.line, r.row_count,
              static_cast<const char *>(target.addr));
    return true;
  }
  if (opt.informix) return descriptors::store_compat_sqlda(opt, r, describe, static_cast<sqlda_compat **>(target.addr));
  return descriptors::store_native_sqlda(opt, r, describe, static_cast<sqlda_struct **>(target.addr));
}

int outcome() { return diag::thread_sqlca().sqlcode < 0 ? 1 : 0; }

}  // namespace pgesql::exec
