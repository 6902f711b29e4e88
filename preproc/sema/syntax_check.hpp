// Static SQL checked by PostgreSQL's own grammar (libpg_query's raw parser) at
// preprocess time, with the parser's error position mapped back into the .pgc:
// the SQL text is assembled from tokens (host variables become $n), so each
// piece of it remembers where in the source it came from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "location.hpp"

namespace pgesql::pp::sema {

// A piece of assembled SQL text and the source position it came from.
struct sql_origin {
  std::size_t offset = 0;  // byte offset in the SQL text
  std::size_t length = 0;  // bytes of source text it copies (0: generated, e.g. $1 for :var)
  Pos at;
};

struct sql_syntax_error {
  std::string message;     // as the server would say it: syntax error at or near "SELEC"
  std::size_t offset = 0;  // byte offset in the SQL text
};

// The first syntax error of `sql`, if any. With `question_marks`, each ? outside
// literals, quoted names and comments is a placeholder (as ECPG reads PREPARE ... FROM
// texts and -r questionmarks statements); the offset still refers to `sql`.
std::optional<sql_syntax_error> check_sql_syntax(std::string_view sql, bool question_marks = false);

// `sql` with ? placeholders numbered ($1, $2, ...) and, per placeholder, where the text
// grew, so offsets in the result map back. Literals, quoted names, dollar quotes and
// comments are copied as they are.
struct numbered_text {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> grown_at;  // (offset in text, bytes added before it)
};
numbered_text number_question_marks(std::string_view sql);
// The offset in the text before numbering of byte `offset` of `t.text`.
std::size_t original_offset(const numbered_text &t, std::size_t offset);
// The byte offset of character `cursorpos` (counted from 1, as the server and parser do) of UTF-8 `text`.
std::size_t byte_offset(std::string_view text, int cursorpos);

// The source position of byte `offset` of the assembled text; `fallback` when no piece covers it.
Pos source_position(const std::vector<sql_origin> &origins, std::size_t offset, Pos fallback);

}  // namespace pgesql::pp::sema
