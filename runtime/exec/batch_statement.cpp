// pgesql_exec_batch: FOR :n bulk DML. Element i of each host array becomes
// row i; every row's parameters are formatted before anything is sent, so a
// conversion error leaves the server untouched. Plain INSERTs of many rows go
// through COPY, everything else through one pipeline.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <mutex>
#include <string>
#include <vector>

#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "exec/abi_guard.hpp"
#include "exec/batch_copy.hpp"
#include "exec/statement_context.hpp"
#include "exec/value_vocabulary.hpp"
#include "pgesql/pgesql.h"

namespace pgesql::exec {
namespace {

// A variable supplies one value per row unless it is a single value (count 1);
// an unknown count (pointer) is taken as an array of the rows asked for.
bool is_row_array(long count) { return count != 1; }

// Element `row` of a variable as a scalar host variable.
host_var element(const pgesql_var &v, std::size_t row) {
  host_var h = resolve(v);
  long i = static_cast<long>(row);
  if (is_row_array(v.count) && h.value != nullptr) {
    h.value += i * h.offset;
    bool char_type = v.type == PGESQL_T_CHAR || v.type == PGESQL_T_UNSIGNED_CHAR || v.type == PGESQL_T_STRING;
    // an array of char pointers: each element points at its string
    if (char_type && v.size == 0 && v.count > 1) h.value = *reinterpret_cast<char **>(h.value);
  }
  h.arrsize = 1;
  if (h.ind_type != PGESQL_T_NO_INDICATOR && is_row_array(v.ind_count) && h.ind_value != nullptr)
    h.ind_value += i * h.ind_offset;
  h.ind_arrsize = 1;
  return h;
}

bool check_inputs(std::span<const pgesql_var> in, long rows, int line) {
  for (const pgesql_var &v : in) {
    if (v.type == PGESQL_T_DESCRIPTOR || v.type == PGESQL_T_SQLDA || v.type == PGESQL_T_CHAR_VARIABLE) {
      diag::raise_error(line, ECPG_UNSUPPORTED, diag::sqlstate::internal_error, type_name(v.type));
      return false;
    }
    // more rows than an array holds: refused (the program would read past it)
    // (a C++ container holds its size; a single C++ object, -1, repeats on every row)
    const long holds = v.type == PGESQL_T_CXX ? host_row_count(v) : (v.count > 1 ? v.count : -1);
    bool too_short = (holds >= 0 && rows > holds) ||
                     (v.ind_type != PGESQL_T_NO_INDICATOR && v.ind_count > 1 && rows > v.ind_count);
    if (too_short) {
      diag::log("exec_batch on line %d: %ld rows but an array has %ld elements\n", line, rows,
                holds >= 0 && rows > holds ? holds : v.ind_count);
      diag::raise_error(line, ECPG_TOO_FEW_ARGUMENTS, diag::sqlstate::using_does_not_match_parameters);
      return false;
    }
  }
  return true;
}

// COPY runs a plain INSERT's rows several times faster than one Execute per
// row (bench/RESULTS.md); from this many rows on it is worth its catalog check.
constexpr std::size_t copy_min_rows = 64;

// PGESQL_BULK_COPY=off keeps every batch on the pipeline.
bool copy_enabled() {
  static const bool on = [] {
    const char *e = std::getenv("PGESQL_BULK_COPY");
    return e == nullptr || (std::strcmp(e, "0") != 0 && strcasecmp(e, "off") != 0);
  }();
  return on;
}

// COPY takes rows as INSERT does only into a plain or partitioned table without
// rules (COPY ignores them) or row-level security (COPY FROM refuses it).
bool copies_like_insert(connection &c, const std::string &table) {
  param_value name;
  name.data = table;
  query_result r = c.link->execute(
      "select c.relkind in ('r', 'p') and not c.relhasrules and not c.relrowsecurity "
      "from pg_catalog.pg_class c where c.oid = pg_catalog.to_regclass($1)",
      std::span<const param_value>(&name, 1));
  return r.outcome == query_result::status::rows && r.row_count == 1 && r.field(0, 0) && *r.field(0, 0) == "t";
}

// The batch's command tag: the verb of the last row's tag with the total.
std::string total_tag(const std::string &last, std::uint64_t total) {
  std::string verb = last.substr(0, last.find(' '));
  return verb == "INSERT" ? "INSERT 0 " + std::to_string(total) : verb + " " + std::to_string(total);
}

}  // namespace
}  // namespace pgesql::exec

using namespace pgesql::exec;
namespace diag = pgesql::diag;

extern "C" PGESQL_API int pgesql_exec_batch(const pgesql_stmt *stmt, const char *connection_name, long rows, int nin,
                                            const pgesql_var *in) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    const connection_ptr &c = entry.c;
    std::span<const pgesql_var> inputs(in, nin > 0 ? static_cast<std::size_t>(nin) : 0);
    if (rows <= 0) return outcome();
    if (!check_inputs(inputs, rows, opt.line)) return outcome();

    std::size_t nrows = static_cast<std::size_t>(rows);
    param_rows params(inputs.size());
    params.reserve(nrows * inputs.size(), nrows * inputs.size() * 8);
    param_value one;
    for (std::size_t row = 0; row < nrows; ++row)
      for (std::size_t col = 0; col < inputs.size(); ++col) {
        const pgesql_var &v = inputs[col];
        if (v.type == PGESQL_T_CXX ? !format_host_row(opt, v, row, one) : !format_param(opt, element(v, row), one))
          return outcome();
        params.push_back(one);
      }

    if (!autostart_transaction(*c, opt.line, opt.informix)) return outcome();
    diag::log("exec_batch on line %d: query: %s; %zu row(s) of %zu parameter(s) on connection %s\n", opt.line,
              stmt->sql, nrows, inputs.size(), c->name.c_str());
    std::string copy_sql, table;
    bool use_copy = nrows >= copy_min_rows && copy_enabled() && copy_form(stmt->sql, inputs.size(), copy_sql, table) &&
                    !params.any_binary() && copies_like_insert(*c, table);
    if (use_copy) diag::log("exec_batch on line %d: as %s\n", opt.line, copy_sql.c_str());
    batch_result r = use_copy ? c->link->copy_batch(stmt->sql, copy_sql, params)
                              : c->link->execute_batch(stmt->sql, params);
    bool row_failed = r.status.outcome == query_result::status::error && r.failed_row < nrows;
    if (row_failed)
      r.status.error.message += " (row " + std::to_string(r.failed_row + 1) + " of " + std::to_string(nrows) + ")";
    if (!check_result(*c, r.status, opt.line, opt.informix)) {
      if (row_failed) diag::thread_sqlca().sqlerrd[3] = static_cast<long>(r.failed_row + 1);
      return outcome();
    }
    r.status.command_tag = total_tag(r.status.command_tag, r.rows_processed);
    process_output(*c, r.status, opt, false, {});
    return outcome();
  });
}
