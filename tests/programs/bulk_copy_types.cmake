# FOR :n into every column type, three ways against one expected output: binary COPY
# (the default), text COPY, and one INSERT per row (ECPG's meaning, the reference).
pgesql_program_test(bulk_copy_types)
foreach(lang c cxx)
  foreach(mode "PGESQL_BULK_COPY=off;pipeline" "PGESQL_BULK_BINARY=off;text_copy")
    list(GET mode 0 setting)
    list(GET mode 1 label)
    pgesql_integration_test(programs.bulk_copy_types.${lang}.${label}
      COMMAND env ${setting} ${CMAKE_CURRENT_SOURCE_DIR}/run-and-compare
              $<TARGET_FILE:program_bulk_copy_types_${lang}> ${CMAKE_CURRENT_SOURCE_DIR}/bulk_copy_types.stdout)
    set_tests_properties(programs.bulk_copy_types.${lang}.${label} PROPERTIES RESOURCE_LOCK program_bulk_copy_types)
  endforeach()
endforeach()
