# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The core's and the C ABI's dependencies for WebAssembly (`emcmake cmake`, included by the
# top-level CMakeLists.txt instead of its find_package calls), as the same targets the native
# build finds, so that capi/CMakeLists.txt builds the C ABI's objects unchanged:
#   Boost::headers, tl::expected, nlohmann_json::nlohmann_json — header-only, from a folder that
#     holds just their directories (symbolic links into MAMISGUIDE_WASM_HOST_INCLUDE), so that
#     the host's own C library headers in /usr/include never mix with emscripten's;
#   simdjson::simdjson, CSV::CSV — compiled from Debian's source packages of the versions the
#     native build uses (scripts/debian-sources.sh, called by scripts/wasm.sh, which passes
#     MAMISGUIDE_WASM_SIMDJSON_SOURCE and MAMISGUIDE_WASM_LIBCSV_SOURCE).
# Everything is compiled with WebAssembly's own exception handling (-fwasm-exceptions): the C ABI
# catches std::bad_alloc at its boundary and returns MG_ERR_NOMEM, and a throw that is not
# caught would otherwise abort; it costs nothing on the path that does not throw (emscripten's
# JavaScript-based exceptions route every call that may throw through JavaScript).
set(MAMISGUIDE_WASM_HOST_INCLUDE /usr/include CACHE PATH
  "Where the host's Boost, tl-expected and nlohmann/json headers are")
set(MAMISGUIDE_WASM_SIMDJSON_SOURCE "" CACHE PATH "Debian's simdjson source package, unpacked")
set(MAMISGUIDE_WASM_LIBCSV_SOURCE "" CACHE PATH "Debian's libcsv source package, unpacked")

foreach(src SIMDJSON LIBCSV)
  if(NOT IS_DIRECTORY "${MAMISGUIDE_WASM_${src}_SOURCE}")
    message(FATAL_ERROR "MAMISGUIDE_WASM_${src}_SOURCE must name Debian's source package, "
                        "unpacked (scripts/wasm.sh fetches it with scripts/debian-sources.sh)")
  endif()
endforeach()

add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)
# Bulk memory: memcpy and memset become WebAssembly's memory.copy and memory.fill, where
# emscripten 3.1.6 otherwise calls out to JavaScript (HEAPU8.copyWithin) for every copy of 512
# bytes or more (a response, a request); 8 % faster over the benchmark's workload. (Supported
# wherever the exception handling above is.)
add_compile_options(-mbulk-memory)
add_link_options(-mbulk-memory)

# One optimization level for the compiler and for emscripten's link (wasm-opt, the loader's
# JavaScript), whatever the build type says; no debug information in the package.
set(MAMISGUIDE_WASM_OPT -O2 CACHE STRING "Optimization of the WebAssembly build: -O2 or -Os")
list(JOIN MAMISGUIDE_WASM_OPT " " mg_wasm_opt)
foreach(lang C CXX)
  foreach(config RELEASE RELWITHDEBINFO MINSIZEREL DEBUG)
    set(CMAKE_${lang}_FLAGS_${config} "${mg_wasm_opt} -DNDEBUG")
  endforeach()
endforeach()
add_link_options(${MAMISGUIDE_WASM_OPT})

# Header-only libraries: a folder with only their directories in it.
set(mg_wasm_headers ${PROJECT_BINARY_DIR}/wasm-headers)
file(MAKE_DIRECTORY ${mg_wasm_headers})
foreach(dir boost tl nlohmann)
  if(NOT IS_DIRECTORY ${MAMISGUIDE_WASM_HOST_INCLUDE}/${dir})
    message(FATAL_ERROR "${MAMISGUIDE_WASM_HOST_INCLUDE}/${dir} is missing: install "
                        "libboost-graph-dev, libexpected-dev and nlohmann-json3-dev")
  endif()
  file(CREATE_LINK ${MAMISGUIDE_WASM_HOST_INCLUDE}/${dir} ${mg_wasm_headers}/${dir} SYMBOLIC)
endforeach()
foreach(target Boost::headers tl::expected nlohmann_json::nlohmann_json)
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${mg_wasm_headers})
endforeach()

# simdjson: its single-header build (singleheader/simdjson.{h,cpp}). There is no WebAssembly
# kernel in 3.0.1: it picks the portable "fallback" one, and says at compile time that wasm32 is
# not a 64-bit target (expected; its headers are included as system headers).
set(mg_simdjson ${MAMISGUIDE_WASM_SIMDJSON_SOURCE}/singleheader)
add_library(mg_wasm_simdjson STATIC ${mg_simdjson}/simdjson.cpp)
target_include_directories(mg_wasm_simdjson SYSTEM PUBLIC ${mg_simdjson})
target_compile_options(mg_wasm_simdjson PRIVATE -w)
set_target_properties(mg_wasm_simdjson PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON)
add_library(simdjson::simdjson ALIAS mg_wasm_simdjson)

# libcsv: one C file and its header.
add_library(mg_wasm_csv STATIC ${MAMISGUIDE_WASM_LIBCSV_SOURCE}/libcsv.c)
target_include_directories(mg_wasm_csv SYSTEM PUBLIC ${MAMISGUIDE_WASM_LIBCSV_SOURCE})
target_compile_options(mg_wasm_csv PRIVATE -w)
add_library(CSV::CSV ALIAS mg_wasm_csv)
