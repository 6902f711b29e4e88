// server_link's defaults: batches row by row, for links that cannot pipeline or COPY, and
// no COPY streams or notifications (test fakes).
#include "exec/server_link.hpp"

#include <cstdlib>

#include "ecpglib.h"

namespace pgesql::exec {

batch_result server_link::execute_batch(std::string_view sql, const param_rows &params) {
  batch_result out;
  for (std::size_t i = 0; i < params.rows(); ++i) {
    query_result r = execute(sql, params.row_values(i));
    if (r.outcome == query_result::status::error) {
      out.status = std::move(r);
      out.failed_row = i;
      out.rows_processed = 0;
      return out;
    }
    std::size_t space = r.command_tag.rfind(' ');
    if (space != std::string::npos) out.rows_processed += std::strtoull(r.command_tag.c_str() + space + 1, nullptr, 10);
    out.status = std::move(r);
  }
  return out;
}

batch_result server_link::copy_batch(std::string_view insert_sql, std::string_view, const param_rows &params,
                                     std::span<const binary_column>) {
  return execute_batch(insert_sql, params);
}

namespace {
query_result not_supported(const char *what) {
  query_result r;
  r.outcome = query_result::status::error;
  r.error.sqlstate = "0A000";
  r.error.message = std::string(what) + " is not supported by this connection";
  return r;
}
}  // namespace

query_result server_link::copy_from(std::string_view, const copy_source &) { return not_supported("COPY FROM STDIN"); }
query_result server_link::copy_to(std::string_view, const copy_sink &) { return not_supported("COPY TO STDOUT"); }

std::optional<notification> server_link::wait_notification(std::optional<std::chrono::milliseconds>,
                                                           query_result &failure) {
  failure = not_supported("WAIT FOR NOTIFICATION");
  return std::nullopt;
}

}  // namespace pgesql::exec

// ECPGtransactionStatus hands the state out as ECPG's numbers.
static_assert(static_cast<int>(pgesql::exec::transaction_state::idle) == ECPG_TRANS_IDLE &&
              static_cast<int>(pgesql::exec::transaction_state::in_transaction) == ECPG_TRANS_INTRANS &&
              static_cast<int>(pgesql::exec::transaction_state::failed) == ECPG_TRANS_INERROR &&
              static_cast<int>(pgesql::exec::transaction_state::unknown) == ECPG_TRANS_UNKNOWN);
