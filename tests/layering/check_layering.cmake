# Checks that #include lines follow izdeu's dependency rules (ARCHITECTURE.md):
#
#   analyzers            <- corpus root <- index <- query <- search <- people
#                                                     ^---- suggest
#   corpus               <- formats (archive and wire formats; JSON, no HTTP)
#   corpus, formats      <- indexer, server (which never include each other)
#
# and that the library keeps its edges out: no Xapian in analyzers/, no HTTP
# or JSON in analyzers/ or corpus/.
#
# Usage: cmake -DROOT=<source tree> -P check_layering.cmake
# Exits with an error listing every include that breaks a rule.

cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P check_layering.cmake")
endif()

# Which project folders a folder may include from (besides itself).
set(allowed_analyzers "analyzers")
set(allowed_corpus_root "analyzers;corpus_root")
set(allowed_corpus_index "analyzers;corpus_root;corpus/index")
set(allowed_corpus_query "analyzers;corpus_root;corpus/index;corpus/query")
set(allowed_corpus_search "analyzers;corpus_root;corpus/index;corpus/query;corpus/search")
set(allowed_corpus_suggest "analyzers;corpus_root;corpus/index;corpus/query;corpus/suggest")
set(allowed_corpus_people
    "analyzers;corpus_root;corpus/index;corpus/query;corpus/search;corpus/people")
set(allowed_formats "analyzers;corpus_root;formats")
set(allowed_indexer "analyzers;corpus_root;corpus/index;corpus/query;corpus/search;corpus/suggest;corpus/people;formats;indexer")
set(allowed_server "analyzers;corpus_root;corpus/index;corpus/query;corpus/search;corpus/suggest;corpus/people;formats;server")

# The room a project path ("corpus/search/searcher.h") belongs to.
function(room_of path out)
  if(path MATCHES "^corpus/(index|query|search|suggest|people)/")
    set(${out} "corpus/${CMAKE_MATCH_1}" PARENT_SCOPE)
  elseif(path MATCHES "^corpus/[^/]+$")
    set(${out} "corpus_root" PARENT_SCOPE)
  elseif(path MATCHES "^(analyzers|formats|indexer|server)/")
    set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

set(violations "")
set(checked 0)
file(GLOB_RECURSE sources RELATIVE "${ROOT}"
     "${ROOT}/analyzers/*.h" "${ROOT}/analyzers/*.cpp" "${ROOT}/analyzers/*.in"
     "${ROOT}/corpus/*.h" "${ROOT}/corpus/*.cpp"
     "${ROOT}/formats/*.h" "${ROOT}/formats/*.cpp"
     "${ROOT}/indexer/*.h" "${ROOT}/indexer/*.cpp"
     "${ROOT}/server/*.h" "${ROOT}/server/*.cpp")
foreach(source IN LISTS sources)
  room_of("${source}" room)
  if(room STREQUAL "")
    continue()
  endif()
  string(REPLACE "/" "_" key "${room}")
  set(allowed "${allowed_${key}}")
  file(STRINGS "${ROOT}/${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  math(EXPR checked "${checked} + 1")
  foreach(line IN LISTS includes)
    if(NOT line MATCHES "#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
      continue()
    endif()
    set(target "${CMAKE_MATCH_1}")
    room_of("${target}" target_room)
    if(NOT target_room STREQUAL "")
      if(NOT target_room IN_LIST allowed)
        list(APPEND violations "${source}: includes ${target} (${room} may not depend on ${target_room})")
      endif()
    elseif(room MATCHES "^(analyzers|corpus)" AND target MATCHES "^(httplib\\.h|nlohmann/)")
      list(APPEND violations "${source}: includes ${target} (HTTP and JSON live in formats/, indexer/ and server/)")
    elseif(room STREQUAL "formats" AND target MATCHES "^httplib\\.h")
      list(APPEND violations "${source}: includes ${target} (formats/ knows no HTTP)")
    elseif(room STREQUAL "analyzers" AND target MATCHES "^xapian")
      list(APPEND violations "${source}: includes ${target} (analyzers/ knows no Xapian)")
    endif()
  endforeach()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "layering: no source files under ${ROOT}")
endif()
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "layering: includes against the dependency rules:\n  ${text}")
endif()
message(STATUS "layering: ${checked} files follow the dependency rules")
