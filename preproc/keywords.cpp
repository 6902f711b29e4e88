#include "keywords.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "esql.hpp"

namespace pgesql::pp {
namespace {

using T = Parser::token;
using Entry = std::pair<std::string_view, int>;

// Sorted by word: looked up with a binary search.
constexpr std::array sql_words{
    Entry{"all", T::TOK_ALL}, Entry{"allocate", T::TOK_ALLOCATE}, Entry{"as", T::TOK_AS},
    Entry{"autocommit", T::TOK_AUTOCOMMIT}, Entry{"begin", T::TOK_BEGIN}, Entry{"bool", T::TOK_BOOL},
    Entry{"break", T::TOK_BREAK}, Entry{"by", T::TOK_BY}, Entry{"bytea", T::TOK_BYTEA},
    Entry{"call", T::TOK_CALL}, Entry{"char", T::TOK_CHAR}, Entry{"close", T::TOK_CLOSE},
    Entry{"connect", T::TOK_CONNECT}, Entry{"connection", T::TOK_CONNECTION},
    Entry{"const", T::TOK_CONST}, Entry{"continue", T::TOK_CONTINUE}, Entry{"count", T::TOK_COUNT},
    Entry{"current", T::TOK_CURRENT}, Entry{"cursor", T::TOK_CURSOR}, Entry{"date", T::TOK_DATE},
    Entry{"deallocate", T::TOK_DEALLOCATE}, Entry{"decimal", T::TOK_DECIMAL},
    Entry{"declare", T::TOK_DECLARE}, Entry{"default", T::TOK_DEFAULT}, Entry{"define", T::TOK_DEFINE},
    Entry{"describe", T::TOK_DESCRIBE}, Entry{"descriptor", T::TOK_DESCRIPTOR},
    Entry{"disconnect", T::TOK_DISCONNECT}, Entry{"do", T::TOK_DO}, Entry{"double", T::TOK_DOUBLE},
    Entry{"elif", T::TOK_ELIF}, Entry{"else", T::TOK_ELSE}, Entry{"end", T::TOK_END},
    Entry{"endif", T::TOK_ENDIF}, Entry{"enum", T::TOK_ENUM}, Entry{"execute", T::TOK_EXECUTE},
    Entry{"extern", T::TOK_EXTERN}, Entry{"fetch", T::TOK_FETCH}, Entry{"float", T::TOK_FLOAT},
    Entry{"for", T::TOK_FOR}, Entry{"found", T::TOK_FOUND}, Entry{"free", T::TOK_FREE}, Entry{"from", T::TOK_FROM},
    Entry{"get", T::TOK_GET}, Entry{"go", T::TOK_GO}, Entry{"goto", T::TOK_GOTO},
    Entry{"identified", T::TOK_IDENTIFIED}, Entry{"ifdef", T::TOK_IFDEF}, Entry{"ifndef", T::TOK_IFNDEF},
    Entry{"immediate", T::TOK_IMMEDIATE}, Entry{"include", T::TOK_INCLUDE},
    Entry{"indicator", T::TOK_INDICATOR}, Entry{"input", T::TOK_INPUT}, Entry{"int", T::TOK_INT},
    Entry{"interval", T::TOK_INTERVAL}, Entry{"into", T::TOK_INTO}, Entry{"is", T::TOK_IS},
    Entry{"long", T::TOK_LONG}, Entry{"move", T::TOK_MOVE}, Entry{"not", T::TOK_NOT},
    Entry{"numeric", T::TOK_NUMERIC}, Entry{"off", T::TOK_OFF}, Entry{"on", T::TOK_ON},
    Entry{"open", T::TOK_OPEN}, Entry{"output", T::TOK_OUTPUT}, Entry{"prepare", T::TOK_PREPARE},
    Entry{"section", T::TOK_SECTION}, Entry{"set", T::TOK_SET}, Entry{"short", T::TOK_SHORT},
    Entry{"signed", T::TOK_SIGNED}, Entry{"sql", T::TOK_SQL}, Entry{"sqlerror", T::TOK_SQLERROR},
    Entry{"sqlprint", T::TOK_SQLPRINT}, Entry{"sqlwarning", T::TOK_SQLWARNING},
    Entry{"statement", T::TOK_STATEMENT}, Entry{"static", T::TOK_STATIC}, Entry{"stop", T::TOK_STOP},
    Entry{"struct", T::TOK_STRUCT}, Entry{"timestamp", T::TOK_TIMESTAMP}, Entry{"to", T::TOK_TO},
    Entry{"type", T::TOK_TYPE}, Entry{"undef", T::TOK_UNDEF}, Entry{"union", T::TOK_UNION},
    Entry{"unsigned", T::TOK_UNSIGNED}, Entry{"user", T::TOK_USER}, Entry{"using", T::TOK_USING},
    Entry{"value", T::TOK_VALUE}, Entry{"var", T::TOK_VAR}, Entry{"varchar", T::TOK_VARCHAR},
    Entry{"void", T::TOK_VOID}, Entry{"whenever", T::TOK_WHENEVER},
};

constexpr std::array c_reserved{
    Entry{"_Bool", T::TOK_BOOL}, Entry{"auto", T::TOK_AUTO}, Entry{"bool", T::TOK_BOOL},
    Entry{"char", T::TOK_CHAR}, Entry{"const", T::TOK_CONST}, Entry{"double", T::TOK_DOUBLE},
    Entry{"enum", T::TOK_ENUM}, Entry{"extern", T::TOK_EXTERN}, Entry{"float", T::TOK_FLOAT},
    Entry{"int", T::TOK_INT}, Entry{"long", T::TOK_LONG}, Entry{"register", T::TOK_REGISTER},
    Entry{"short", T::TOK_SHORT}, Entry{"signed", T::TOK_SIGNED}, Entry{"static", T::TOK_STATIC},
    Entry{"struct", T::TOK_STRUCT}, Entry{"typedef", T::TOK_TYPEDEF}, Entry{"union", T::TOK_UNION},
    Entry{"unsigned", T::TOK_UNSIGNED}, Entry{"void", T::TOK_VOID}, Entry{"volatile", T::TOK_VOLATILE},
};

constexpr std::array c_type_words{
    Entry{"VARCHAR", T::TOK_VARCHAR}, Entry{"bytea", T::TOK_BYTEA}, Entry{"date", T::TOK_DATE},
    Entry{"decimal", T::TOK_DECIMAL}, Entry{"interval", T::TOK_INTERVAL},
    Entry{"numeric", T::TOK_NUMERIC}, Entry{"timestamp", T::TOK_TIMESTAMP},
    Entry{"varchar", T::TOK_VARCHAR},
};

template <std::size_t N>
int lookup(const std::array<Entry, N> &table, std::string_view word) {
  auto it = std::lower_bound(table.begin(), table.end(), word,
                             [](const Entry &e, std::string_view w) { return e.first < w; });
  return (it != table.end() && it->first == word) ? it->second : -1;
}

}  // namespace

int sql_keyword(std::string_view lower_word) { return lookup(sql_words, lower_word); }

int c_keyword(std::string_view word, bool *reserved) {
  int k = lookup(c_reserved, word);
  *reserved = k >= 0;
  if (k >= 0) return k;
  return lookup(c_type_words, word);
}

}  // namespace pgesql::pp
