#include "protocol/framing.hpp"

#include <gtest/gtest.h>

#include "bytes.hpp"

namespace pgesql::protocol {
namespace {

using test::be32;
using test::msg;

TEST(Framing, EmptyInputNeedsMore) {
  const Frame f = decode_frame("");
  EXPECT_EQ(f.status, FrameStatus::need_more);
}

TEST(Framing, PartialHeaderNeedsMore) {
  const std::string whole = msg('Z', "I");
  for (std::size_t n = 1; n < 5; ++n) EXPECT_EQ(decode_frame(whole.substr(0, n)).status, FrameStatus::need_more);
}

TEST(Framing, TruncatedBodyNeedsMoreAndSaysHowMuch) {
  const std::string whole = msg('C', std::string("SELECT 1") + '\0');
  const Frame f = decode_frame(std::string_view(whole).substr(0, whole.size() - 1));
  EXPECT_EQ(f.status, FrameStatus::need_more);
  EXPECT_EQ(f.needed, whole.size());
}

TEST(Framing, WholeMessageAndFollowingBytes) {
  const std::string input = msg('Z', "T") + msg('Z', "I").substr(0, 3);
  const Frame f = decode_frame(input);
  ASSERT_EQ(f.status, FrameStatus::message);
  EXPECT_EQ(f.message.tag, 'Z');
  EXPECT_EQ(f.message.body, "T");
  EXPECT_EQ(f.consumed, 6u);
  EXPECT_EQ(decode_frame(std::string_view(input).substr(f.consumed)).status, FrameStatus::need_more);
}

TEST(Framing, EmptyBodyMessage) {
  const Frame f = decode_frame(msg('1', ""));
  ASSERT_EQ(f.status, FrameStatus::message);
  EXPECT_TRUE(f.message.body.empty());
}

TEST(Framing, LengthBelowFourIsMalformed) {
  for (const int len : {0, 3, -1, -2147483647 - 1}) {
    const Frame f = decode_frame("Z" + be32(len) + "I");
    EXPECT_EQ(f.status, FrameStatus::malformed) << len;
    EXPECT_FALSE(f.error.empty());
  }
}

TEST(Framing, OversizedMessageIsMalformedBeforeItArrives) {
  const Frame f = decode_frame("D" + be32(2000), 1000);
  EXPECT_EQ(f.status, FrameStatus::malformed);
  EXPECT_NE(f.error.find("exceeds"), std::string::npos);
  EXPECT_EQ(decode_frame("D" + be32(0x7fffffff)).status, FrameStatus::malformed);
}

TEST(Framing, UnknownTagIsMalformed) {
  const Frame f = decode_frame("Q" + be32(4));
  EXPECT_EQ(f.status, FrameStatus::malformed);
  EXPECT_NE(f.error.find("0x51"), std::string::npos);
  EXPECT_EQ(decode_frame(std::string(1, '\0')).status, FrameStatus::malformed);
}

TEST(Framing, EncryptionResponses) {
  EXPECT_EQ(decode_encryption_response('S'), EncryptionResponse::accepted);
  EXPECT_EQ(decode_encryption_response('N'), EncryptionResponse::refused);
  EXPECT_EQ(decode_encryption_response('E'), EncryptionResponse::error);
  EXPECT_EQ(decode_encryption_response('x'), EncryptionResponse::malformed);
}

}  // namespace
}  // namespace pgesql::protocol
