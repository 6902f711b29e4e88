// The sqlerrmc text of each runtime error code, worded as ECPG words it
// (programs print it and compare it).
#pragma once

#include <string>

namespace pgesql::diag {

// detail: the value, name or type the message quotes (may be null).
std::string error_message(long code, int line, const char *detail);

}  // namespace pgesql::diag
