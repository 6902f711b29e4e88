// COPY through the simple-query protocol: COPY TO STDOUT streamed to a callback, COPY FROM
// STDIN fed by a producer (libpq's PQgetCopyData/PQputCopyData, as one call each).
#include <new>

#include "conn/connection.hpp"

namespace pgesql::conn {

namespace fe = protocol::frontend;

namespace {
template <class E>
bool rethrows_as(const std::exception_ptr &p) {
  try {
    std::rethrow_exception(p);
  } catch (const E &) {
    return true;
  } catch (...) {
    return false;
  }
}
}  // namespace

namespace be = protocol::backend;
using protocol::RawMessage;

// The row count of COPY's CommandComplete ("COPY 42").
std::uint64_t Connection::copied_rows(const RawMessage &m) {
  const auto tag = be::parse_command_complete(m.body);
  if (!tag) protocol_violation(m, "(malformed CommandComplete)");
  return protocol::affected_rows(*tag).value_or(0);
}

// --- COPY -------------------------------------------------------------------------------------

std::uint64_t Connection::copy_out(std::string_view sql, const std::function<void(std::string_view)> &on_data) {
  send_simple_query(sql);
  std::optional<Error> first_error;
  std::optional<std::exception_ptr> callback_error;
  bool saw_copy = false;
  std::uint64_t rows = 0;
  for (;;) {
    const RawMessage m = next_message();
    switch (m.tag) {
      case 'H':
        if (!be::parse_copy_response(m.body)) protocol_violation(m, "(malformed CopyOutResponse)");
        saw_copy = true;
        break;
      case 'd':
        if (!callback_error) {
          try {
            on_data(m.body);
          } catch (...) {
            // The protocol cannot stop COPY OUT except by a cancel: ask the server to stop,
            // then read what it already sent, so the connection stays in step.
            callback_error = std::current_exception();
            if (!cancel_sent_) send_statement_cancel();
          }
        }
        break;
      case 'c':
        break;
      case 'C':
        rows = copied_rows(m);
        break;
      case 'T':
      case 'D':
      case 'I':
        break;  // not a COPY: reported below
      case 'G':
        fe::copy_fail(out_, "expected COPY TO STDOUT");
        flush_output();
        break;
      case 'E':
        keep_first_error(m.body, first_error);
        break;
      case 'Z':
        read_ready_for_query(m.body);
        // the consumer's failure is the cause; the server's error is then the cancel's echo
        if (callback_error) std::rethrow_exception(*callback_error);
        if (first_error) throw std::move(*first_error);
        if (!saw_copy)
          throw Error::client_error(sqlstate::invalid_parameter_value, "statement is not COPY ... TO STDOUT");
        return rows;
      default:
        protocol_violation(m, "during COPY OUT");
    }
  }
}

namespace {
// Thrown through the producer when the server has already rejected the COPY.
struct StoppedByServer {};
}  // namespace

void Connection::CopyWriter::write(std::string_view data) {
  Connection &c = connection_;
  fe::copy_data(c.out_, data);
  // Large batches keep system calls few without holding the whole COPY in memory.
  if (c.out_.size() < 256 * 1024) return;
  c.flush_output();
  // A server that rejected a row says so at once and drops the rest: stop sending instead of
  // streaming the remainder of a large input into the void. Notices do not stop anything.
  while (c.stream_->wait_readable(net::Clock::now())) {
    RawMessage m;
    try {
      m = c.stream_->next();
    } catch (Error &e) {
      c.fail(std::move(e));
    }
    if (c.handle_async(m)) continue;
    if (m.tag == 'G' && !c.copy_in_accepted_) {  // the answer to a COPY sent with its data
      if (!be::parse_copy_response(m.body)) c.protocol_violation(m, "(malformed CopyInResponse)");
      c.copy_in_accepted_ = true;
      continue;
    }
    if (m.tag != 'E') c.protocol_violation(m, "during COPY IN");
    c.keep_first_error(m.body, c.copy_in_error_);
    throw StoppedByServer{};
  }
}

std::uint64_t Connection::copy_in(std::string_view sql, const std::function<void(CopyWriter &)> &produce,
                                  CopyStart start) {
  if (start == CopyStart::with_query)
    queue_simple_query(sql);  // goes out with the first data
  else
    send_simple_query(sql);
  std::optional<Error> first_error;
  std::exception_ptr producer_error;
  std::uint64_t rows = 0;
  bool saw_copy = false, fed = false;
  // runs the producer once, ending the data with CopyDone (or CopyFail for its failure)
  auto feed = [&] {
    fed = true;
    CopyWriter writer(*this);
    copy_in_error_.reset();
    copy_in_accepted_ = saw_copy;  // a second CopyInResponse would be a protocol violation
    try {
      produce(writer);
      fe::copy_done(out_);
    } catch (const StoppedByServer &) {
      first_error = std::move(copy_in_error_);
      fe::copy_done(out_);  // dropped by the server; ReadyForQuery follows the error
    } catch (const Error &e) {
      if (e.connection_broken()) throw;
      producer_error = std::current_exception();
      fe::copy_fail(out_, e.what());
    } catch (const std::exception &e) {
      producer_error = std::current_exception();
      fe::copy_fail(out_, e.what());
    } catch (...) {
      producer_error = std::current_exception();
      fe::copy_fail(out_, "COPY aborted by the client");
    }
    flush_output();
    saw_copy = saw_copy || copy_in_accepted_;
  };
  if (start == CopyStart::with_query) feed();
  for (;;) {
    const RawMessage m = next_message();
    switch (m.tag) {
      case 'G': {
        if (!be::parse_copy_response(m.body)) protocol_violation(m, "(malformed CopyInResponse)");
        saw_copy = true;
        if (!fed) feed();
        break;
      }
      case 'C':
        rows = copied_rows(m);
        break;
      case 'H':
      case 'd':
      case 'c':
      case 'T':
      case 'D':
      case 'I':
        break;
      case 'E':
        keep_first_error(m.body, first_error);
        break;
      case 'Z':
        read_ready_for_query(m.body);
        // The server's error names the CopyFail reason and is what the transaction saw;
        // running out of memory stays what it is.
        if (producer_error && (!first_error || rethrows_as<std::bad_alloc>(producer_error)))
          std::rethrow_exception(producer_error);
        if (first_error) throw std::move(*first_error);
        if (!saw_copy)
          throw Error::client_error(sqlstate::invalid_parameter_value, "statement is not COPY ... FROM STDIN");
        return rows;
      default:
        protocol_violation(m, "during COPY IN");
    }
  }
}

}  // namespace pgesql::conn
