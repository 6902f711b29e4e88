# Static embedded SQL: expected stdout produced by the same programs under ECPG.
pgesql_program_test(host_variables)
pgesql_program_test(cursors)
pgesql_program_test(cursor_into)
pgesql_program_test(cursor_directions)
pgesql_program_test(connections)
pgesql_program_test(informix_connections OPTIONS -C INFORMIX)
pgesql_program_test(threads)
pgesql_program_test(whenever)
pgesql_program_test(sqlca_errors)
pgesql_program_test(transactions)
# -t: autocommit from the start
pgesql_program_test(autocommit OPTIONS -t)
