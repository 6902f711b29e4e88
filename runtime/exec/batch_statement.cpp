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
#include "exec/copy_binary.hpp"
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

bool env_switch_on(const char *name) {
  const char *e = std::getenv(name);
  return e == nullptr || (std::strcmp(e, "0") != 0 && strcasecmp(e, "off") != 0);
}

// PGESQL_BULK_COPY=off keeps every batch on the pipeline.
bool copy_enabled() {
  static const bool on = env_switch_on("PGESQL_BULK_COPY");
  return on;
}

// PGESQL_BULK_BINARY=off keeps COPY in text format (for comparing the two).
bool binary_enabled() {
  static const bool on = env_switch_on("PGESQL_BULK_BINARY");
  return on;
}

// Whether the plan's COPY takes the rows exactly as its INSERT would (see
// copy_fitness_query), and the column encoders when every column has one.
bool copy_fits(connection &c, const copy_plan &plan, std::size_t nparams, std::vector<binary_column> &binary) {
  std::vector<param_value> args(1 + plan.columns.size());
  args[0].data = plan.table;
  for (std::size_t k = 0; k < plan.columns.size(); ++k) args[k + 1].data = plan.columns[k];
  // an unknown version is taken as a current one, whose catalog has every column checked
  const int version = c.link->server_version() > 0 ? c.link->server_version() : 999999;
  query_result r = c.link->execute(copy_fitness_query(plan, nparams, version), args);
  if (r.outcome != query_result::status::rows || r.row_count != 1 || !r.field(0, 0) || *r.field(0, 0) != "t")
    return false;
  binary.clear();
  if (binary_enabled() && r.field(0, 1)) binary = binary_columns(*r.field(0, 1), nparams);
  return true;
}

// The batch's command tag: the verb of the last row's tag with the total.
std::string total_tag(const std::string &last, std::uint64_t total) {
  std::string verb = last.substr(0, last.find(' '));
  return verb == "INSERT" ? "INSERT 0 " + std::to_string(total) : verb + " " + std::to_string(total);
}

// The rows through COPY when that is exact (binary when every value encodes exactly),
// else through the pipeline.
batch_result run_batch(connection &c, const char *sql, const param_rows &params, int line) {
  const std::size_t nrows = params.rows(), nparams = params.per_row();
  std::optional<copy_plan> plan;
  if (nrows >= copy_min_rows && copy_enabled() && !params.any_binary()) plan = copy_form(sql, nparams);
  if (!plan) {
    c.last_copy_target.reset();
    return c.link->execute_batch(sql, params);
  }
  const std::optional<std::uint64_t> exchanges = c.link->completed_exchanges();
  const bool same_transaction = !c.autocommit && c.link->transaction_status() == transaction_state::in_transaction;
  std::vector<binary_column> binary;
  if (c.last_copy_target && same_transaction && exchanges && *exchanges == c.last_copy_target->exchanges &&
      c.last_copy_target->copy_sql == plan->copy_sql) {
    binary = std::move(c.last_copy_target->binary);
  } else if (!copy_fits(c, *plan, nparams, binary)) {
    c.last_copy_target.reset();
    return c.link->execute_batch(sql, params);
  }
  c.last_copy_target.reset();
  const std::vector<binary_column> encoders = binary;  // the target's, kept for the next batch
  if (!binary.empty() && !encodes_exactly(params, binary)) binary.clear();
  const std::string copy_sql = binary.empty() ? plan->copy_sql : plan->copy_sql + " (format binary)";
  diag::log("exec_batch on line %d: as %s\n", line, copy_sql.c_str());
  batch_result r = c.link->copy_batch(sql, copy_sql, params, binary);
  if (r.status.outcome != query_result::status::error && same_transaction) {
    if (std::optional<std::uint64_t> now = c.link->completed_exchanges())
      c.last_copy_target = connection::copy_target{plan->copy_sql, encoders, *now};
  }
  return r;
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
    batch_result r = run_batch(*c, stmt->sql, params, opt.line);
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
