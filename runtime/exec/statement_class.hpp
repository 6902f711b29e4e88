// What kind of SQL a statement is, as far as the runtime's choices go (whether
// to begin a transaction, cache the statement, rewrite a SET, ...). A static
// statement's class comes from the facts the preprocessor put in its
// descriptor; only dynamic SQL and descriptors built by hand are read as text.
#pragma once

#include <string_view>

#include "pgesql/pgesql.h"

namespace pgesql::exec {

struct statement_class {
  bool cacheable = false;        // plannable DML the statement cache takes
  bool own_transaction = false;  // BEGIN/START, COMMIT/ROLLBACK PREPARED: ECPG begins no transaction for it
  bool begins = false;           // BEGIN/START TRANSACTION
  bool commit = false;           // COMMIT/END
  bool set = false;              // SET
  bool sql_execute = false;      // EXECUTE name(...) as SQL
  bool sql_prepare = false;      // PREPARE name AS ... as SQL
  bool copy_in = false;          // COPY ... FROM STDIN: the program supplies the data
  bool copy_out = false;         // COPY ... TO STDOUT: the program receives the data
  bool operator==(const statement_class &) const = default;
};

// The class of `stmt` whose text (names substituted) is `sql`.
statement_class class_of(const pgesql_stmt *stmt, std::string_view sql);
// The class of SQL text nothing is known about (dynamic SQL).
statement_class class_of_text(std::string_view sql);
// The class the PGESQL_FACT_* bits say.
statement_class class_of_facts(int facts);

}  // namespace pgesql::exec
