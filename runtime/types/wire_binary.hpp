// For the statement layer: pgtypes host variables <-> the server's binary
// send/recv formats (numeric, date, timestamp, interval), for columns and
// parameters transferred in binary. Byte order is the protocol's (big endian).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <pgtypes_date.h>
#include <pgtypes_interval.h>
#include <pgtypes_numeric.h>
#include <pgtypes_timestamp.h>

namespace pgesql::types::wire {

// Decoders: 0 or a PGTYPES_* error code (malformed bytes, or a value the
// host type cannot hold, such as date infinity).
int numeric_from_binary(std::span<const std::uint8_t> bytes, numeric *dst);
int date_from_binary(std::span<const std::uint8_t> bytes, date *dst);
int timestamp_from_binary(std::span<const std::uint8_t> bytes, timestamp *dst);
int interval_from_binary(std::span<const std::uint8_t> bytes, interval *dst);

// Encoders append to out; 0 or a PGTYPES_* error code.
int numeric_to_binary(const numeric *src, std::vector<std::uint8_t> &out);
int date_to_binary(date value, std::vector<std::uint8_t> &out);
int timestamp_to_binary(timestamp value, std::vector<std::uint8_t> &out);
int interval_to_binary(const interval *src, std::vector<std::uint8_t> &out);

}  // namespace pgesql::types::wire
