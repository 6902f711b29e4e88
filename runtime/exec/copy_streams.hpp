// COPY with the program's data: the sources and sinks of EXEC SQL COPY ... FROM STDIN /
// TO STDOUT (a FILE *, the program's stdin/stdout, or the callbacks of pgesql.h), and the
// run of such a COPY on a connection.
#pragma once

#include <cstdio>
#include <string_view>

#include "exec/connection.hpp"
#include "exec/statement_class.hpp"

namespace pgesql::exec {

// Reads fp to its end; a read error aborts the COPY with the system's reason.
copy_source file_source(std::FILE *fp);
// Writes each chunk to fp; a write error stops the COPY with the system's reason.
copy_sink file_sink(std::FILE *fp);

// A COPY ... FROM STDIN / TO STDOUT that dynamic SQL or ECPG's calls run: the program's
// stdin or stdout is the data's end, as ECPG prints COPY TO STDOUT. cls says which.
query_result copy_with_stdio(connection &c, std::string_view sql, const statement_class &cls);

}  // namespace pgesql::exec
