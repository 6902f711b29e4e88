#include "auth/md5_password.hpp"

#include "auth/crypto.hpp"

namespace pgesql::auth {

std::string md5_password_response(std::string_view user, std::string_view password, std::string_view salt) {
  std::string inner(password);
  const CleansedOnExit wipe_inner(inner);
  inner.append(user);
  std::string outer = md5_hex(inner);
  const CleansedOnExit wipe_outer(outer);
  outer.append(salt);
  return "md5" + md5_hex(outer);
}

}  // namespace pgesql::auth
