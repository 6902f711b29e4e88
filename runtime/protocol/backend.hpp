// Backend messages: one parser per message type, over a RawMessage's body.
// Each returns std::nullopt (or false) on malformed input; results may point
// into the body, so they live as long as the bytes they were parsed from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/framing.hpp"
#include "protocol/frontend.hpp"

namespace pgesql::protocol {

enum class AuthRequest : std::int32_t {
  ok = 0,
  kerberos_v5 = 2,
  cleartext_password = 3,
  md5_password = 5,
  gss = 7,
  gss_continue = 8,
  sspi = 9,
  sasl = 10,
  sasl_continue = 11,
  sasl_final = 12,
};

struct Authentication {
  AuthRequest request = AuthRequest::ok;
  std::string_view md5_salt;                 // md5_password: 4 bytes
  std::vector<std::string_view> mechanisms;  // sasl
  std::string_view data;                     // sasl_continue, sasl_final, gss_continue
};

struct BackendKeyData {
  std::int32_t process_id = 0;
  std::string secret_key;  // 4 bytes in protocol 3.0; 4 to 256 bytes from 3.2 on
};

struct ParameterStatus {
  std::string_view name;
  std::string_view value;
};

// ReadyForQuery's transaction status.
enum class TransactionStatus : char { idle = 'I', in_transaction = 'T', failed = 'E' };

struct ColumnDescription {
  std::string name;
  std::uint32_t table_oid = 0;
  std::int16_t column_number = 0;
  std::uint32_t type_oid = 0;
  std::int16_t type_size = 0;
  std::int32_t type_modifier = 0;
  Format format = Format::text;
};

struct CopyResponse {
  Format overall_format = Format::text;
  std::vector<Format> column_formats;
};

struct Notification {
  std::int32_t process_id = 0;
  std::string channel;
  std::string payload;
};

struct NegotiateProtocolVersion {
  std::int32_t newest_minor = 0;  // servers send the whole version, 3 << 16 | minor (libpq reads it so)
  std::vector<std::string_view> unrecognized_options;
};

// Every field an ErrorResponse or NoticeResponse can carry; absent fields are empty.
struct ErrorFields {
  std::string severity;               // S, localized
  std::string severity_nonlocalized;  // V
  std::string sqlstate;               // C
  std::string message;                // M
  std::string detail;                 // D
  std::string hint;                   // H
  std::string position;               // P
  std::string internal_position;      // p
  std::string internal_query;         // q
  std::string where;                  // W
  std::string schema_name;            // s
  std::string table_name;             // t
  std::string column_name;            // c
  std::string datatype_name;          // d
  std::string constraint_name;        // n
  std::string source_file;            // F
  std::string source_line;            // L
  std::string source_function;        // R
};

namespace backend {

std::optional<Authentication> parse_authentication(std::string_view body);
// `protocol_minor`: the protocol version in use (3.0 or 3.2), which bounds the key's length.
std::optional<BackendKeyData> parse_backend_key_data(std::string_view body, int protocol_minor = 0);
std::optional<ParameterStatus> parse_parameter_status(std::string_view body);
std::optional<TransactionStatus> parse_ready_for_query(std::string_view body);
bool parse_row_description(std::string_view body, std::vector<ColumnDescription> &columns);
// Fields as views into the body; std::nullopt is SQL NULL. `fields` is reused by the caller.
bool parse_data_row(std::string_view body, std::vector<std::optional<std::string_view>> &fields);
std::optional<std::string_view> parse_command_complete(std::string_view body);
bool parse_error_fields(std::string_view body, ErrorFields &fields);
bool parse_parameter_description(std::string_view body, std::vector<std::uint32_t> &types);
std::optional<CopyResponse> parse_copy_response(std::string_view body);
std::optional<Notification> parse_notification(std::string_view body);
std::optional<NegotiateProtocolVersion> parse_negotiate_protocol_version(std::string_view body);
// Messages whose body must be empty: ParseComplete, BindComplete, CloseComplete, NoData,
// PortalSuspended, EmptyQueryResponse, CopyDone.
inline bool parse_empty(std::string_view body) { return body.empty(); }

// A readable name for a message type, for error messages and traces.
const char *message_name(char tag);

}  // namespace backend

// The rows affected by a command, from its CommandComplete tag ("INSERT 0 5" → 5);
// std::nullopt for commands that report no count.
std::optional<std::uint64_t> affected_rows(std::string_view command_tag);

}  // namespace pgesql::protocol
