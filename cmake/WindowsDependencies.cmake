# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The core's, the C ABI's and the command line's dependencies for 64-bit Windows, cross-compiled
# with MinGW-w64 (cmake/mingw-w64-x86_64.cmake, scripts/windows.sh), as the same targets the
# native build finds, so that capi/ and src/ build unchanged:
#   Boost::headers, tl::expected, CLI11::CLI11, nlohmann_json::nlohmann_json — header-only, from
#     a folder that holds just their directories (symbolic links into
#     MAMISGUIDE_WINDOWS_HOST_INCLUDE), so that the build machine's own C library headers in
#     /usr/include never mix with MinGW-w64's;
#   simdjson::simdjson, CSV::CSV — compiled from Debian's source packages of the versions the
#     native build uses (scripts/debian-sources.sh, called by scripts/windows.sh, which passes
#     MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE and MAMISGUIDE_WINDOWS_LIBCSV_SOURCE).
# Everything is linked statically (libgcc, libstdc++, winpthread): mamisguide.dll and
# mamisguide.exe import nothing but Windows' own DLLs.
set(MAMISGUIDE_WINDOWS_HOST_INCLUDE /usr/include CACHE PATH
  "Where the build machine's Boost, tl-expected, CLI11 and nlohmann/json headers are")
set(MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE "" CACHE PATH "Debian's simdjson source package, unpacked")
set(MAMISGUIDE_WINDOWS_LIBCSV_SOURCE "" CACHE PATH "Debian's libcsv source package, unpacked")

foreach(src SIMDJSON LIBCSV)
  if(NOT IS_DIRECTORY "${MAMISGUIDE_WINDOWS_${src}_SOURCE}")
    message(FATAL_ERROR "MAMISGUIDE_WINDOWS_${src}_SOURCE must name Debian's source package, "
                        "unpacked (scripts/windows.sh fetches it with scripts/debian-sources.sh)")
  endif()
endforeach()

# Windows 10 and Windows Server 2016 or later. NOMINMAX: <windows.h> must not define min and max.
# __USE_MINGW_ANSI_STDIO: printf and its kin as C99 says (%zu, %lld), in C as in C++.
add_compile_definitions(_WIN32_WINNT=0x0A00 NOMINMAX WIN32_LEAN_AND_MEAN __USE_MINGW_ANSI_STDIO=1)
# No DLL beyond Windows' own; no time stamp in the PE headers (the same bytes from the same
# sources).
add_link_options(-static -Wl,--no-insert-timestamp)

# Header-only libraries: a folder with only their directories in it.
set(mg_windows_headers ${PROJECT_BINARY_DIR}/windows-headers)
file(MAKE_DIRECTORY ${mg_windows_headers})
foreach(dir boost tl CLI nlohmann)
  if(NOT IS_DIRECTORY ${MAMISGUIDE_WINDOWS_HOST_INCLUDE}/${dir})
    message(FATAL_ERROR "${MAMISGUIDE_WINDOWS_HOST_INCLUDE}/${dir} is missing: install "
                        "libboost-graph-dev, libexpected-dev, libcli11-dev and nlohmann-json3-dev")
  endif()
  file(CREATE_LINK ${MAMISGUIDE_WINDOWS_HOST_INCLUDE}/${dir} ${mg_windows_headers}/${dir} SYMBOLIC)
endforeach()
foreach(target Boost::headers tl::expected CLI11::CLI11 nlohmann_json::nlohmann_json)
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${mg_windows_headers})
endforeach()
# Boost.Asio (the HTTP service) speaks Winsock.
set_property(TARGET Boost::headers PROPERTY INTERFACE_LINK_LIBRARIES ws2_32 mswsock)

# simdjson: its single-header build (singleheader/simdjson.{h,cpp}), with its run-time choice of
# kernel (Haswell, Westmere or the portable one) as on Linux.
set(mg_simdjson ${MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE}/singleheader)
add_library(mg_windows_simdjson STATIC ${mg_simdjson}/simdjson.cpp)
target_include_directories(mg_windows_simdjson SYSTEM PUBLIC ${mg_simdjson})
target_compile_options(mg_windows_simdjson PRIVATE -w)
set_target_properties(mg_windows_simdjson PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON
  POSITION_INDEPENDENT_CODE ON)
add_library(simdjson::simdjson ALIAS mg_windows_simdjson)

# libcsv: one C file and its header.
add_library(mg_windows_csv STATIC ${MAMISGUIDE_WINDOWS_LIBCSV_SOURCE}/libcsv.c)
target_include_directories(mg_windows_csv SYSTEM PUBLIC ${MAMISGUIDE_WINDOWS_LIBCSV_SOURCE})
target_compile_options(mg_windows_csv PRIVATE -w)
add_library(CSV::CSV ALIAS mg_windows_csv)
