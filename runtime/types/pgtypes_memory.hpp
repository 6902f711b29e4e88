// Strings handed to programs: malloc'ed so PGTYPESchar_free (free) releases them.
#pragma once

#include <string_view>

namespace pgesql::types {

// A malloc'ed NUL-terminated copy, or nullptr when memory runs out.
char *malloc_string(std::string_view text);

}  // namespace pgesql::types
