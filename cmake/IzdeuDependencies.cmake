# Every dependency is a Debian 12 package (scripts/install-deps installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core>=1.4)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
# Debian's cpp-httplib is a compiled library (libcpp-httplib.so, linked with
# zlib, brotli and OpenSSL), and its pkg-config Cflags carry the matching
# -DCPPHTTPLIB_ZLIB_SUPPORT -DCPPHTTPLIB_BROTLI_SUPPORT -DCPPHTTPLIB_OPENSSL_SUPPORT.
# PkgConfig::HTTPLIB passes them to every target that links it, so every
# translation unit that includes httplib.h sees the same class layouts as the
# library (one definition rule) and the server answers gzip (and br) to
# clients that accept it. Fail early if a differently built httplib lacks zlib.
if(NOT "${HTTPLIB_CFLAGS}" MATCHES "CPPHTTPLIB_ZLIB_SUPPORT")
  message(FATAL_ERROR "cpp-httplib was built without zlib (no CPPHTTPLIB_ZLIB_SUPPORT in its "
                      "pkg-config Cflags); izdeu-server needs its gzip responses")
endif()
# zlib1g-dev: httplib.h includes <zlib.h> under CPPHTTPLIB_ZLIB_SUPPORT, and
# the server tests inflate gzip responses themselves.
find_package(ZLIB REQUIRED)
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
