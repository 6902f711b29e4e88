// Rewriting statement text before it is sent: names from host variables
// spliced in place of $0, and ?/:name placeholders of PREPAREd text as $n.
// Host values themselves are never spliced: they travel as parameters.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace pgesql::exec {

// A cursor/statement name as SQL: kept as written when it is a plain
// identifier (the server folds its case, as for a name written in the
// source) or exactly one double-quoted identifier, else double-quoted whole,
// so that no name can end the statement and start another.
std::string identifier_text(std::string_view name);

// Whether `name` is one double-quoted identifier ("a""b"), nothing before or after.
bool is_quoted_identifier(std::string_view name);
// The name inside the quotes of a quoted identifier; any other name as it is.
std::string unquoted_name(std::string_view name);
// `name` double-quoted, inner quotes doubled.
std::string quoted_identifier(std::string_view name);
// The name as the server keeps an identifier: at most 63 bytes (NAMEDATALEN - 1),
// cut at a character boundary. Prepared statements get this name on the wire too,
// so SQL that names them (DEALLOCATE, EXECUTE) finds them, and no protocol
// message carrying it can exceed the server's limit for small messages.
std::string server_name(std::string_view name);

// Replaces each $0 outside quotes with the next of `names` (the last one
// repeats). Names are passed through identifier_text.
std::string substitute_names(std::string_view sql, std::span<const std::string> names);

// SET takes no parameters; "SET [SESSION|LOCAL] name {TO|=} $1" and
// "SET TIME ZONE $1" become the equivalent set_config() call, so the value
// still travels as a parameter. Other text is returned unchanged.
std::string set_with_parameter(std::string_view sql, bool &rewritten);

// FETCH/MOVE take no parameters: replaces each $n (n >= 1, outside quotes)
// with numbers[n-1]. Only for values that are integers (checked here), so
// nothing but digits and a sign ever reaches the text; false otherwise.
bool splice_counts(std::string_view sql, std::span<const std::string> numbers, std::string &out);

// "EXECUTE name($1, ..., $n)" written as plain SQL (the server's EXECUTE
// takes no protocol parameters): the statement name as the server folds it,
// when the arguments are exactly $1..$n in order. False for anything else.
bool sql_execute_with_params(std::string_view sql, std::size_t nparams, std::string &name);

// "EXECUTE name(expr, ...)" written as plain SQL: the statement name as the
// server folds it and the argument list's text between the outer
// parentheses (quotes and nested parentheses respected). False for anything else.
bool sql_execute_arguments(std::string_view sql, std::string &name, std::string &arguments);

// "PREPARE name [(types)] AS statement" written as plain SQL: the name as
// the server folds it and the statement text. False for anything else.
bool sql_prepare_as(std::string_view sql, std::string &name, std::string &statement);

// PREPARE's text: each ? and each :name outside single quotes becomes $1,
// $2, ... in order (a :: cast is left alone), as ECPG rewrites it.
std::string placeholders_to_params(std::string_view sql);

}  // namespace pgesql::exec
