// LISTEN/NOTIFY delivered to the program: EXEC SQL WAIT FOR NOTIFICATION, polling, a
// handler called after statements, and the socket for event loops. The connection queues
// every notification that arrives during any statement, in order; these take from it.
#include <string>

#include "diag/debug_log.hpp"
#include "diag/raise.hpp"
#include "diag/sqlstate.hpp"
#include "ecpgerrno.h"
#include "exec/abi_guard.hpp"
#include "exec/statement_context.hpp"
#include "pgesql/pgesql.h"
#include "values/type_oids.hpp"

namespace pgesql::exec {
namespace {

namespace oid_of = values::type_oid;

// A notification as a one-row result (channel, payload and, when asked for, pid), so that it
// reaches every kind of host variable (char[], char *, VARCHAR, std::string, integers) by
// the INTO rules.
query_result as_row(const notification &n, bool with_pid) {
  query_result r;
  r.outcome = query_result::status::rows;
  r.columns = {{"channel", oid_of::text}, {"payload", oid_of::text}};
  r.fields = result_fields{std::string_view(n.channel), std::string_view(n.payload)};
  const std::string pid = std::to_string(n.pid);
  if (with_pid) {
    r.columns.push_back({"pid", oid_of::int4});
    r.fields.push_back(std::string_view(pid));
  }
  r.row_count = 1;
  return r;
}

// The strings pgesql_poll_notification hands out stay valid until the thread's next poll.
thread_local notification last_polled;

}  // namespace

void hand_out_notifications(statement_entry &entry) {
  connection &c = *entry.c;
  if (c.notification_handler == nullptr || !c.link) return;
  std::vector<notification> arrived = c.link->take_notifications();
  if (arrived.empty()) return;
  const pgesql_notification_handler handler = c.notification_handler;
  void *const context = c.notification_context;
  const std::string name = c.name;
  // the handler may run statements on this connection: it is called unlocked
  if (entry.lock.owns_lock()) entry.lock.unlock();
  for (const notification &n : arrived) {
    const pgesql_notification out{n.channel.c_str(), n.payload.c_str(), n.pid};
    handler(context, name.c_str(), &out);
  }
}

}  // namespace pgesql::exec

using namespace pgesql::exec;
namespace diag = pgesql::diag;

extern "C" PGESQL_API int pgesql_wait_notification(const pgesql_stmt *stmt, const char *connection_name,
                                                   long timeout_ms, int ninto, const pgesql_var *into) {
  return pgesql::exec::guarded(stmt != nullptr ? stmt->line : 0, [&] {
    statement_entry entry = enter_statement(stmt, connection_name);
    if (!entry.ready) return outcome();
    const store_options &opt = entry.opt;
    connection &c = *entry.c;
    std::optional<std::chrono::milliseconds> timeout;
    if (timeout_ms >= 0) timeout = std::chrono::milliseconds(timeout_ms);
    diag::log("wait for notification on line %d: timeout %ld ms on connection %s\n", opt.line, timeout_ms,
              c.name.c_str());
    query_result failure;
    std::optional<notification> n = c.link->wait_notification(timeout, failure);
    if (!n) {
      if (failure.outcome != query_result::status::error) {
        diag::raise_not_found(opt.line);
        return outcome();
      }
      // the server ended the session while the program waited: a lost connection, class 08
      if (!c.link->is_open() && !failure.error.sqlstate.starts_with("08"))
        failure.error.sqlstate = diag::sqlstate::connection_failure;
      check_result(c, failure, opt.line, opt.informix);
      return outcome();
    }
    diag::log("wait for notification on line %d: \"%s\" from backend %d\n", opt.line, n->channel.c_str(), n->pid);
    const query_result row = as_row(*n, ninto > 2);
    process_output(c, row, opt, false, std::span<const pgesql_var>(into, ninto > 0 ? static_cast<std::size_t>(ninto) : 0));
    return outcome();
  });
}

extern "C" PGESQL_API int pgesql_poll_notification(const char *connection_name, pgesql_notification *out) {
  return pgesql::exec::guarded(0, [&] {
    connection_ptr c = find_connection(connection_name);
    if (!c) return -1;
    std::lock_guard<std::mutex> lock(c->mutex);
    if (!c->link || !c->link->is_open()) return -1;
    query_result failure;
    std::optional<notification> n = c->link->wait_notification(std::chrono::milliseconds(0), failure);
    if (!n) return failure.outcome == query_result::status::error ? -1 : 0;
    last_polled = std::move(*n);
    *out = pgesql_notification{last_polled.channel.c_str(), last_polled.payload.c_str(), last_polled.pid};
    return 1;
  });
}

extern "C" PGESQL_API int pgesql_on_notification(const char *connection_name, pgesql_notification_handler handler,
                                                 void *context) {
  return pgesql::exec::guarded(0, [&] {
    connection_ptr c = find_connection(connection_name);
    if (!c) return -1;
    std::lock_guard<std::mutex> lock(c->mutex);
    c->notification_handler = handler;
    c->notification_context = context;
    return 0;
  });
}

extern "C" PGESQL_API int pgesql_socket(const char *connection_name) {
  return pgesql::exec::guarded(0, [&] {
    connection_ptr c = find_connection(connection_name);
    if (!c) return -1;
    std::lock_guard<std::mutex> lock(c->mutex);
    return c->link && c->link->is_open() ? c->link->socket() : -1;
  });
}
