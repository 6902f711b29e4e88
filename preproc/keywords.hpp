// Keyword tables: ECPG statement words (any case) and C declaration words.
#pragma once
#include <string_view>

namespace pgesql::pp {

// Token kind (Parser::token_kind_type) of an SQL-mode keyword, or -1.
int sql_keyword(std::string_view lower_word);
// Token kind of a C keyword, or -1; *reserved says whether C reserves it
// (reserved words are keywords everywhere; varchar, numeric, date, ... only
// where a type may start).
int c_keyword(std::string_view word, bool *reserved);

}  // namespace pgesql::pp
