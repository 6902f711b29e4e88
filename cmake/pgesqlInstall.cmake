# Install rules, the CMake package, pkg-config file, man page and CPack set-up.
#
# Layout under the prefix (docs/cmake.md explains the include directories):
#   bin/pgesql
#   lib/pgesql/pgesql-check.so (the --check client, loaded by bin/pgesql)
#   lib/libpgesql.so.<major>.<minor>.<patch>, libpgesql.so.<major>, libpgesql.so, libpgesql.a
#   include/pgesql/pgesql.h (and the other pgesql/ headers)
#   include/pgesql/ecpg/sqlca.h, ecpglib.h, ... (the ECPG-compatible headers)
#   lib/cmake/pgesql/ (pgesqlConfig.cmake, version file, exported targets, pgesqlAddSources.cmake)
#   lib/pkgconfig/pgesql.pc
#   share/man/man1/pgesql.1
include(CMakePackageConfigHelpers)

set(PGESQL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pgesql)
set(PGESQL_ECPG_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/pgesql/ecpg)

install(TARGETS pgesql EXPORT pgesqlTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS pgesql_check_client
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/pgesql COMPONENT runtime)
install(TARGETS pgesql_shared EXPORT pgesqlTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development)
install(TARGETS pgesql_static EXPORT pgesqlStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
# `cmake --install --strip` and CPack strip executables and shared libraries
# only; the static library's debug sections would make it 30+ MB.
if(CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:pgesql_static>\")
    endif()" COMPONENT development)
endif()

# pgesql's own headers keep their pgesql/ prefix; the ECPG-compatible ones get
# a folder of their own so that generic names (sqlca.h, sqltypes.h, decimal.h)
# never land directly in the system include directory.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/pgesql/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pgesql COMPONENT development
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
file(GLOB _pgesql_ecpg_headers ${PROJECT_SOURCE_DIR}/include/*.h)
install(FILES ${_pgesql_ecpg_headers}
  DESTINATION ${PGESQL_ECPG_INCLUDEDIR} COMPONENT development)

install(EXPORT pgesqlTargets NAMESPACE pgesql:: DESTINATION ${PGESQL_CMAKE_DIR}
  COMPONENT development)
install(EXPORT pgesqlStaticTargets NAMESPACE pgesql:: DESTINATION ${PGESQL_CMAKE_DIR}
  COMPONENT development)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/pgesqlConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pgesqlConfig.cmake INSTALL_DESTINATION ${PGESQL_CMAKE_DIR})
# 0.x releases make no compatibility promise between minor versions.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_pgesql_compat SameMinorVersion)
else()
  set(_pgesql_compat SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pgesqlConfigVersion.cmake
  COMPATIBILITY ${_pgesql_compat})
install(FILES ${PROJECT_BINARY_DIR}/pgesqlConfig.cmake ${PROJECT_BINARY_DIR}/pgesqlConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/pgesqlAddSources.cmake
  DESTINATION ${PGESQL_CMAKE_DIR} COMPONENT development)

# pgesql.pc is written at install time so that its prefix is the one actually
# installed to (`cmake --install --prefix` or CPack's), not the configured one.
configure_file(${CMAKE_CURRENT_LIST_DIR}/pgesql.pc.in ${PROJECT_BINARY_DIR}/pgesql.pc.in @ONLY)
# The file is staged in a folder per destination, so that two installs at once
# (a test's and CPack's) do not overwrite each other's copy.
install(CODE "
  file(READ \"${PROJECT_BINARY_DIR}/pgesql.pc.in\" _pc)
  string(REPLACE \"%PREFIX%\" \"\${CMAKE_INSTALL_PREFIX}\" _pc \"\${_pc}\")
  string(MD5 _pc_stage \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
  set(_pc_stage \"${PROJECT_BINARY_DIR}/pkgconfig/\${_pc_stage}\")
  file(WRITE \"\${_pc_stage}/pgesql.pc\" \"\${_pc}\")
  file(INSTALL \"\${_pc_stage}/pgesql.pc\"
       DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\")
  " COMPONENT development)

install(FILES ${PROJECT_BINARY_DIR}/pgesql.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT development)

# `cpack -G DEB` (or TGZ) in the build directory: one package with everything.
set(CPACK_PACKAGE_NAME pgesql)
set(CPACK_PACKAGE_VENDOR "pgesql")
if(NOT CPACK_PACKAGE_CONTACT)
  set(CPACK_PACKAGE_CONTACT "pgesql developers <pgesql@invalid>")
endif()
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "pgesql preprocesses C and C++ sources with embedded SQL (.pgc) into plain C or C++ that calls libpgesql, which speaks PostgreSQL's protocol itself. It runs ECPG programs unchanged.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Depends comes from dpkg-shlibdeps (libc6, libssl3, libstdc++6, libgcc-s1).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pkg-config, cmake")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libssl-dev")
set(CPACK_STRIP_FILES ON)
include(CPack)
