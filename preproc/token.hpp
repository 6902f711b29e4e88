// One token of an embedded SQL statement or of a declare section, as sql.l cuts it.
#pragma once
#include <string>
#include <vector>

#include "location.hpp"

namespace pgesql::pp {

// Lexical classes; keywords are recognized later, when the parser asks for a token.
enum class Lex {
  Ident,     // word (may be a keyword or a typedef name)
  QIdent,    // "quoted identifier" (SQL) or "string" (C)
  String,    // SQL string constant in any form ('..', E'..', $$..$$, B'..'), or C char literal
  Number,
  HostVar,   // :name with member/subscript suffixes
  Op,        // operator characters
  LParen, RParen, LBrace, RBrace, LBrack, RBrack, Comma, Semi, Star, Eq, Dot, Colon,
  PpLine,    // a # preprocessor line inside a declare section
  Bad        // a character or construct that could not be scanned (already reported)
};

struct Tok {
  Lex lex;
  std::string text;
  Span loc;
  bool space_before = false;  // whitespace or a comment preceded it in the source
};

class Diagnostics;

// Cuts `text` (which starts at `start` in its file) into tokens. c_mode selects C
// rules (declare sections): // comments, "strings", 'c' literals, # lines.
std::vector<Tok> lex_tokens(const std::string &text, Pos start, bool c_mode, Diagnostics &diag);

}  // namespace pgesql::pp
