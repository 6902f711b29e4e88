// FOR :n rows in COPY's binary format. The values arrive as the text an INSERT
// would send (ECPG's formatting of each host variable); a column goes binary only
// when that text can be turned into exactly the value the type's input function
// makes of it. Anything else (a type without an encoder here, a text the encoder
// does not read the server's way) keeps the whole batch in text COPY.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "exec/param_rows.hpp"

namespace pgesql::exec {

enum class binary_column : std::uint8_t { none, int2, int4, int8, float4, float8, boolean, text };

// The encoder for a column of this type OID (none for any other type, domains included).
binary_column binary_column_for(std::uint32_t type_oid);

// The encoders of "23,25,23" (copy_fitness_query's type list), or an empty vector when
// the list does not have `columns` entries or one of them has no encoder.
std::vector<binary_column> binary_columns(std::string_view type_list, std::size_t columns);

// Whether every value of every row encodes exactly.
bool encodes_exactly(const param_rows &rows, std::span<const binary_column> columns);

// The binary COPY header, one row (call encodes_exactly first), and the trailer.
void append_binary_header(std::string &out);
void append_binary_row(std::string &out, const param_rows &rows, std::size_t row, std::span<const binary_column> columns);
void append_binary_trailer(std::string &out);

}  // namespace pgesql::exec
