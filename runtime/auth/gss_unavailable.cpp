// GssContext in a build without GSSAPI: nothing to initiate with, and a clear
// error for a server that asks for `gss` (the configuration refuses gssencmode=require).
#include "auth/gss_context.hpp"

namespace pgesql::auth {

struct GssContext::Handles {};

bool gss_supported() { return false; }
bool gss_have_credentials() { return false; }

GssContext::GssContext(const std::string &, const std::string &, bool, bool) {
  throw GssError("GSSAPI authentication is not supported by this build of pgesql (built without libkrb5-dev)");
}
GssContext::~GssContext() = default;
std::string GssContext::step(std::string_view) { return {}; }
std::size_t GssContext::max_plaintext(std::size_t) const { return 0; }
std::string GssContext::wrap(std::string_view) const { return {}; }
std::string GssContext::unwrap(std::string_view) const { return {}; }

}  // namespace pgesql::auth
