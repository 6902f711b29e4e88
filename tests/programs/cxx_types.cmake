# C++ host types and exceptions (no ECPG equivalent): the expected stdout is
# derived from the data each program inserts, as its comments explain.
pgesql_program_test(cxx_host_types CXX_ONLY)
pgesql_program_test(cxx_names CXX_ONLY)
pgesql_program_test(cxx_subscripts CXX_ONLY)

# The C++ sample (samples/cpp_types/orders.pgcc: a class holding the SQL, a namespace,
# using namespace std, container subscripts, FETCH ALL into a vector of structs, exceptions
# by SQLSTATE class) prints what a reader of its source expects.
if(PGESQL_BUILD_SAMPLES)
  pgesql_integration_test(samples.cpp_types
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare $<TARGET_FILE:cpp_types>
            ${PROJECT_SOURCE_DIR}/samples/cpp_types/orders.stdout)
endif()
