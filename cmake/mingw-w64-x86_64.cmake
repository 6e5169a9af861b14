# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# CMake toolchain file: 64-bit Windows, cross-compiled on Debian with MinGW-w64
# (g++-mingw-w64-x86-64). scripts/windows.sh passes it:
#   cmake -S . -B build-windows --toolchain cmake/mingw-w64-x86_64.cmake
# The -posix compilers: their libstdc++ has std::thread and std::mutex (simdjson, the C ABI's
# thread-local state), which the -win32 ones lack. Only the MinGW-w64 sysroot is searched for
# headers and libraries: never the build machine's /usr/include or /usr/lib (the header-only
# Boost, tl-expected, CLI11 and nlohmann/json come in through a folder of their own:
# cmake/WindowsDependencies.cmake).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(MG_MINGW_TRIPLET x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${MG_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${MG_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${MG_MINGW_TRIPLET}-windres)
set(CMAKE_AR ${MG_MINGW_TRIPLET}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${MG_MINGW_TRIPLET}-gcc-ranlib-posix CACHE FILEPATH "")

set(CMAKE_FIND_ROOT_PATH /usr/${MG_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

