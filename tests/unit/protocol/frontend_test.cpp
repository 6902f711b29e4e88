#include "protocol/frontend.hpp"

#include <gtest/gtest.h>

#include "bytes.hpp"

namespace pgesql::protocol {
namespace {

using test::be16;
using test::be32;
using test::cstr;
using test::msg;

TEST(Frontend, StartupCarriesVersionAndParameters) {
  Buffer out;
  const StartupParam params[] = {{"user", "alice"}, {"database", "db"}};
  frontend::startup(out, params);
  const std::string body = be32(196608) + cstr("user") + cstr("alice") + cstr("database") + cstr("db") + '\0';
  EXPECT_EQ(out, be32(static_cast<std::int32_t>(body.size() + 4)) + body);
  out.clear();  // max_protocol_version=3.2 asks for 3.2
  frontend::startup(out, params, protocol_version_3_2);
  EXPECT_EQ(out.substr(4, 4), be32(196610));
}

TEST(Frontend, SslAndGssencAndCancelRequests) {
  Buffer out;
  frontend::ssl_request(out);
  EXPECT_EQ(out, be32(8) + be32(80877103));
  out.clear();
  frontend::gssenc_request(out);
  EXPECT_EQ(out, be32(8) + be32(80877104));
  out.clear();
  frontend::cancel_request(out, 1234, be32(-5));
  EXPECT_EQ(out, be32(16) + be32(80877102) + be32(1234) + be32(-5));
  out.clear();  // protocol 3.2: the key as long as the server made it
  const std::string key32(32, '\x5a');
  frontend::cancel_request(out, 1234, key32);
  EXPECT_EQ(out, be32(44) + be32(80877102) + be32(1234) + key32);

}

TEST(Frontend, QueryAndTerminate) {
  Buffer out;
  frontend::query(out, "select 1");
  frontend::terminate(out);
  EXPECT_EQ(out, msg('Q', cstr("select 1")) + msg('X', ""));
}

TEST(Frontend, PasswordAndSasl) {
  Buffer out;
  frontend::password(out, "secret");
  EXPECT_EQ(out, msg('p', cstr("secret")));
  out.clear();
  frontend::sasl_initial_response(out, "SCRAM-SHA-256", "n,,n=,r=abc");
  EXPECT_EQ(out, msg('p', cstr("SCRAM-SHA-256") + be32(11) + "n,,n=,r=abc"));
  out.clear();
  frontend::sasl_response(out, "c=biws");
  EXPECT_EQ(out, msg('p', "c=biws"));
}

TEST(Frontend, ParseWithTypes) {
  Buffer out;
  const std::uint32_t types[] = {23, 0};
  frontend::parse(out, "s1", "select $1, $2", types);
  EXPECT_EQ(out, msg('P', cstr("s1") + cstr("select $1, $2") + be16(2) + be32(23) + be32(0)));
}

TEST(Frontend, BindDistinguishesNullFromEmpty) {
  Buffer out;
  const Format param_formats[] = {Format::binary};
  const ParamValue params[] = {std::string_view("ab"), std::nullopt, std::string_view("")};
  const Format result_formats[] = {Format::text, Format::binary};
  frontend::bind(out, "p", "s", param_formats, params, result_formats);
  const std::string body = cstr("p") + cstr("s") + be16(1) + be16(1) + be16(3) + be32(2) + "ab" + be32(-1) +
                           be32(0) + be16(2) + be16(0) + be16(1);
  EXPECT_EQ(out, msg('B', body));
}

TEST(Frontend, DescribeExecuteCloseSyncFlush) {
  Buffer out;
  frontend::describe_statement(out, "s");
  frontend::describe_portal(out, "");
  frontend::execute(out, "", 10);
  frontend::close_statement(out, "s");
  frontend::close_portal(out, "p");
  frontend::sync(out);
  frontend::flush(out);
  EXPECT_EQ(out, msg('D', "S" + cstr("s")) + msg('D', "P" + cstr("")) + msg('E', cstr("") + be32(10)) +
                     msg('C', "S" + cstr("s")) + msg('C', "P" + cstr("p")) + msg('S', "") + msg('H', ""));
}

TEST(Frontend, Copy) {
  Buffer out;
  frontend::copy_data(out, "1\tx\n");
  frontend::copy_done(out);
  frontend::copy_fail(out, "stopped");
  EXPECT_EQ(out, msg('d', "1\tx\n") + msg('c', "") + msg('f', cstr("stopped")));
}

TEST(Frontend, MessagesAppendToExistingBytes) {
  Buffer out = "xyz";
  frontend::sync(out);
  EXPECT_EQ(out, "xyz" + msg('S', ""));
}

TEST(Frontend, ProtocolStringCheck) {
  EXPECT_TRUE(is_protocol_string("abc"));
  EXPECT_FALSE(is_protocol_string(std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace pgesql::protocol
