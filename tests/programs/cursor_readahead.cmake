# READAHEAD n on DECLARE (pgesql only; see the program's comment for where the
# expected stdout comes from). A cursor's own READAHEAD replaces the connection's
# cap, so the output is the same with readahead switched off or capped at 2.
pgesql_program_test(cursor_readahead)
pgesql_integration_test(programs.cursor_readahead.env_off
  COMMAND env PGESQL_FETCH_READAHEAD=off ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare
          $<TARGET_FILE:program_cursor_readahead_c> ${CMAKE_CURRENT_SOURCE_DIR}/cursor_readahead.stdout)
pgesql_integration_test(programs.cursor_readahead.env_cap_2
  COMMAND env PGESQL_FETCH_READAHEAD=2 ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare
          $<TARGET_FILE:program_cursor_readahead_c> ${CMAKE_CURRENT_SOURCE_DIR}/cursor_readahead.stdout)
set_tests_properties(programs.cursor_readahead.env_off programs.cursor_readahead.env_cap_2
  PROPERTIES RESOURCE_LOCK program_cursor_readahead)
