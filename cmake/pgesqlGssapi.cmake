# GSSAPI is optional: found through pkg-config's krb5-gssapi (Debian: libkrb5-dev).
# Sets PGESQL_HAVE_GSSAPI and, when on, the imported target PkgConfig::PGESQL_GSSAPI.
set(PGESQL_HAVE_GSSAPI OFF)
if(NOT PGESQL_WITH_GSSAPI STREQUAL "OFF")
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(PGESQL_GSSAPI QUIET IMPORTED_TARGET krb5-gssapi)
  endif()
  if(PGESQL_GSSAPI_FOUND)
    set(PGESQL_HAVE_GSSAPI ON)
    # For pgesql.pc's Libs.private (static linking): "-lgssapi_krb5 -lkrb5 ... ".
    list(JOIN PGESQL_GSSAPI_LDFLAGS " " PGESQL_PC_GSSAPI_LIBS)
    string(APPEND PGESQL_PC_GSSAPI_LIBS " ")
  elseif(PGESQL_WITH_GSSAPI STREQUAL "ON")
    message(FATAL_ERROR "PGESQL_WITH_GSSAPI=ON, but krb5-gssapi was not found (install libkrb5-dev and pkg-config)")
  endif()
endif()
message(STATUS "pgesql: GSSAPI ${PGESQL_HAVE_GSSAPI}")
