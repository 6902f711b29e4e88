#include "protocol/backend.hpp"

#include <charconv>

#include "protocol/reader.hpp"

namespace pgesql::protocol::backend {

std::optional<Authentication> parse_authentication(std::string_view body) {
  Reader r(body);
  Authentication a;
  a.request = static_cast<AuthRequest>(r.i32());
  if (!r.ok()) return std::nullopt;
  switch (a.request) {
    case AuthRequest::md5_password:
      a.md5_salt = r.bytes(4);
      break;
    case AuthRequest::sasl:
      for (;;) {
        const auto name = r.cstring();
        if (!r.ok() || name.empty()) break;
        a.mechanisms.push_back(name);
      }
      break;
    case AuthRequest::sasl_continue:
    case AuthRequest::sasl_final:
    case AuthRequest::gss_continue:
      a.data = r.rest();
      break;
    default:
      break;
  }
  if (!r.done()) return std::nullopt;
  return a;
}

std::optional<BackendKeyData> parse_backend_key_data(std::string_view body, int protocol_minor) {
  if (body.size() < 8) return std::nullopt;
  const std::size_t key_length = body.size() - 4;
  if (protocol_minor < 2 ? key_length != 4 : key_length > 256) return std::nullopt;
  Reader r(body.substr(0, 4));
  BackendKeyData k;
  k.process_id = r.i32();
  k.secret_key.assign(body.substr(4));
  return k;
}

std::optional<ParameterStatus> parse_parameter_status(std::string_view body) {
  Reader r(body);
  ParameterStatus p;
  p.name = r.cstring();
  p.value = r.cstring();
  if (!r.done()) return std::nullopt;
  return p;
}

std::optional<TransactionStatus> parse_ready_for_query(std::string_view body) {
  if (body.size() != 1) return std::nullopt;
  switch (body[0]) {
    case 'I': return TransactionStatus::idle;
    case 'T': return TransactionStatus::in_transaction;
    case 'E': return TransactionStatus::failed;
    default: return std::nullopt;
  }
}

namespace {

bool to_format(std::int16_t raw, Format &f) {
  if (raw != 0 && raw != 1) return false;
  f = static_cast<Format>(raw);
  return true;
}

}  // namespace

bool parse_row_description(std::string_view body, std::vector<ColumnDescription> &columns) {
  Reader r(body);
  const std::int16_t count = r.i16();
  if (!r.ok() || count < 0) return false;
  columns.clear();
  // Each column needs at least 19 bytes; a count the body cannot hold is malformed, checked before allocating.
  if (static_cast<std::size_t>(count) * 19 > r.remaining()) return false;
  columns.resize(static_cast<std::size_t>(count));
  for (ColumnDescription &c : columns) {
    c.name = r.cstring();
    c.table_oid = static_cast<std::uint32_t>(r.i32());
    c.column_number = r.i16();
    c.type_oid = static_cast<std::uint32_t>(r.i32());
    c.type_size = r.i16();
    c.type_modifier = r.i32();
    if (!to_format(r.i16(), c.format)) return false;
  }
  return r.done();
}

bool parse_data_row(std::string_view body, std::vector<std::optional<std::string_view>> &fields) {
  Reader r(body);
  const std::int16_t count = r.i16();
  fields.clear();
  if (!r.ok() || count < 0) return false;
  if (static_cast<std::size_t>(count) * 4 > r.remaining()) return false;
  fields.reserve(static_cast<std::size_t>(count));
  for (std::int16_t i = 0; i < count; ++i) {
    const std::int32_t length = r.i32();
    if (length == -1) {
      fields.emplace_back(std::nullopt);
      continue;
    }
    if (length < -1) return false;
    const auto value = r.bytes(static_cast<std::size_t>(length));
    if (!r.ok()) return false;
    fields.emplace_back(value);
  }
  return r.done();
}

std::optional<std::string_view> parse_command_complete(std::string_view body) {
  Reader r(body);
  const auto tag = r.cstring();
  if (!r.done()) return std::nullopt;
  return tag;
}

bool parse_error_fields(std::string_view body, ErrorFields &f) {
  Reader r(body);
  for (;;) {
    const std::uint8_t code = r.u8();
    if (!r.ok()) return false;
    if (code == 0) break;
    const std::string_view value = r.cstring();
    if (!r.ok()) return false;
    std::string *slot = nullptr;
    switch (code) {
      case 'S': slot = &f.severity; break;
      case 'V': slot = &f.severity_nonlocalized; break;
      case 'C': slot = &f.sqlstate; break;
      case 'M': slot = &f.message; break;
      case 'D': slot = &f.detail; break;
      case 'H': slot = &f.hint; break;
      case 'P': slot = &f.position; break;
      case 'p': slot = &f.internal_position; break;
      case 'q': slot = &f.internal_query; break;
      case 'W': slot = &f.where; break;
      case 's': slot = &f.schema_name; break;
      case 't': slot = &f.table_name; break;
      case 'c': slot = &f.column_name; break;
      case 'd': slot = &f.datatype_name; break;
      case 'n': slot = &f.constraint_name; break;
      case 'F': slot = &f.source_file; break;
      case 'L': slot = &f.source_line; break;
      case 'R': slot = &f.source_function; break;
      default: break;  // future field types are skipped, as the protocol asks
    }
    if (slot != nullptr) slot->assign(value);
  }
  return r.done();
}

bool parse_parameter_description(std::string_view body, std::vector<std::uint32_t> &types) {
  Reader r(body);
  const std::int16_t count = r.i16();
  types.clear();
  if (!r.ok() || count < 0 || static_cast<std::size_t>(count) * 4 != r.remaining()) return false;
  types.reserve(static_cast<std::size_t>(count));
  for (std::int16_t i = 0; i < count; ++i) types.push_back(static_cast<std::uint32_t>(r.i32()));
  return r.done();
}

std::optional<CopyResponse> parse_copy_response(std::string_view body) {
  Reader r(body);
  CopyResponse c;
  if (!to_format(static_cast<std::int16_t>(r.u8()), c.overall_format)) return std::nullopt;
  const std::int16_t count = r.i16();
  if (!r.ok() || count < 0 || static_cast<std::size_t>(count) * 2 != r.remaining()) return std::nullopt;
  c.column_formats.resize(static_cast<std::size_t>(count));
  for (Format &f : c.column_formats)
    if (!to_format(r.i16(), f)) return std::nullopt;
  if (!r.done()) return std::nullopt;
  return c;
}

std::optional<Notification> parse_notification(std::string_view body) {
  Reader r(body);
  Notification n;
  n.process_id = r.i32();
  n.channel = r.cstring();
  n.payload = r.cstring();
  if (!r.done()) return std::nullopt;
  return n;
}

std::optional<NegotiateProtocolVersion> parse_negotiate_protocol_version(std::string_view body) {
  Reader r(body);
  NegotiateProtocolVersion n;
  n.newest_minor = r.i32();
  const std::int32_t count = r.i32();
  if (!r.ok() || count < 0 || static_cast<std::size_t>(count) > r.remaining()) return std::nullopt;
  for (std::int32_t i = 0; i < count; ++i) n.unrecognized_options.push_back(r.cstring());
  if (!r.done()) return std::nullopt;
  return n;
}

const char *message_name(char tag) {
  switch (tag) {
    case 'R': return "Authentication";
    case 'K': return "BackendKeyData";
    case 'S': return "ParameterStatus";
    case 'Z': return "ReadyForQuery";
    case 'T': return "RowDescription";
    case 'D': return "DataRow";
    case 'C': return "CommandComplete";
    case 'I': return "EmptyQueryResponse";
    case 'E': return "ErrorResponse";
    case 'N': return "NoticeResponse";
    case '1': return "ParseComplete";
    case '2': return "BindComplete";
    case '3': return "CloseComplete";
    case 'n': return "NoData";
    case 't': return "ParameterDescription";
    case 's': return "PortalSuspended";
    case 'G': return "CopyInResponse";
    case 'H': return "CopyOutResponse";
    case 'W': return "CopyBothResponse";
    case 'd': return "CopyData";
    case 'c': return "CopyDone";
    case 'A': return "NotificationResponse";
    case 'v': return "NegotiateProtocolVersion";
    case 'V': return "FunctionCallResponse";
    default: return "unknown message";
  }
}

}  // namespace pgesql::protocol::backend

namespace pgesql::protocol {

std::optional<std::uint64_t> affected_rows(std::string_view tag) {
  const auto space = tag.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view verb = tag.substr(0, space);
  static constexpr std::string_view counted[] = {"INSERT", "UPDATE", "DELETE", "SELECT", "MOVE",
                                                 "FETCH",  "COPY",   "MERGE"};
  bool known = false;
  for (const auto v : counted) known = known || v == verb;
  if (!known) return std::nullopt;
  const auto last = tag.rfind(' ');
  const std::string_view digits = tag.substr(last + 1);
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return n;
}

}  // namespace pgesql::protocol
