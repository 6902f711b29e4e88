// For the statement layer: pgtypes host variables <-> the server's text
// representation (result columns in text format, parameters as text).
// Results are parsed the way ECPG's runtime parses them; parameters are
// written in forms the server reads back exactly (ISO dates/timestamps,
// postgres_verbose intervals, plain decimal numerics).
#pragma once

#include <string>
#include <string_view>

#include <pgtypes_date.h>
#include <pgtypes_interval.h>
#include <pgtypes_numeric.h>
#include <pgtypes_timestamp.h>

namespace pgesql::types::wire {

// Server text -> host variable. Each returns 0, or the PGTYPES_* error code
// (the variable is then unchanged). `dst` is an initialised variable (for
// numeric: from PGTYPESnumeric_new or a previous value; its digit buffer is
// replaced).
int numeric_from_text(std::string_view text, numeric *dst);
int decimal_from_text(std::string_view text, decimal *dst);
int date_from_text(std::string_view text, date *dst);
int timestamp_from_text(std::string_view text, timestamp *dst);
int interval_from_text(std::string_view text, interval *dst);

// Host variable -> parameter text; 0 or a PGTYPES_* error code.
int numeric_to_text(const numeric *src, std::string &out);
int decimal_to_text(const decimal *src, std::string &out);
int date_to_text(date value, std::string &out);
int timestamp_to_text(timestamp value, std::string &out);
int interval_to_text(const interval *src, std::string &out);

}  // namespace pgesql::types::wire
