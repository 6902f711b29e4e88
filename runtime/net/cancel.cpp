#include "net/cancel.hpp"

#include "net/socket.hpp"
#include "protocol/frontend.hpp"

namespace pgesql::net {

void send_cancel_request(const CancelTarget &t, Deadline deadline) {
  Socket socket = !t.host.empty() && t.host[0] == '/' && t.hostaddr.empty()
                      ? Socket::connect_unix(t.host + "/.s.PGSQL." + std::to_string(t.port), deadline)
                      : Socket::connect_tcp(t.host, t.hostaddr, t.port, deadline, KeepaliveOptions{false, 0, 0, 0, 0});
  protocol::Buffer out;
  protocol::frontend::cancel_request(out, t.process_id, t.secret_key);
  socket.write_all(out, deadline);
  // The server answers nothing and closes; waiting for that keeps the cancel ordered before our next step.
  char byte;
  try {
    while (socket.read_some(&byte, 1, deadline) > 0) {
    }
  } catch (const NetError &) {
    // A reset after the request was sent still means it was delivered.
  }
}

}  // namespace pgesql::net
