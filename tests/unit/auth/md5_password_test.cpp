#include "auth/md5_password.hpp"

#include <gtest/gtest.h>

namespace pgesql::auth {
namespace {

// Expected value computed independently (Python hashlib) from the protocol's formula.
TEST(Md5Password, MatchesTheServerFormula) {
  EXPECT_EQ(md5_password_response("pgesql_md5", "md5-secret", std::string("\x01\x02\x03\x04", 4)),
            "md53521985040a195ce8356290bc7d97815");
}

TEST(Md5Password, SaltChangesTheResponse) {
  EXPECT_NE(md5_password_response("u", "p", "aaaa"), md5_password_response("u", "p", "aaab"));
}

}  // namespace
}  // namespace pgesql::auth
