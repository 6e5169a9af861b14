# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Installation: headers, libraries, the CMake package and the pkg-config file.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/mamisguide DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/mamisguide/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/mamisguide)
install(FILES ${PROJECT_SOURCE_DIR}/data/sample-municipal.csv ${PROJECT_SOURCE_DIR}/data/sample-categories.csv
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mamisguide)

# Two export sets: the header-only API with the shared C ABI (which carries its JSON parser
# inside), and the static C ABI, whose users also link simdjson. The package looks for simdjson
# only when the static library is asked for (mamisguide-config.cmake.in).
set(mg_export_targets mamisguide)
if(TARGET mamisguide_capi)
  list(APPEND mg_export_targets mamisguide_capi)
endif()
install(TARGETS ${mg_export_targets} EXPORT mamisguide-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(mg_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/mamisguide)
install(EXPORT mamisguide-targets NAMESPACE mamisguide:: DESTINATION ${mg_cmake_dir})
if(TARGET mamisguide_capi_static)
  install(TARGETS mamisguide_capi_static EXPORT mamisguide-static-targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT mamisguide-static-targets NAMESPACE mamisguide:: DESTINATION ${mg_cmake_dir})
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/mamisguide-config.cmake.in
  ${PROJECT_BINARY_DIR}/mamisguide-config.cmake INSTALL_DESTINATION ${mg_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mamisguide-config-version.cmake
  COMPATIBILITY SameMajorVersion) # 1.x keeps its API and ABI (docs/abi.md)
install(FILES ${PROJECT_BINARY_DIR}/mamisguide-config.cmake
              ${PROJECT_BINARY_DIR}/mamisguide-config-version.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindCSV.cmake
        DESTINATION ${mg_cmake_dir})

# Relocatable: the prefix is found from the .pc file's own place (pkg-config's ${pcfiledir}).
file(RELATIVE_PATH MG_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" MG_PC_TO_PREFIX "${MG_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/mamisguide.pc.in ${PROJECT_BINARY_DIR}/mamisguide.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/mamisguide.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
