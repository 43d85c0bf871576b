# Compiler warnings and sanitizers, shared by every first-party target through
# the izdeu_warnings INTERFACE library.
add_library(izdeu_warnings INTERFACE)
target_compile_options(izdeu_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wimplicit-fallthrough -Wno-missing-field-initializers)
if(IZDEU_WERROR)
  target_compile_options(izdeu_warnings INTERFACE -Werror)
endif()

if(IZDEU_SANITIZE)
  # Applied globally so that tests and libraries agree on the runtime.
  # -O1, as the sanitizers' own documentation advises: several times faster
  # than -O0 (the suite under sanitizers, and the fuzzers' executions per
  # second), with stack traces still exact enough.
  add_compile_options(-O1 -fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer (clang only): every target gets coverage instrumentation so that
# the harnesses under tests/fuzz see into the libraries; only the harnesses
# link libFuzzer's main. The ci-asan preset turns this on, so the fuzzers
# cost no build of their own in CI.
if(IZDEU_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "IZDEU_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
