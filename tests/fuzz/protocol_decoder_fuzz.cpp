// Fuzzes the backend side of the protocol codec: framing of an arbitrary byte
// stream and every per-message parser on every framed body.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "protocol/backend.hpp"
#include "protocol/framing.hpp"

namespace {

void parse_all(const pgesql::protocol::RawMessage &m) {
  namespace be = pgesql::protocol::backend;
  std::vector<pgesql::protocol::ColumnDescription> columns;
  std::vector<std::optional<std::string_view>> fields;
  std::vector<std::uint32_t> types;
  pgesql::protocol::ErrorFields errors;
  be::parse_authentication(m.body);
  be::parse_backend_key_data(m.body);
  be::parse_parameter_status(m.body);
  be::parse_ready_for_query(m.body);
  be::parse_row_description(m.body, columns);
  if (be::parse_data_row(m.body, fields))
    for (const auto &f : fields)
      if (f && !f->empty()) (void)(*f)[f->size() - 1];  // touch the last byte: out of bounds trips ASan
  if (auto tag = be::parse_command_complete(m.body)) pgesql::protocol::affected_rows(*tag);
  be::parse_error_fields(m.body, errors);
  be::parse_parameter_description(m.body, types);
  be::parse_copy_response(m.body);
  be::parse_notification(m.body);
  be::parse_negotiate_protocol_version(m.body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char *>(data), size);
  for (;;) {
    const auto frame = pgesql::protocol::decode_frame(input, 1 << 20);
    if (frame.status != pgesql::protocol::FrameStatus::message) break;
    parse_all(frame.message);
    input.remove_prefix(frame.consumed);
  }
  return 0;
}
