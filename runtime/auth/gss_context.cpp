// GssContext through the system's GSSAPI library (MIT Kerberos on Debian).
#include "auth/gss_context.hpp"

#include <gssapi/gssapi.h>

namespace pgesql::auth {

namespace {

// "major text: minor text", the way libpq reports a GSSAPI failure.
std::string status_text(const char *what, OM_uint32 major, OM_uint32 minor) {
  std::string text = what;
  const auto append = [&](OM_uint32 code, int type) {
    OM_uint32 context = 0;
    do {
      OM_uint32 ignored = 0;
      gss_buffer_desc message = GSS_C_EMPTY_BUFFER;
      if (GSS_ERROR(gss_display_status(&ignored, code, type, GSS_C_NO_OID, &context, &message))) return;
      text += ": ";
      text.append(static_cast<const char *>(message.value), message.length);
      gss_release_buffer(&ignored, &message);
    } while (context != 0);
  };
  append(major, GSS_C_GSS_CODE);
  if (minor != 0) append(minor, GSS_C_MECH_CODE);
  return text;
}

gss_buffer_desc view_of(std::string_view bytes) {
  return gss_buffer_desc{bytes.size(), const_cast<char *>(bytes.data())};
}

// Copies a library-owned buffer into a string and releases it.
std::string take(gss_buffer_desc &buffer) {
  std::string bytes(static_cast<const char *>(buffer.value), buffer.length);
  OM_uint32 ignored = 0;
  gss_release_buffer(&ignored, &buffer);
  return bytes;
}

}  // namespace

bool gss_supported() { return true; }

bool gss_have_credentials() {
  OM_uint32 minor = 0;
  gss_cred_id_t credentials = GSS_C_NO_CREDENTIAL;
  const OM_uint32 major = gss_acquire_cred(&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &credentials,
                                           nullptr, nullptr);
  if (GSS_ERROR(major)) return false;
  gss_release_cred(&minor, &credentials);
  return true;
}

struct GssContext::Handles {
  gss_name_t target = GSS_C_NO_NAME;
  gss_ctx_id_t context = GSS_C_NO_CONTEXT;
  OM_uint32 flags = 0;
  ~Handles() {
    OM_uint32 minor = 0;
    if (context != GSS_C_NO_CONTEXT) gss_delete_sec_context(&minor, &context, GSS_C_NO_BUFFER);
    if (target != GSS_C_NO_NAME) gss_release_name(&minor, &target);
  }
};

GssContext::GssContext(const std::string &service, const std::string &host, bool encrypt, bool delegate)
    : handles_(std::make_unique<Handles>()), encrypt_(encrypt) {
  if (host.empty()) throw GssError("host name must be specified for GSSAPI");
  const std::string principal = service + "@" + host;
  gss_buffer_desc name = view_of(principal);
  OM_uint32 minor = 0;
  const OM_uint32 major = gss_import_name(&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &handles_->target);
  if (GSS_ERROR(major)) throw GssError(status_text("GSSAPI name import error", major, minor));
  handles_->flags = GSS_C_MUTUAL_FLAG;
  if (encrypt) handles_->flags |= GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;
  if (delegate) handles_->flags |= GSS_C_DELEG_FLAG;
}

GssContext::~GssContext() = default;

std::string GssContext::step(std::string_view server_token) {
  gss_buffer_desc input = view_of(server_token);
  gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
  OM_uint32 minor = 0, granted = 0;
  const OM_uint32 major = gss_init_sec_context(
      &minor, GSS_C_NO_CREDENTIAL, &handles_->context, handles_->target, GSS_C_NO_OID, handles_->flags, 0,
      GSS_C_NO_CHANNEL_BINDINGS, handles_->context == GSS_C_NO_CONTEXT ? GSS_C_NO_BUFFER : &input, nullptr, &output,
      &granted, nullptr);
  std::string token = take(output);
  if (GSS_ERROR(major)) throw GssError(status_text("GSSAPI continuation error", major, minor));
  if (major == GSS_S_COMPLETE) {
    const OM_uint32 needed = encrypt_ ? GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG : 0;
    if ((granted & needed) != needed) throw GssError("GSSAPI did not provide confidentiality");
    established_ = true;
  }
  return token;
}

std::size_t GssContext::max_plaintext(std::size_t wrapped_limit) const {
  OM_uint32 minor = 0, limit = 0;
  const OM_uint32 major = gss_wrap_size_limit(&minor, handles_->context, 1, GSS_C_QOP_DEFAULT,
                                              static_cast<OM_uint32>(wrapped_limit), &limit);
  if (GSS_ERROR(major)) throw GssError(status_text("GSSAPI size check error", major, minor));
  return limit;
}

std::string GssContext::wrap(std::string_view plain) const {
  gss_buffer_desc input = view_of(plain);
  gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
  OM_uint32 minor = 0;
  int confidential = 0;
  const OM_uint32 major = gss_wrap(&minor, handles_->context, 1, GSS_C_QOP_DEFAULT, &input, &confidential, &output);
  std::string sealed = take(output);
  if (GSS_ERROR(major)) throw GssError(status_text("GSSAPI wrap error", major, minor));
  if (confidential == 0) throw GssError("outgoing GSSAPI message would not use confidentiality");
  return sealed;
}

std::string GssContext::unwrap(std::string_view sealed) const {
  gss_buffer_desc input = view_of(sealed);
  gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
  OM_uint32 minor = 0;
  int confidential = 0;
  const OM_uint32 major = gss_unwrap(&minor, handles_->context, &input, &output, &confidential, nullptr);
  std::string plain = take(output);
  if (GSS_ERROR(major)) throw GssError(status_text("GSSAPI unwrap error", major, minor));
  if (confidential == 0) throw GssError("incoming GSSAPI message did not use confidentiality");
  return plain;
}

}  // namespace pgesql::auth
