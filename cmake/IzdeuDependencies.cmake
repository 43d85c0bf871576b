# Every dependency is a Debian 12 package (scripts/install-deps installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core>=1.4)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
find_package(nlohmann_json 3.11 REQUIRED)

# libstemmer-dev ships a header and a library but no CMake or pkg-config file.
find_path(SNOWBALL_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(SNOWBALL_LIBRARY stemmer REQUIRED)
add_library(Snowball::stemmer UNKNOWN IMPORTED)
set_target_properties(Snowball::stemmer PROPERTIES
  IMPORTED_LOCATION "${SNOWBALL_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${SNOWBALL_INCLUDE_DIR}")

if(IZDEU_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
