// The cryptographic primitives authentication needs, each a thin call into OpenSSL.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pgesql::auth {

std::string sha256(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);
// PBKDF2-HMAC-SHA-256 with a 32-byte output: SCRAM's Hi().
std::string pbkdf2_sha256(std::string_view password, std::string_view salt, int iterations);
// Lowercase hex of the MD5 digest.
std::string md5_hex(std::string_view data);
std::string base64_encode(std::string_view data);
// std::nullopt when `text` is not canonical base64.
std::optional<std::string> base64_decode(std::string_view text);
// Cryptographically strong random bytes; throws std::runtime_error if the RNG fails.
std::string random_bytes(std::size_t n);
// Compares without leaking where the first difference is.
bool constant_time_equal(std::string_view a, std::string_view b);
// Overwrites a secret's bytes (OPENSSL_cleanse, which the compiler may not elide) and empties it.
void cleanse(std::string &secret);

// Holds a secret for a scope and cleanses it on the way out.
class CleansedOnExit {
 public:
  explicit CleansedOnExit(std::string &secret) : secret_(secret) {}
  ~CleansedOnExit() { cleanse(secret_); }
  CleansedOnExit(const CleansedOnExit &) = delete;
  CleansedOnExit &operator=(const CleansedOnExit &) = delete;

 private:
  std::string &secret_;
};

}  // namespace pgesql::auth
