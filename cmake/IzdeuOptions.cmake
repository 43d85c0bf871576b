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
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
