// The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it,
// with optional tls-server-end-point channel binding (SCRAM-SHA-256-PLUS).
// A state machine: each step takes the server's bytes and returns ours.
#pragma once

#include <string>
#include <string_view>

namespace pgesql::auth {

class ScramClient {
 public:
  // What the client says about channel binding in the GS2 header.
  enum class Binding {
    none,          // "n": the client does not support it (no TLS)
    not_offered,   // "y": the client supports it but the server offered no -PLUS mechanism
    server_end_point,  // "p=tls-server-end-point": SCRAM-SHA-256-PLUS with the server certificate's hash
  };

  // `binding_data` is the tls-server-end-point hash when binding is server_end_point.
  // `nonce` empty means generate one; tests pass a fixed one. `user` is normally empty:
  // PostgreSQL takes the user from the startup packet.
  ScramClient(std::string_view password, Binding binding, std::string_view binding_data = {},
              std::string_view nonce = {}, std::string_view user = {});
  ~ScramClient();  // cleanses the password
  ScramClient(const ScramClient &) = delete;
  ScramClient &operator=(const ScramClient &) = delete;

  const char *mechanism() const;
  // client-first-message, sent in SASLInitialResponse.
  std::string client_first();
  // Takes server-first-message, returns client-final-message; false with *error on bad input.
  bool handle_server_first(std::string_view message, std::string *client_final, std::string *error);
  // Verifies server-final-message (the server's proof); false with *error when it does not match.
  bool handle_server_final(std::string_view message, std::string *error);

 private:
  enum class State { start, sent_first, sent_final, done };

  std::string password_;
  Binding binding_;
  std::string binding_data_;
  std::string nonce_;
  std::string user_;
  std::string client_first_bare_;
  std::string server_signature_;
  State state_ = State::start;
};

// The password as SCRAM hashes it: its SASLprep form, or the bytes as given when
// SASLprep rejects it (not UTF-8, prohibited characters), as PostgreSQL does.
std::string scram_prepare_password(std::string_view password);

}  // namespace pgesql::auth
