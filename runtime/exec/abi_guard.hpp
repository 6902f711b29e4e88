// No C++ exception may unwind into a program's C frames, where it would end the
// program: every C entry point of the statement layer runs its body through
// guarded(). Memory exhaustion is reported as ECPG reports it (sqlcode -12,
// SQLSTATE YE001), anything else that escaped as an internal error (YE000). A
// statement abandoned that way also closes its connection (~statement_entry):
// the exchange with the server stopped at a point nobody knows.
#pragma once

#include <new>
#include <type_traits>

#include "exec/statement_context.hpp"

namespace pgesql::exec {

// Sets sqlca for an exception that reached a C entry point; never throws, and still
// sets the codes when there is no memory left for the message.
void report_escaped_exception(int line, bool out_of_memory) noexcept;

template <typename Body>
auto guarded(int line, Body &&body) noexcept -> decltype(body()) {
  using Result = decltype(body());
  try {
    return body();
  } catch (const std::bad_alloc &) {
    report_escaped_exception(line, true);
  } catch (...) {
    report_escaped_exception(line, false);
  }
  if constexpr (std::is_same_v<Result, int>)
    return outcome();  // the pgesql_* convention: non-zero after an error
  else if constexpr (std::is_same_v<Result, bool>)
    return false;  // the ECPG* convention
  else if constexpr (std::is_enum_v<Result>)
    return static_cast<Result>(4);  // ECPGtransactionStatus: PQTRANS_UNKNOWN
  else
    return Result{};  // null pointers
}

}  // namespace pgesql::exec
