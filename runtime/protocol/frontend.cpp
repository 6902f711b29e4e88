#include "protocol/frontend.hpp"

#include <limits>
#include <stdexcept>

namespace pgesql::protocol {

std::size_t begin_message(Buffer &out, char tag) {
  if (tag != 0) out.push_back(tag);
  const std::size_t at = out.size();
  put_i32(out, 0);
  return at;
}

void finish_message(Buffer &out, std::size_t length_at) {
  const std::size_t length = out.size() - length_at;
  // The server caps messages far below this; refusing here keeps the length field honest.
  if (length > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw std::length_error("protocol message longer than 2 GiB");
  const auto v = static_cast<std::uint32_t>(length);
  out[length_at] = static_cast<char>(v >> 24);
  out[length_at + 1] = static_cast<char>(v >> 16);
  out[length_at + 2] = static_cast<char>(v >> 8);
  out[length_at + 3] = static_cast<char>(v);
}

namespace frontend {
namespace {

void code_only(Buffer &out, std::int32_t code) {
  const auto at = begin_message(out, 0);
  put_i32(out, code);
  finish_message(out, at);
}

void tag_only(Buffer &out, char tag) {
  out.push_back(tag);
  put_i32(out, 4);
}

void tag_and_string(Buffer &out, char tag, std::string_view s) {
  const auto at = begin_message(out, tag);
  put_cstring(out, s);
  finish_message(out, at);
}

void tag_kind_name(Buffer &out, char tag, char kind, std::string_view name) {
  const auto at = begin_message(out, tag);
  out.push_back(kind);
  put_cstring(out, name);
  finish_message(out, at);
}

void put_formats(Buffer &out, std::span<const Format> formats) {
  put_i16(out, static_cast<std::int16_t>(formats.size()));
  for (const Format f : formats) put_i16(out, static_cast<std::int16_t>(f));
}

}  // namespace

void startup(Buffer &out, std::span<const StartupParam> params, std::int32_t version) {
  const auto at = begin_message(out, 0);
  put_i32(out, version);
  for (const auto &[name, value] : params) {
    put_cstring(out, name);
    put_cstring(out, value);
  }
  out.push_back('\0');
  finish_message(out, at);
}

void ssl_request(Buffer &out) { code_only(out, ssl_request_code); }
void gssenc_request(Buffer &out) { code_only(out, gssenc_request_code); }

void cancel_request(Buffer &out, std::int32_t process_id, std::string_view secret_key) {
  const auto at = begin_message(out, 0);
  put_i32(out, cancel_request_code);
  put_i32(out, process_id);
  out.insert(out.end(), secret_key.begin(), secret_key.end());
  finish_message(out, at);
}

void password(Buffer &out, std::string_view password) { tag_and_string(out, 'p', password); }

void sasl_initial_response(Buffer &out, std::string_view mechanism, std::string_view data) {
  const auto at = begin_message(out, 'p');
  put_cstring(out, mechanism);
  put_i32(out, static_cast<std::int32_t>(data.size()));
  out.append(data);
  finish_message(out, at);
}

void sasl_response(Buffer &out, std::string_view data) {
  const auto at = begin_message(out, 'p');
  out.append(data);
  finish_message(out, at);
}

void gss_response(Buffer &out, std::string_view token) {
  const auto at = begin_message(out, 'p');
  out.append(token);
  finish_message(out, at);
}

void query(Buffer &out, std::string_view sql) { tag_and_string(out, 'Q', sql); }

void parse(Buffer &out, std::string_view statement, std::string_view sql,
           std::span<const std::uint32_t> param_types) {
  const auto at = begin_message(out, 'P');
  put_cstring(out, statement);
  put_cstring(out, sql);
  put_i16(out, static_cast<std::int16_t>(param_types.size()));
  for (const std::uint32_t oid : param_types) put_i32(out, static_cast<std::int32_t>(oid));
  finish_message(out, at);
}

void bind(Buffer &out, std::string_view portal, std::string_view statement,
          std::span<const Format> param_formats, std::span<const ParamValue> params,
          std::span<const Format> result_formats) {
  const auto at = begin_message(out, 'B');
  put_cstring(out, portal);
  put_cstring(out, statement);
  put_formats(out, param_formats);
  put_i16(out, static_cast<std::int16_t>(params.size()));
  for (const ParamValue &p : params) {
    if (!p) {
      put_i32(out, -1);
      continue;
    }
    put_i32(out, static_cast<std::int32_t>(p->size()));
    out.append(*p);
  }
  put_formats(out, result_formats);
  finish_message(out, at);
}

void describe_statement(Buffer &out, std::string_view statement) { tag_kind_name(out, 'D', 'S', statement); }
void describe_portal(Buffer &out, std::string_view portal) { tag_kind_name(out, 'D', 'P', portal); }

void execute(Buffer &out, std::string_view portal, std::int32_t max_rows) {
  const auto at = begin_message(out, 'E');
  put_cstring(out, portal);
  put_i32(out, max_rows);
  finish_message(out, at);
}

void close_statement(Buffer &out, std::string_view statement) { tag_kind_name(out, 'C', 'S', statement); }
void close_portal(Buffer &out, std::string_view portal) { tag_kind_name(out, 'C', 'P', portal); }
void sync(Buffer &out) { tag_only(out, 'S'); }
void flush(Buffer &out) { tag_only(out, 'H'); }

void copy_data(Buffer &out, std::string_view data) {
  const auto at = begin_message(out, 'd');
  out.append(data);
  finish_message(out, at);
}

void copy_done(Buffer &out) { tag_only(out, 'c'); }
void copy_fail(Buffer &out, std::string_view reason) { tag_and_string(out, 'f', reason); }
void terminate(Buffer &out) { tag_only(out, 'X'); }

}  // namespace frontend
}  // namespace pgesql::protocol
