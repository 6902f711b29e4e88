// The response to AuthenticationMD5Password.
#pragma once

#include <string>
#include <string_view>

namespace pgesql::auth {

// "md5" + md5hex(md5hex(password + user) + salt), as the server expects.
std::string md5_password_response(std::string_view user, std::string_view password, std::string_view salt);

}  // namespace pgesql::auth
