# Static embedded SQL: expected stdout produced by the same programs under ECPG.
pgesql_program_test(host_variables)
pgesql_program_test(cursors)
pgesql_program_test(cursor_into)
