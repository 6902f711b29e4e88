#include "auth/scram_client.hpp"

#include <gtest/gtest.h>

namespace pgesql::auth {
namespace {

// RFC 7677 section 3, the SCRAM-SHA-256 example exchange.
TEST(ScramClient, Rfc7677Example) {
  ScramClient c("pencil", ScramClient::Binding::none, {}, "rOprNGfwEbeRWgbNEkqO", "user");
  EXPECT_STREQ(c.mechanism(), "SCRAM-SHA-256");
  EXPECT_EQ(c.client_first(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  std::string final_message, error;
  ASSERT_TRUE(c.handle_server_first(
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &final_message,
      &error))
      << error;
  EXPECT_EQ(final_message,
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  EXPECT_TRUE(c.handle_server_final("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error)) << error;
}

// Channel binding: expected values computed independently (Python hashlib/hmac).
TEST(ScramClient, ServerEndPointBinding) {
  std::string cert_hash;
  for (int i = 0; i < 32; ++i) cert_hash.push_back(static_cast<char>(i));
  ScramClient c("pencil", ScramClient::Binding::server_end_point, cert_hash, "fyko+d2lbbFgONRv9qkxdawL");
  EXPECT_STREQ(c.mechanism(), "SCRAM-SHA-256-PLUS");
  EXPECT_EQ(c.client_first(), "p=tls-server-end-point,,n=,r=fyko+d2lbbFgONRv9qkxdawL");
  std::string final_message, error;
  ASSERT_TRUE(c.handle_server_first(
      "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=UVNYQ1IrUTZzZWs4YmY5Mg==,i=4096", &final_message, &error));
  EXPECT_EQ(final_message,
            "c=cD10bHMtc2VydmVyLWVuZC1wb2ludCwsAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,"
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=Hol6h2ivEklZsMf3sDqCD4skcETxS8BGrpx/ZOFhWho=");
  EXPECT_TRUE(c.handle_server_final("v=x6eNs9sGzQ6+iQU7J2jcAaGwdtUTW4dPzWZ/2xL0AKs=", &error)) << error;
}

TEST(ScramClient, SupportedButNotOfferedUsesY) {
  ScramClient c("pw", ScramClient::Binding::not_offered, {}, "abc");
  EXPECT_EQ(c.client_first(), "y,,n=,r=abc");
  std::string final_message, error;
  ASSERT_TRUE(c.handle_server_first("r=abcdef,s=c2FsdA==,i=1", &final_message, &error));
  EXPECT_EQ(final_message.substr(0, 7), "c=eSws,");
}

TEST(ScramClient, GeneratedNoncesDiffer) {
  ScramClient a("pw", ScramClient::Binding::none), b("pw", ScramClient::Binding::none);
  EXPECT_NE(a.client_first(), b.client_first());
}

class ScramBadServerFirst : public testing::TestWithParam<const char *> {};

TEST_P(ScramBadServerFirst, IsRejected) {
  ScramClient c("pw", ScramClient::Binding::none, {}, "abc");
  c.client_first();
  std::string final_message, error;
  EXPECT_FALSE(c.handle_server_first(GetParam(), &final_message, &error));
  EXPECT_FALSE(error.empty());
}

INSTANTIATE_TEST_SUITE_P(Messages, ScramBadServerFirst,
                         testing::Values("", "r=abc,s=c2FsdA==,i=1",  // nonce not extended
                                         "r=xyzdef,s=c2FsdA==,i=1",    // nonce not ours
                                         "r=abcdef,s=***,i=1", "r=abcdef,s=,i=1", "r=abcdef,s=c2FsdA==,i=0",
                                         "r=abcdef,s=c2FsdA==,i=x", "r=abcdef,s=c2FsdA==", "s=c2FsdA==,r=abcdef,i=1",
                                         "m=ext,r=abcdef,s=c2FsdA==,i=1"));

TEST(ScramClient, WrongServerSignatureIsRejected) {
  ScramClient c("pencil", ScramClient::Binding::none, {}, "rOprNGfwEbeRWgbNEkqO", "user");
  c.client_first();
  std::string final_message, error;
  ASSERT_TRUE(c.handle_server_first(
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &final_message,
      &error));
  EXPECT_FALSE(c.handle_server_final("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error));
  EXPECT_FALSE(c.handle_server_final("e=invalid-proof", &error));
}

TEST(ScramClient, ServerErrorIsReported) {
  ScramClient c("pw", ScramClient::Binding::none, {}, "abc");
  c.client_first();
  std::string final_message, error;
  ASSERT_TRUE(c.handle_server_first("r=abcdef,s=c2FsdA==,i=1", &final_message, &error));
  EXPECT_FALSE(c.handle_server_final("e=invalid-proof", &error));
  EXPECT_NE(error.find("invalid-proof"), std::string::npos);
}

TEST(ScramClient, OutOfOrderStepsAreRejected) {
  ScramClient c("pw", ScramClient::Binding::none, {}, "abc");
  std::string final_message, error;
  EXPECT_FALSE(c.handle_server_first("r=abcdef,s=c2FsdA==,i=1", &final_message, &error));
  EXPECT_FALSE(c.handle_server_final("v=xx", &error));
}

TEST(ScramClient, NameEscaping) {
  ScramClient c("pw", ScramClient::Binding::none, {}, "n", "a,b=c");
  EXPECT_EQ(c.client_first(), "n,,n=a=2Cb=3Dc,r=n");
}

}  // namespace
}  // namespace pgesql::auth
