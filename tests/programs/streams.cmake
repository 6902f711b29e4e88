# COPY with the program's data and LISTEN/NOTIFY as embedded statements
pgesql_program_test(copy_streams)
pgesql_program_test(notifications)
