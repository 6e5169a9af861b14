# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Assembles and packs the Windows zip (cmake -P; cmake/WindowsPackage.cmake passes NAME, VERSION,
# ZIP, STAGE, SOURCE_DIR, EXE, DLL, IMPLIB, DEF, STRIP, DLLTOOL, SIMDJSON_SOURCE, LIBCSV_SOURCE).
# The same inputs give the same zip: files in a fixed order, fixed permissions, every time stamp
# SOURCE_DATE_EPOCH's (scripts/windows.sh takes it from debian/changelog), binaries stripped.
set(root ${STAGE}/${NAME})
file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${root}/bin ${root}/lib ${root}/include ${root}/share/mamisguide
  ${root}/examples/c ${root}/examples/readme ${root}/LICENSES ${root}/licenses)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

# The programs, without their symbol tables.
run(${STRIP} --strip-all -o ${root}/bin/mamisguide.exe ${EXE})
run(${STRIP} --strip-all -o ${root}/bin/mamisguide.dll ${DLL})

# The exports, without the linker's ordinals (callers import by name), named for their DLL; the
# import library in Microsoft's format from it; MinGW-w64's own beside it.
file(STRINGS ${DEF} exports REGEX "^[ \t]+mg_")
list(TRANSFORM exports REPLACE "^[ \t]+(mg_[A-Za-z0-9_]+).*" "    \\1")
list(SORT exports)
list(JOIN exports "\n" exports)
file(WRITE ${root}/lib/mamisguide.def "LIBRARY mamisguide.dll\nEXPORTS\n${exports}\n")
run(${DLLTOOL} -m i386:x86-64 -d ${root}/lib/mamisguide.def -l ${root}/lib/mamisguide.lib)
file(COPY_FILE ${IMPLIB} ${root}/lib/libmamisguide.dll.a)

file(COPY_FILE ${SOURCE_DIR}/capi/mamisguide.h ${root}/include/mamisguide.h)
foreach(f sample-municipal.csv sample-categories.csv)
  file(COPY_FILE ${SOURCE_DIR}/data/${f} ${root}/share/mamisguide/${f})
endforeach()
file(COPY_FILE ${SOURCE_DIR}/examples/c/plan.c ${root}/examples/c/plan.c)
foreach(f plan.c plan.cs plan.java plan.php)
  file(COPY_FILE ${SOURCE_DIR}/examples/readme/${f} ${root}/examples/readme/${f})
endforeach()

# Ours, then what is compiled in (THIRD-PARTY-NOTICES.txt says which file is whose).
configure_file(${SOURCE_DIR}/windows/README.txt ${root}/README.txt @ONLY)
foreach(f LICENSE NOTICE LICENSES/LicenseRef-MAMIS-guide-quotation.txt)
  file(COPY_FILE ${SOURCE_DIR}/${f} ${root}/${f})
endforeach()
# (scripts/debian-sources.sh leaves .checked beside each source package it unpacked: the name,
# the version and the .dsc's SHA-256)
set(BUILT_FROM "Debian source packages (name, version, SHA-256 of the .dsc):")
foreach(src ${SIMDJSON_SOURCE} ${LIBCSV_SOURCE})
  if(EXISTS ${src}/../.checked)
    file(READ ${src}/../.checked checked)
    string(STRIP "${checked}" checked)
    string(APPEND BUILT_FROM "\n  ${checked}")
  else()
    string(APPEND BUILT_FROM "\n  not Debian's: ${src}")
  endif()
endforeach()
configure_file(${SOURCE_DIR}/windows/THIRD-PARTY-NOTICES.txt ${root}/THIRD-PARTY-NOTICES.txt @ONLY)
set(licences
  "${SIMDJSON_SOURCE}/LICENSE=simdjson-LICENSE.txt"
  "${SIMDJSON_SOURCE}/debian/copyright=simdjson-debian-copyright.txt"
  "${LIBCSV_SOURCE}/COPYING.LESSER=libcsv-COPYING.LESSER.txt"
  "${LIBCSV_SOURCE}/debian/copyright=libcsv-debian-copyright.txt"
  "/usr/share/doc/libcli11-dev/copyright=CLI11-debian-copyright.txt"
  "/usr/share/doc/nlohmann-json3-dev/copyright=nlohmann-json-debian-copyright.txt"
  "/usr/share/doc/libexpected-dev/copyright=tl-expected-debian-copyright.txt"
  "/usr/share/doc/mingw-w64-x86-64-dev/copyright=mingw-w64-debian-copyright.txt")
foreach(pair IN LISTS licences)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  if(NOT EXISTS ${from})
    message(FATAL_ERROR "${from} is missing: the zip must carry it")
  endif()
  file(COPY_FILE ${from} ${root}/licenses/${to})
endforeach()

# Text files with Windows' line ends, where Notepad reads them; sources as they are.
file(GLOB_RECURSE texts RELATIVE ${root} ${root}/*.txt ${root}/LICENSE ${root}/NOTICE)
foreach(f IN LISTS texts)
  file(READ ${root}/${f} text)
  string(REPLACE "\r\n" "\n" text "${text}")
  string(REPLACE "\n" "\r\n" text "${text}")
  file(WRITE ${root}/${f} "${text}")
endforeach()

# Packed in a fixed order with fixed metadata.
file(GLOB_RECURSE files RELATIVE ${STAGE} ${root}/*)
list(SORT files)
foreach(f IN LISTS files)
  file(CHMOD ${STAGE}/${f} PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endforeach()
string(TIMESTAMP mtime "%Y-%m-%d %H:%M:%S UTC" UTC) # SOURCE_DATE_EPOCH when it is set
file(REMOVE ${ZIP})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${ZIP} --format=zip --mtime=${mtime} -- ${files}
  WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake -E tar could not write ${ZIP}")
endif()
file(SIZE ${ZIP} size)
list(LENGTH files count)
message(STATUS "${ZIP}: ${count} files, ${size} bytes")
