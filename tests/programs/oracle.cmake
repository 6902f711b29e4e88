# Programs whose expected stdout is ECPG 15's own output, so that pgesql's fast
# paths (readahead, statement cache) are checked against the incumbent on the
# cases that could expose them. Each runs three ways: built by pgesql (C and
# C++, as every program here); built by the real ecpg and libecpg (Debian
# libecpg-dev, installed by scripts/test), a check on the expected file itself;
# and the C file the real ecpg generated, compiled against pgesql's headers and
# linked with libpgesql (programs.<name>.ecpg-on-pgesql: ECPGdo and the other
# calls ECPG's generated code makes, served by pgesql).
#   pgesql_oracle_program_test(<name> [OPTIONS <flags both preprocessors take>...])
find_program(PGESQL_ECPG ecpg)
find_library(PGESQL_LIBECPG ecpg)
find_library(PGESQL_LIBECPG_COMPAT ecpg_compat)
find_library(PGESQL_LIBPGTYPES pgtypes)
find_path(PGESQL_ECPG_INCLUDE_DIR ecpglib.h PATH_SUFFIXES postgresql)

function(pgesql_oracle_program_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "OPTIONS")
  pgesql_program_test(${name} OPTIONS ${arg_OPTIONS})
  set(test programs.${name}.ecpg)
  if(NOT (PGESQL_ECPG AND PGESQL_LIBECPG AND PGESQL_LIBECPG_COMPAT AND PGESQL_LIBPGTYPES AND PGESQL_ECPG_INCLUDE_DIR))
    # not silent: the summary lists it as skipped, with this reason in its output
    add_test(NAME ${test} COMMAND sh -c "echo 'ECPG is not installed (Debian libecpg-dev): no ECPG run'; exit 77")
    set_tests_properties(${test} PROPERTIES SKIP_RETURN_CODE 77)
    return()
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/ecpg_generated/${name}.c)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/ecpg_generated
    COMMAND ${PGESQL_ECPG} ${arg_OPTIONS} -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/${name}.pgc
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}.pgc
    COMMENT "ecpg ${name}.pgc")
  add_executable(program_${name}_ecpg ${out})
  # ECPG's own headers and library, never pgesql's include/
  target_include_directories(program_${name}_ecpg PRIVATE ${PGESQL_ECPG_INCLUDE_DIR}
                             ${PGESQL_ECPG_INCLUDE_DIR}/informix/esql)
  target_link_libraries(program_${name}_ecpg PRIVATE ${PGESQL_LIBECPG_COMPAT} ${PGESQL_LIBECPG} ${PGESQL_LIBPGTYPES})
  pgesql_integration_test(${test}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare $<TARGET_FILE:program_${name}_ecpg>
            ${CMAKE_CURRENT_SOURCE_DIR}/${name}.stdout)
  set_tests_properties(${test} PROPERTIES RESOURCE_LOCK program_${name})

  set(exe program_${name}_ecpg_on_pgesql)
  add_executable(${exe} ${out})
  # pgesql's headers (the runtime target's include directories), never ECPG's
  target_link_libraries(${exe} PRIVATE pgesql::runtime)
  pgesql_integration_test(programs.${name}.ecpg-on-pgesql
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare $<TARGET_FILE:${exe}>
            ${CMAKE_CURRENT_SOURCE_DIR}/${name}.stdout)
  set_tests_properties(programs.${name}.ecpg-on-pgesql PROPERTIES RESOURCE_LOCK program_${name})
endfunction()

pgesql_oracle_program_test(readahead_unobservable)
pgesql_oracle_program_test(ecpg_direct_calls)
# What NULL columns leave in an SQLDA and what GET DESCRIPTOR reads from them
pgesql_oracle_program_test(sqlda_nulls)
pgesql_oracle_program_test(informix_sqlda_nulls OPTIONS -C INFORMIX)
pgesql_oracle_program_test(descriptor_nulls)
pgesql_oracle_program_test(auto_prepare OPTIONS -r prepare)
pgesql_oracle_program_test(no_indicator OPTIONS -r no_indicator)
pgesql_oracle_program_test(oracle_mode OPTIONS -C ORACLE)
# FETCH NEXT served in place from a cursor's window, and one row into plain variables
pgesql_oracle_program_test(fetch_next_targets)
