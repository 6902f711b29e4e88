# Warning flags for pgesql's own code (not for user code built with
# pgesql_add_sources, whose flags are the user's business).
add_library(pgesql_warnings INTERFACE)
target_compile_options(pgesql_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wshadow=local -Wnon-virtual-dtor>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra>
  # GCC 12 at -O2/-O3 reports -Wrestrict inside std::string's operator+ ("x" + std::string&&),
  # a false positive in libstdc++'s own code (GCC bug 105329, fixed in GCC 13).
  $<$<AND:$<COMPILE_LANG_AND_ID:CXX,GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<BOOL:${PGESQL_WERROR}>:-Werror>)
