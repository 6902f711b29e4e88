// Text conversion of the pgtypes host types (numeric, decimal, date,
// timestamp, interval), the one place exec meets runtime/types.
#pragma once

#include <string>

namespace pgesql::values {

enum class pgtypes_status { ok, bad_format, unsupported };

// Parses one value (the whole NUL-terminated text) into *dest of the given
// host type; *end is set past what was consumed. A null dest only skips.
pgtypes_status pgtypes_from_text(int type, const char *text, const char **end, void *dest);

// Formats *src of the given host type as server input text.
pgtypes_status pgtypes_to_text(int type, const void *src, std::string &out);

}  // namespace pgesql::values
