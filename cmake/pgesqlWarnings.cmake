# Warning flags for pgesql's own code (not for user code built with
# pgesql_add_sources, whose flags are the user's business).
add_library(pgesql_warnings INTERFACE)
target_compile_options(pgesql_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wshadow=local -Wnon-virtual-dtor>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra>
  $<$<BOOL:${PGESQL_WERROR}>:-Werror>)
