# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Configures, builds and runs the consumer against the installed prefix. LINK_FLAGS (optional):
# what the consumer's link needs beside the package's own (a coverage build's static library
# needs gcov's runtime: --coverage).
file(REMOVE_RECURSE ${BINARY})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BINARY} -DCMAKE_PREFIX_PATH=${PREFIX}
                "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed")
endif()
foreach(prog consumer_cpp consumer_c consumer_c_static)
  set(args)
  if(prog STREQUAL "consumer_cpp")
    set(args ${DATA}/sample-municipal.csv)
  endif()
  execute_process(COMMAND ${BINARY}/${prog} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${prog} failed: ${out}")
  endif()
  message(STATUS "${prog}: ${out}")
endforeach()
