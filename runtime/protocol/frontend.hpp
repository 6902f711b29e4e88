// Frontend messages: each function appends one complete message to `out`.
// Nothing here touches a socket; the connection sends the buffer when it wants.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "protocol/buffer.hpp"

namespace pgesql::protocol {

inline constexpr std::int32_t protocol_version_3 = 196608;  // 3.0
inline constexpr std::int32_t protocol_version_3_2 = 196610;  // 3.2 (PostgreSQL 18): longer cancel keys
inline constexpr std::int32_t ssl_request_code = 80877103;
inline constexpr std::int32_t gssenc_request_code = 80877104;
inline constexpr std::int32_t cancel_request_code = 80877102;

// Value formats of parameters and result columns.
enum class Format : std::int16_t { text = 0, binary = 1 };

// One Bind parameter: no value is SQL NULL.
using ParamValue = std::optional<std::string_view>;

// Startup parameters are name/value pairs (user, database, application_name, ...).
using StartupParam = std::pair<std::string_view, std::string_view>;

namespace frontend {

void startup(Buffer &out, std::span<const StartupParam> params, std::int32_t version = protocol_version_3);
void ssl_request(Buffer &out);
void gssenc_request(Buffer &out);
void cancel_request(Buffer &out, std::int32_t process_id, std::string_view secret_key);
void password(Buffer &out, std::string_view password);
void sasl_initial_response(Buffer &out, std::string_view mechanism, std::string_view data);
void sasl_response(Buffer &out, std::string_view data);
// GSSResponse: a GSSAPI token of the `gss` authentication exchange, as is.
void gss_response(Buffer &out, std::string_view token);
void query(Buffer &out, std::string_view sql);
// param_types: OIDs, 0 lets the server infer.
void parse(Buffer &out, std::string_view statement, std::string_view sql,
           std::span<const std::uint32_t> param_types);
// param_formats: empty (all text), one (applies to all) or one per parameter; likewise result_formats.
void bind(Buffer &out, std::string_view portal, std::string_view statement,
          std::span<const Format> param_formats, std::span<const ParamValue> params,
          std::span<const Format> result_formats);
void describe_statement(Buffer &out, std::string_view statement);
void describe_portal(Buffer &out, std::string_view portal);
// max_rows 0 means all rows.
void execute(Buffer &out, std::string_view portal, std::int32_t max_rows);
void close_statement(Buffer &out, std::string_view statement);
void close_portal(Buffer &out, std::string_view portal);
void sync(Buffer &out);
void flush(Buffer &out);
void copy_data(Buffer &out, std::string_view data);
void copy_done(Buffer &out);
void copy_fail(Buffer &out, std::string_view reason);
void terminate(Buffer &out);

}  // namespace frontend

// Starts a message with `tag` (0 for the untagged startup-phase messages) and
// returns where its length goes; finish_message patches that length in.
std::size_t begin_message(Buffer &out, char tag);
void finish_message(Buffer &out, std::size_t length_at);

// True when `s` can travel as a NUL-terminated protocol string.
inline bool is_protocol_string(std::string_view s) { return s.find('\0') == std::string_view::npos; }

}  // namespace pgesql::protocol
