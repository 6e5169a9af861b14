# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# libmamisguide.so has no thread-local storage (no PT_TLS segment): glibc would allocate it on a
# thread's first use in a host that loads the library with dlopen, and abort the process when
# that fails (issue 25; docs/decisions.md). It is also linked -z nodelete (its pthread keys'
# destructors stay loaded). Usage: cmake -DLIB=libmamisguide.so -P no_tls.cmake
find_program(READELF readelf)
if(NOT READELF)
  message(STATUS "readelf not found: skipped")
  return()
endif()
execute_process(COMMAND ${READELF} -lW ${LIB} OUTPUT_VARIABLE segments RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf -l ${LIB} failed")
endif()
if(segments MATCHES "\n *TLS ")
  message(FATAL_ERROR "${LIB} has thread-local storage (a thread_local or __thread): use a pthread key (capi.cpp, json.cpp)")
endif()
execute_process(COMMAND ${READELF} -dW ${LIB} OUTPUT_VARIABLE dynamic)
if(NOT dynamic MATCHES "NODELETE")
  message(FATAL_ERROR "${LIB} is not linked -z nodelete")
endif()
message(STATUS "${LIB}: no TLS segment, NODELETE")
