// bytea's text output forms: hex ("\x4142") and the older escape form.
#pragma once

#include <cstddef>
#include <vector>

namespace pgesql::values {

// Decodes a bytea value as the server prints it (either bytea_output).
// Malformed input decodes as far as it is valid.
void decode_bytea_text(const char *text, std::size_t length, std::vector<char> &out);

}  // namespace pgesql::values
