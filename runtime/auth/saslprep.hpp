// SASLprep (RFC 4013, the stringprep profile for user names and passwords),
// as PostgreSQL applies it to SCRAM passwords on both sides: ASCII text is
// left as it is; other text is mapped, NFKC-normalized and checked.
#pragma once

#include <string>
#include <string_view>

namespace pgesql::auth {

enum class SaslprepStatus { ok, invalid_utf8, prohibited };

// Writes the prepared form of `input` to `out` when the status is ok.
SaslprepStatus saslprep(std::string_view input, std::string &out);

}  // namespace pgesql::auth
