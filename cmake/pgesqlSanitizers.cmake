# PGESQL_SANITIZE=address,undefined (or thread) instruments everything built
# in this tree, tests and samples included, so the whole suite runs under it.
if(PGESQL_SANITIZE)
  set(_pgesql_san_flags -fsanitize=${PGESQL_SANITIZE} -fno-omit-frame-pointer)
  if(PGESQL_SANITIZE MATCHES "undefined")
    list(APPEND _pgesql_san_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_pgesql_san_flags})
  add_link_options(-fsanitize=${PGESQL_SANITIZE})
endif()
