#include "protocol/backend.hpp"

#include <gtest/gtest.h>

#include "bytes.hpp"

namespace pgesql::protocol {
namespace {

using test::be16;
using test::be32;
using test::cstr;

// Every proper prefix of a valid body must be rejected: truncation never reads past the end.
template <typename Parse>
void expect_all_prefixes_rejected(const std::string &body, Parse parse) {
  for (std::size_t n = 0; n < body.size(); ++n) EXPECT_FALSE(parse(body.substr(0, n))) << "prefix " << n;
}

TEST(Backend, AuthenticationOkCleartextMd5) {
  auto ok = backend::parse_authentication(be32(0));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->request, AuthRequest::ok);
  auto clear = backend::parse_authentication(be32(3));
  ASSERT_TRUE(clear);
  EXPECT_EQ(clear->request, AuthRequest::cleartext_password);
  const std::string md5_body = be32(5) + std::string("ab\0d", 4);
  auto md5 = backend::parse_authentication(md5_body);
  ASSERT_TRUE(md5);
  EXPECT_EQ(md5->md5_salt, std::string_view("ab\0d", 4));
  EXPECT_FALSE(backend::parse_authentication(be32(5) + "abc"));
  EXPECT_FALSE(backend::parse_authentication(be32(5) + "abcde"));
  EXPECT_FALSE(backend::parse_authentication(be32(0) + "x"));
}

TEST(Backend, AuthenticationSaslMechanisms) {
  const std::string body = be32(10) + cstr("SCRAM-SHA-256-PLUS") + cstr("SCRAM-SHA-256") + '\0';
  auto a = backend::parse_authentication(body);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->mechanisms.size(), 2u);
  EXPECT_EQ(a->mechanisms[0], "SCRAM-SHA-256-PLUS");
  EXPECT_EQ(a->mechanisms[1], "SCRAM-SHA-256");
  expect_all_prefixes_rejected(body, [](std::string_view b) { return backend::parse_authentication(b).has_value(); });
}

TEST(Backend, AuthenticationSaslContinueAndFinal) {
  const std::string continue_body = be32(11) + "r=abc,s=xyz,i=4096";
  auto c = backend::parse_authentication(continue_body);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->request, AuthRequest::sasl_continue);
  EXPECT_EQ(c->data, "r=abc,s=xyz,i=4096");
  const std::string final_body = be32(12) + "v=abc";
  auto f = backend::parse_authentication(final_body);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->data, "v=abc");
}

TEST(Backend, BackendKeyDataAndParameterStatus) {
  auto k = backend::parse_backend_key_data(be32(42) + be32(-7));
  ASSERT_TRUE(k);
  EXPECT_EQ(k->process_id, 42);
  EXPECT_EQ(k->secret_key, be32(-7));
  EXPECT_FALSE(backend::parse_backend_key_data(be32(42)));
  EXPECT_FALSE(backend::parse_backend_key_data(be32(42) + be32(1) + "x"));  // 3.0: exactly 4 bytes
  // protocol 3.2 (a PostgreSQL 18 server's BackendKeyData): 4 to 256 bytes of key
  const std::string key32(32, '\xa5');
  k = backend::parse_backend_key_data(be32(42) + key32, 2);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->secret_key, key32);
  EXPECT_TRUE(backend::parse_backend_key_data(be32(42) + std::string(256, 'k'), 2));
  EXPECT_FALSE(backend::parse_backend_key_data(be32(42) + std::string(257, 'k'), 2));
  EXPECT_FALSE(backend::parse_backend_key_data(be32(42) + key32, 0));
  const std::string status_body = cstr("DateStyle") + cstr("ISO, MDY");
  auto p = backend::parse_parameter_status(status_body);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "DateStyle");
  EXPECT_EQ(p->value, "ISO, MDY");
  EXPECT_FALSE(backend::parse_parameter_status(cstr("DateStyle") + "ISO"));
}

TEST(Backend, ReadyForQuery) {
  EXPECT_EQ(backend::parse_ready_for_query("I"), TransactionStatus::idle);
  EXPECT_EQ(backend::parse_ready_for_query("T"), TransactionStatus::in_transaction);
  EXPECT_EQ(backend::parse_ready_for_query("E"), TransactionStatus::failed);
  EXPECT_FALSE(backend::parse_ready_for_query("X"));
  EXPECT_FALSE(backend::parse_ready_for_query(""));
  EXPECT_FALSE(backend::parse_ready_for_query("II"));
}

std::string column(std::string_view name, std::int32_t type, std::int16_t format) {
  return cstr(name) + be32(16384) + be16(2) + be32(type) + be16(4) + be32(-1) + be16(format);
}

TEST(Backend, RowDescription) {
  const std::string body = be16(2) + column("id", 23, 0) + column("data", 17, 1);
  std::vector<ColumnDescription> cols;
  ASSERT_TRUE(backend::parse_row_description(body, cols));
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols[0].name, "id");
  EXPECT_EQ(cols[0].table_oid, 16384u);
  EXPECT_EQ(cols[0].column_number, 2);
  EXPECT_EQ(cols[0].type_oid, 23u);
  EXPECT_EQ(cols[0].type_modifier, -1);
  EXPECT_EQ(cols[1].format, Format::binary);
  expect_all_prefixes_rejected(body, [](std::string_view b) {
    std::vector<ColumnDescription> c;
    return backend::parse_row_description(b, c);
  });
  EXPECT_FALSE(backend::parse_row_description(body + "x", cols));
  EXPECT_FALSE(backend::parse_row_description(be16(1) + column("x", 23, 2), cols));
  EXPECT_FALSE(backend::parse_row_description(be16(-1), cols));
  // A huge column count with a tiny body fails before allocating.
  EXPECT_FALSE(backend::parse_row_description(be16(32767) + column("x", 23, 0), cols));
}

TEST(Backend, DataRowFieldsAndNull) {
  const std::string body = be16(4) + be32(3) + "abc" + be32(-1) + be32(0) + be32(2) + std::string("\0\1", 2);
  std::vector<std::optional<std::string_view>> fields;
  ASSERT_TRUE(backend::parse_data_row(body, fields));
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0], "abc");
  EXPECT_FALSE(fields[1].has_value());
  ASSERT_TRUE(fields[2].has_value());
  EXPECT_EQ(*fields[2], "");
  EXPECT_EQ(*fields[3], std::string_view("\0\1", 2));
  // Fields point into the body: no copies.
  EXPECT_EQ(fields[0]->data(), body.data() + 6);
  expect_all_prefixes_rejected(body, [](std::string_view b) {
    std::vector<std::optional<std::string_view>> f;
    return backend::parse_data_row(b, f);
  });
}

TEST(Backend, DataRowMalformedLengths) {
  std::vector<std::optional<std::string_view>> fields;
  EXPECT_FALSE(backend::parse_data_row(be16(1) + be32(-2), fields));
  EXPECT_FALSE(backend::parse_data_row(be16(1) + be32(100) + "abc", fields));
  EXPECT_FALSE(backend::parse_data_row(be16(1) + be32(0x7fffffff) + "abc", fields));
  EXPECT_FALSE(backend::parse_data_row(be16(1) + be32(1) + "ab", fields));  // trailing byte
  EXPECT_FALSE(backend::parse_data_row(be16(-3), fields));
  EXPECT_FALSE(backend::parse_data_row(be16(30000), fields));
  EXPECT_TRUE(backend::parse_data_row(be16(0), fields));
  EXPECT_TRUE(fields.empty());
}

TEST(Backend, CommandCompleteAndAffectedRows) {
  const std::string tag_body = cstr("INSERT 0 5");
  auto tag = backend::parse_command_complete(tag_body);
  ASSERT_TRUE(tag);
  EXPECT_EQ(*tag, "INSERT 0 5");
  EXPECT_FALSE(backend::parse_command_complete("INSERT 0 5"));
  EXPECT_FALSE(backend::parse_command_complete(cstr("A") + "B"));
  EXPECT_EQ(affected_rows("INSERT 0 5"), 5u);
  EXPECT_EQ(affected_rows("UPDATE 12"), 12u);
  EXPECT_EQ(affected_rows("SELECT 3"), 3u);
  EXPECT_EQ(affected_rows("COPY 7"), 7u);
  EXPECT_EQ(affected_rows("FETCH 0"), 0u);
  EXPECT_FALSE(affected_rows("CREATE TABLE"));
  EXPECT_FALSE(affected_rows("BEGIN"));
  EXPECT_FALSE(affected_rows("UPDATE x"));
}

TEST(Backend, ErrorResponseAllFields) {
  std::string body;
  const char codes[] = "SVCMDHPpqWstcdnFLR";
  for (const char *c = codes; *c; ++c) body += std::string(1, *c) + cstr(std::string("v") + *c);
  body += std::string(1, 'Z') + cstr("unknown field, skipped");
  body += '\0';
  ErrorFields f;
  ASSERT_TRUE(backend::parse_error_fields(body, f));
  EXPECT_EQ(f.severity, "vS");
  EXPECT_EQ(f.severity_nonlocalized, "vV");
  EXPECT_EQ(f.sqlstate, "vC");
  EXPECT_EQ(f.message, "vM");
  EXPECT_EQ(f.detail, "vD");
  EXPECT_EQ(f.hint, "vH");
  EXPECT_EQ(f.position, "vP");
  EXPECT_EQ(f.internal_position, "vp");
  EXPECT_EQ(f.internal_query, "vq");
  EXPECT_EQ(f.where, "vW");
  EXPECT_EQ(f.schema_name, "vs");
  EXPECT_EQ(f.table_name, "vt");
  EXPECT_EQ(f.column_name, "vc");
  EXPECT_EQ(f.datatype_name, "vd");
  EXPECT_EQ(f.constraint_name, "vn");
  EXPECT_EQ(f.source_file, "vF");
  EXPECT_EQ(f.source_line, "vL");
  EXPECT_EQ(f.source_function, "vR");
  expect_all_prefixes_rejected(body, [](std::string_view b) {
    ErrorFields e;
    return backend::parse_error_fields(b, e);
  });
  EXPECT_FALSE(backend::parse_error_fields(body + "x", f));
}

TEST(Backend, ParameterDescription) {
  std::vector<std::uint32_t> types;
  ASSERT_TRUE(backend::parse_parameter_description(be16(2) + be32(23) + be32(25), types));
  EXPECT_EQ(types, (std::vector<std::uint32_t>{23, 25}));
  EXPECT_FALSE(backend::parse_parameter_description(be16(2) + be32(23), types));
  EXPECT_FALSE(backend::parse_parameter_description(be16(1) + be32(23) + "x", types));
}

TEST(Backend, CopyResponse) {
  auto c = backend::parse_copy_response(std::string(1, '\1') + be16(2) + be16(1) + be16(1));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->overall_format, Format::binary);
  EXPECT_EQ(c->column_formats.size(), 2u);
  EXPECT_FALSE(backend::parse_copy_response(std::string(1, '\0') + be16(2) + be16(0)));
  EXPECT_FALSE(backend::parse_copy_response(std::string(1, '\2') + be16(0)));
}

TEST(Backend, NotificationResponse) {
  const std::string body = be32(99) + cstr("chan") + cstr("payload");
  auto n = backend::parse_notification(body);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->process_id, 99);
  EXPECT_EQ(n->channel, "chan");
  EXPECT_EQ(n->payload, "payload");
  expect_all_prefixes_rejected(body, [](std::string_view b) { return backend::parse_notification(b).has_value(); });
}

TEST(Backend, NegotiateProtocolVersion) {
  const std::string negotiate_body = be32(0) + be32(1) + cstr("_pq_.x");
  auto n = backend::parse_negotiate_protocol_version(negotiate_body);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->newest_minor, 0);
  ASSERT_EQ(n->unrecognized_options.size(), 1u);
  EXPECT_EQ(n->unrecognized_options[0], "_pq_.x");
  EXPECT_FALSE(backend::parse_negotiate_protocol_version(be32(0) + be32(2) + cstr("_pq_.x")));
  EXPECT_FALSE(backend::parse_negotiate_protocol_version(be32(0) + be32(-1)));
}

TEST(Backend, EmptyMessagesAndNames) {
  EXPECT_TRUE(backend::parse_empty(""));
  EXPECT_FALSE(backend::parse_empty("x"));
  EXPECT_STREQ(backend::message_name('Z'), "ReadyForQuery");
  EXPECT_STREQ(backend::message_name('?'), "unknown message");
}

}  // namespace
}  // namespace pgesql::protocol
