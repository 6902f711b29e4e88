#include "auth/scram_client.hpp"

#include <charconv>
#include <stdexcept>

#include "auth/crypto.hpp"
#include "auth/saslprep.hpp"

namespace pgesql::auth {
namespace {

// SCRAM's saslname escaping: ',' and '=' cannot appear raw in attribute values.
std::string escape_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == ',') out += "=2C";
    else if (c == '=') out += "=3D";
    else out.push_back(c);
  }
  return out;
}

std::string xor_bytes(std::string_view a, std::string_view b) {
  std::string out(a);
  for (std::size_t i = 0; i < out.size() && i < b.size(); ++i) out[i] = static_cast<char>(out[i] ^ b[i]);
  return out;
}

// Splits "a=...,b=...,..." and returns the value of attribute `name` at position `index`.
bool attribute_at(std::string_view message, std::size_t index, char name, std::string_view *value) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) {
    const auto comma = message.find(',', start);
    if (comma == std::string_view::npos) return false;
    start = comma + 1;
  }
  const auto end = message.find(',', start);
  const std::string_view attr = message.substr(start, end == std::string_view::npos ? message.npos : end - start);
  if (attr.size() < 2 || attr[0] != name || attr[1] != '=') return false;
  *value = attr.substr(2);
  return true;
}

std::string gs2_header(ScramClient::Binding binding) {
  switch (binding) {
    case ScramClient::Binding::none: return "n,,";
    case ScramClient::Binding::not_offered: return "y,,";
    case ScramClient::Binding::server_end_point: return "p=tls-server-end-point,,";
  }
  return "n,,";
}

}  // namespace

std::string scram_prepare_password(std::string_view password) {
  // As libpq: text SASLprep rejects (not UTF-8, prohibited characters) is hashed as given.
  std::string prepared;
  return saslprep(password, prepared) == SaslprepStatus::ok ? prepared : std::string(password);
}

ScramClient::ScramClient(std::string_view password, Binding binding, std::string_view binding_data,
                         std::string_view nonce, std::string_view user)
    : password_(scram_prepare_password(password)),
      binding_(binding),
      binding_data_(binding_data),
      nonce_(nonce.empty() ? base64_encode(random_bytes(18)) : std::string(nonce)),
      user_(user) {}

const char *ScramClient::mechanism() const {
  return binding_ == Binding::server_end_point ? "SCRAM-SHA-256-PLUS" : "SCRAM-SHA-256";
}

std::string ScramClient::client_first() {
  if (state_ != State::start) throw std::logic_error("SCRAM client-first sent twice");
  client_first_bare_ = "n=" + escape_name(user_) + ",r=" + nonce_;
  state_ = State::sent_first;
  return gs2_header(binding_) + client_first_bare_;
}

ScramClient::~ScramClient() { cleanse(password_); }

bool ScramClient::handle_server_first(std::string_view message, std::string *client_final, std::string *error) {
  if (state_ != State::sent_first) {
    *error = "unexpected SCRAM challenge";
    return false;
  }
  std::string_view nonce, salt_b64, iterations_text;
  if (!attribute_at(message, 0, 'r', &nonce) || !attribute_at(message, 1, 's', &salt_b64) ||
      !attribute_at(message, 2, 'i', &iterations_text)) {
    *error = "malformed SCRAM challenge from the server";
    return false;
  }
  if (nonce.size() <= nonce_.size() || nonce.substr(0, nonce_.size()) != nonce_) {
    *error = "SCRAM server nonce does not extend the client nonce";
    return false;
  }
  const auto salt = base64_decode(salt_b64);
  if (!salt || salt->empty()) {
    *error = "malformed SCRAM salt from the server";
    return false;
  }
  int iterations = 0;
  const auto [end, ec] = std::from_chars(iterations_text.data(), iterations_text.data() + iterations_text.size(), iterations);
  if (ec != std::errc() || end != iterations_text.data() + iterations_text.size() || iterations < 1) {
    *error = "malformed SCRAM iteration count from the server";
    return false;
  }

  std::string binding_input = gs2_header(binding_);
  if (binding_ == Binding::server_end_point) binding_input += binding_data_;
  const std::string without_proof = "c=" + base64_encode(binding_input) + ",r=" + std::string(nonce);

  // Every value derived from the password is cleansed once the proof is built.
  std::string salted = pbkdf2_sha256(password_, *salt, iterations);
  std::string client_key = hmac_sha256(salted, "Client Key");
  std::string stored_key = sha256(client_key);
  std::string server_key = hmac_sha256(salted, "Server Key");
  std::string proof;
  const CleansedOnExit wipe[] = {CleansedOnExit(salted), CleansedOnExit(client_key), CleansedOnExit(stored_key),
                                 CleansedOnExit(server_key), CleansedOnExit(proof)};
  const std::string auth_message = client_first_bare_ + "," + std::string(message) + "," + without_proof;
  const std::string client_signature = hmac_sha256(stored_key, auth_message);
  proof = xor_bytes(client_key, client_signature);
  server_signature_ = hmac_sha256(server_key, auth_message);
  cleanse(password_);  // not needed after the proof

  *client_final = without_proof + ",p=" + base64_encode(proof);
  state_ = State::sent_final;
  return true;
}

bool ScramClient::handle_server_final(std::string_view message, std::string *error) {
  if (state_ != State::sent_final) {
    *error = "unexpected SCRAM final message";
    return false;
  }
  std::string_view value;
  if (attribute_at(message, 0, 'e', &value)) {
    *error = "SCRAM authentication failed on the server: " + std::string(value);
    return false;
  }
  if (!attribute_at(message, 0, 'v', &value)) {
    *error = "malformed SCRAM final message from the server";
    return false;
  }
  const auto signature = base64_decode(value);
  if (!signature || !constant_time_equal(*signature, server_signature_)) {
    *error = "incorrect server signature in SCRAM final message";
    return false;
  }
  state_ = State::done;
  return true;
}

}  // namespace pgesql::auth
