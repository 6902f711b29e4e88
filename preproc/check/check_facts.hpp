// What the schema check (--check, --check-cache) works from: the static statements the
// code generator saw, with the host variables bound to them, and what the server said
// about each statement when it was prepared and described (live or from the cache).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "location.hpp"
#include "sema/syntax_check.hpp"

namespace pgesql::pp::check {

// One host variable slot: a scalar, a struct member, or an array element type.
struct host_slot {
  std::string name;       // as written: "n", "rec.price"
  Pos at;                 // where it is written in the statement
  std::string type;       // PGESQL_T_* code name, "cxx:<C++ type>", or "" when unknown
  long char_len = 0;      // char[N]: N when it is a number; 0 otherwise
  bool indicator = false; // has an indicator (or is a std::optional)
};

// A static statement as the check sends it (host variables as $n).
struct checked_statement {
  Pos at;                                   // the statement's EXEC SQL
  std::string sql;
  std::vector<sema::sql_origin> origins;    // where each piece of `sql` came from
  bool question_marks = false;              // ? placeholders (PREPARE ... FROM 'literal')
  std::vector<host_slot> inputs;            // $1, $2, ... in order
  std::vector<host_slot> outputs;           // INTO targets, in order
  bool into_checked = false;                // outputs is an INTO list whose arity is checked
  bool report_server_errors = true;         // false for a FETCH of a cursor (DECLARE reports them)
  std::string what;                         // "statement", "FETCH" ... for messages
};

// One result column, as the server described it (plus catalog facts).
struct column_fact {
  std::string name;
  std::string type;       // format_type() of type and modifier: "character varying(20)"
  std::string base;       // base type name (domains resolved): "varchar", "int4"
  int length = 0;         // declared length of varchar(n)/char(n); 0 when unbounded
  std::string nullable;   // "no" (a NOT NULL table column), "yes" (table column), "expression", "outer-join"
};

// What the server said about one statement.
struct server_answer {
  std::string sqlstate;            // empty: prepared and described without error
  std::string message;
  int position = 0;                // ErrorResponse 'P' (characters from 1), 0 when absent
  std::vector<std::string> params; // base type names of $1, $2, ...
  std::vector<column_fact> columns;
};

}  // namespace pgesql::pp::check
