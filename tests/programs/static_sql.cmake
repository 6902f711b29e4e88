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
# server error positions mapped to the .pgc: pgesql only (ECPG has no such field)
pgesql_program_test(error_positions)
# PGESQL_DEBUG turns the debug log on without changing the program
pgesql_integration_test(programs.debug_log_from_environment
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run-with-debug-log $<TARGET_FILE:program_connections_c>)
