# Bulk array DML (FOR :n): pgesql only, expected stdout written by hand from docs/statements.md.
pgesql_program_test(bulk_dml)
