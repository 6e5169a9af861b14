# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The Windows zip (scripts/windows.sh): build-windows/mamisguide-<version>-win64.zip, assembled by
# cmake/windows_zip.cmake from the DLL, its import libraries and .def, the header, the command
# line, the sample data, README's examples and the licences (windows/README.txt lists it all).
# mamisguide.lib is an import library in Microsoft's own ("short") format, written from the .def
# by llvm-dlltool as lib.exe would write it, so that MSVC's link.exe and MinGW-w64's ld both
# take it.
find_program(MG_LLVM_DLLTOOL NAMES llvm-dlltool llvm-dlltool-14 PATHS /usr/lib/llvm-14/bin)
if(NOT MG_LLVM_DLLTOOL)
  message(FATAL_ERROR "llvm-dlltool is missing (Debian: llvm-14); it writes mamisguide.lib")
endif()

set(mg_zip_name mamisguide-${PROJECT_VERSION}-win64)
set(mg_zip ${PROJECT_BINARY_DIR}/${mg_zip_name}.zip)
set(mg_zip_inputs
  ${PROJECT_SOURCE_DIR}/cmake/windows_zip.cmake
  ${PROJECT_SOURCE_DIR}/windows/README.txt
  ${PROJECT_SOURCE_DIR}/windows/THIRD-PARTY-NOTICES.txt
  ${PROJECT_SOURCE_DIR}/capi/mamisguide.h
  ${PROJECT_SOURCE_DIR}/LICENSE
  ${PROJECT_SOURCE_DIR}/NOTICE)
add_custom_command(OUTPUT ${mg_zip}
  COMMAND ${CMAKE_COMMAND}
    -DNAME=${mg_zip_name} -DVERSION=${PROJECT_VERSION} -DZIP=${mg_zip}
    -DSTAGE=${PROJECT_BINARY_DIR}/package
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DEXE=$<TARGET_FILE:mamisguide_cli>
    -DDLL=$<TARGET_FILE:mamisguide_capi>
    -DIMPLIB=$<TARGET_LINKER_FILE:mamisguide_capi>
    -DDEF=${PROJECT_BINARY_DIR}/capi/mamisguide.def
    -DSTRIP=${CMAKE_STRIP}
    -DDLLTOOL=${MG_LLVM_DLLTOOL}
    -DSIMDJSON_SOURCE=${MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE}
    -DLIBCSV_SOURCE=${MAMISGUIDE_WINDOWS_LIBCSV_SOURCE}
    -P ${PROJECT_SOURCE_DIR}/cmake/windows_zip.cmake
  DEPENDS mamisguide_cli mamisguide_capi ${mg_zip_inputs}
  COMMENT "Packing ${mg_zip_name}.zip"
  VERBATIM)
add_custom_target(mamisguide_zip ALL DEPENDS ${mg_zip})
