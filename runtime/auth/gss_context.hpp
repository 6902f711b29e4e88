// A GSSAPI (Kerberos) security context as the client side of PostgreSQL's `gss`
// authentication and GSSAPI transport encryption: the token exchange that
// establishes it, then wrap/unwrap of the encrypted packets.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pgesql::auth {

// Whether this build of pgesql has GSSAPI (an optional build feature, see docs/cmake.md).
bool gss_supported();

// Whether the user holds credentials to initiate a context with (a Kerberos ticket cache).
// Like libpq, gssencmode=prefer asks the server for GSSAPI encryption only then, so a
// program without a ticket never waits for a KDC.
bool gss_have_credentials();

// A GSSAPI call failed; the message carries the library's major and minor status text.
class GssError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class GssContext {
 public:
  // The server is the host-based service `service@host` (krbsrvname, the host's name).
  // `encrypt`: the context will protect the transport (confidentiality and integrity);
  // `delegate`: forward the user's credentials to the server (gssdelegation=1).
  GssContext(const std::string &service, const std::string &host, bool encrypt, bool delegate);
  ~GssContext();
  GssContext(const GssContext &) = delete;
  GssContext &operator=(const GssContext &) = delete;

  // One step of establishing the context: takes the server's last token (empty at the
  // start) and returns the token to send it (empty when there is none). Throws GssError.
  std::string step(std::string_view server_token);
  bool established() const { return established_; }

  // The largest plaintext whose wrapped form fits in `wrapped_limit` bytes.
  std::size_t max_plaintext(std::size_t wrapped_limit) const;
  // Seals `plain` (encrypted and integrity-protected); throws GssError.
  std::string wrap(std::string_view plain) const;
  // Opens a sealed token; throws GssError, also when the peer sent it unencrypted.
  std::string unwrap(std::string_view sealed) const;

 private:
  struct Handles;
  std::unique_ptr<Handles> handles_;
  bool encrypt_ = false;
  bool established_ = false;
};

}  // namespace pgesql::auth
