# pgesql_add_sources(<target> <file.pgc>... [LANG C|CXX] [RUNTIME <library target>]
#                    [CHECK <conninfo>] [CHECK_CACHE <dir>] [CHECK_STRICT]
#                    [OPTIONS <pgesql flags>...])
#
# Preprocesses each embedded-SQL source into the build directory, adds the
# generated file to <target> and links <target> to pgesql::runtime (or to the
# RUNTIME given, e.g. pgesql::runtime_static).
#
# Output language: `.pgc` becomes C and `.pgcc`/`.pgcpp` becomes C++, as with
# `.c`/`.cc`; `LANG CXX` (or `LANG C`) overrides that for every file listed.
# The generated file is rebuilt when the source, any file it pulls in with
# EXEC SQL INCLUDE (through the preprocessor's depfile) or the preprocessor
# itself changes. EXEC SQL INCLUDE searches the source's own directory and then
# <target>'s include directories, like the C compiler does.
#
# CHECK checks every static statement against the schema of a live database
# (pgesql --check); CHECK_CACHE (a directory, relative to the current source
# directory, meant to be committed) records what the server said and, without
# CHECK, replays it offline (pgesql --check-cache); CHECK_STRICT turns check
# warnings and statements missing from the cache into errors.
#
# The same file serves pgesql's own tree (and projects that add it with
# add_subdirectory), where pgesql::pgesql and pgesql::runtime are aliases of
# the targets being built, and find_package(pgesql) users, where they are the
# installed, imported targets; it names nothing else.
function(pgesql_add_sources target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CHECK_STRICT" "LANG;RUNTIME;CHECK;CHECK_CACHE" "OPTIONS")
  set(check_flags)
  if(arg_CHECK)
    list(APPEND check_flags "--check=${arg_CHECK}")
  endif()
  if(arg_CHECK_CACHE)
    cmake_path(ABSOLUTE_PATH arg_CHECK_CACHE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
               OUTPUT_VARIABLE check_cache)
    list(APPEND check_flags "--check-cache=${check_cache}")
  endif()
  if(arg_CHECK_STRICT)
    list(APPEND check_flags "--check-strict")
  endif()
  if(NOT arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pgesql_add_sources(${target}): no .pgc files given (list them before LANG, RUNTIME and OPTIONS)")
  endif()
  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  foreach(src IN LISTS arg_UNPARSED_ARGUMENTS)
    cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
               OUTPUT_VARIABLE abs_src)
    cmake_path(GET abs_src EXTENSION LAST_ONLY ext)
    cmake_path(GET abs_src PARENT_PATH src_dir)
    if(arg_LANG)
      set(lang "${arg_LANG}")
    elseif(ext STREQUAL ".pgcc" OR ext STREQUAL ".pgcpp")
      set(lang CXX)
    else()
      set(lang C)
    endif()
    if(lang STREQUAL "CXX")
      set(out_ext ".cpp")
      set(lang_flag "--lang=c++")
    elseif(lang STREQUAL "C")
      set(out_ext ".c")
      set(lang_flag "--lang=c")
    else()
      message(FATAL_ERROR "pgesql_add_sources(${target}): LANG must be C or CXX, not ${lang}")
    endif()
    # Keep the source's relative path so two files of the same name in
    # different folders do not clash.
    cmake_path(RELATIVE_PATH abs_src BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               OUTPUT_VARIABLE rel)
    string(REPLACE "../" "__/" rel "${rel}")
    set(out "${CMAKE_CURRENT_BINARY_DIR}/pgesql_generated/${target}/${rel}${out_ext}")
    cmake_path(GET out PARENT_PATH out_dir)
    file(MAKE_DIRECTORY "${out_dir}")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND pgesql::pgesql ${lang_flag} ${check_flags} ${arg_OPTIONS}
              -I "${src_dir}"
              "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>"
              --depfile "${out}.d" -o "${out}" "${abs_src}"
      DEPENDS "${abs_src}" pgesql::pgesql
      DEPFILE "${out}.d"
      COMMENT "pgesql ${rel}"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    set_source_files_properties("${out}" PROPERTIES
      LANGUAGE ${lang}
      INCLUDE_DIRECTORIES "${src_dir}")
    target_sources(${target} PRIVATE "${out}")
  endforeach()
  if(NOT arg_RUNTIME)
    set(arg_RUNTIME pgesql::runtime)
  endif()
  target_link_libraries(${target} PRIVATE ${arg_RUNTIME})
endfunction()
