# C++ host types and exceptions (no ECPG equivalent): the expected stdout is
# derived from the data each program inserts, as its comments explain.
pgesql_program_test(cxx_host_types CXX_ONLY)
pgesql_program_test(cxx_names CXX_ONLY)
pgesql_program_test(cxx_subscripts CXX_ONLY)
