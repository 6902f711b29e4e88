// CancelRequest: a separate short connection asking the server to cancel
// whatever the backend (process id + secret key) is running.
#pragma once

#include <cstdint>
#include <string>

#include "net/net_error.hpp"

namespace pgesql::net {

struct CancelTarget {
  std::string host;      // name/IP, or a socket directory starting with '/'
  std::string hostaddr;
  std::uint16_t port = 5432;
  std::int32_t process_id = 0;
  std::string secret_key;  // as BackendKeyData gave it (4 bytes, or up to 256 in protocol 3.2)
};

// Sends the request and waits for the server to close the socket. Throws NetError.
void send_cancel_request(const CancelTarget &target, Deadline deadline);

}  // namespace pgesql::net
