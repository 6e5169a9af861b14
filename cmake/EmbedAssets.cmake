# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# mg_embed_assets(OUTPUT URL FILE [URL FILE]...): generates OUTPUT, a C++ source defining the
# table of static assets (src/http/assets.hpp) with each FILE's bytes served at URL. Rebuilt
# when a file changes; no file is looked up at run time.
function(mg_embed_assets output)
  set(entries "")
  set(files "")
  set(args ${ARGN})
  list(LENGTH args n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET args ${i} url)
    list(GET args ${j} file)
    if(entries)
      string(APPEND entries "|")
    endif()
    string(APPEND entries "${url}>${file}")
    list(APPEND files ${file})
  endforeach()
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DASSETS=${entries}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    COMMENT "Embedding the HTTP service's static assets"
    VERBATIM)
endfunction()
