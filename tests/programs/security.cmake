# Programs whose strings become SQL names must never run a second statement.
pgesql_program_test(hostile_names)
