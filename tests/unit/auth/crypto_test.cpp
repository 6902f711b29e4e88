#include "auth/crypto.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace pgesql::auth {
namespace {

std::string hex(std::string_view raw) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const char c : raw) {
    out.push_back(digits[static_cast<unsigned char>(c) >> 4]);
    out.push_back(digits[static_cast<unsigned char>(c) & 0xf]);
  }
  return out;
}

TEST(Crypto, Sha256KnownValue) {
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, HmacSha256Rfc4231Case2) {
  EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Md5Hex) { EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72"); }

TEST(Crypto, Base64RoundTripAndPadding) {
  for (const std::string &s : std::vector<std::string>{"", "f", "fo", "foo", "foob", std::string("\0\xff\x10", 3)}) {
    const auto decoded = base64_decode(base64_encode(s));
    ASSERT_TRUE(decoded) << s;
    EXPECT_EQ(*decoded, s);
  }
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_FALSE(base64_decode("Zm8"));
  EXPECT_FALSE(base64_decode("Zm8*"));
}

TEST(Crypto, RandomBytesDiffer) {
  EXPECT_EQ(random_bytes(16).size(), 16u);
  EXPECT_NE(random_bytes(16), random_bytes(16));
}

TEST(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
}

}  // namespace
}  // namespace pgesql::auth

namespace pgesql::auth {
namespace {

TEST(Cleanse, OverwritesTheBytesAndEmptiesTheString) {
  std::string secret(64, 'x');  // beyond the small-string buffer: the bytes stay allocated after clear()
  const char *bytes = secret.data();
  cleanse(secret);
  EXPECT_TRUE(secret.empty());
  EXPECT_EQ(secret.data(), bytes);
  for (int i = 0; i < 64; ++i) EXPECT_EQ(bytes[i], '\0') << "byte " << i;
}

TEST(Cleanse, ScopeGuardCleansesOnExit) {
  std::string secret = "a password of some length, longer than SSO";
  {
    const CleansedOnExit wipe(secret);
  }
  EXPECT_TRUE(secret.empty());
}

}  // namespace
}  // namespace pgesql::auth
