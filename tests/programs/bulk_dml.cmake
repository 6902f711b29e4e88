# Bulk array DML (FOR :n): pgesql only, expected stdout written by hand from docs/statements.md.
pgesql_program_test(bulk_dml)
# The same program with every batch on the pipeline (no COPY): the same output.
pgesql_integration_test(programs.bulk_dml.pipeline
  COMMAND env PGESQL_BULK_COPY=off ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare
          $<TARGET_FILE:program_bulk_dml_c> ${CMAKE_CURRENT_SOURCE_DIR}/bulk_dml.stdout)
