# Installing izdeu as a service: the two programs, a systemd unit, its
# settings file, the service user (sysusers.d), and a Debian package of all of
# it (cpack -G DEB). The unit and settings name installed paths, so they are
# written at install time: `cmake --install build --prefix DIR` gives a unit
# that runs DIR/bin/izdeu-server.
include(GNUInstallDirs)

install(TARGETS izdeu-indexer izdeu-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/server/dist/izdeu.sysusers
        DESTINATION lib/sysusers.d RENAME izdeu.conf)
install(CODE "
  set(IZDEU_DIST \"${PROJECT_SOURCE_DIR}/server/dist\")
  set(IZDEU_BINDIR_REL \"${CMAKE_INSTALL_BINDIR}\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/IzdeuInstallUnit.cmake\")
")

# cpack -G DEB (from the build directory): the package installs into /usr,
# the settings into /etc/izdeu, and its postinst creates the izdeu user.
set(CPACK_PACKAGE_NAME izdeu)
set(CPACK_PACKAGE_VENDOR "izdeu")
set(CPACK_PACKAGE_CONTACT "izdeu maintainers <izdeu@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Full-text search for Kazakh and Russian news archives")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Install with DESTDIR and the real prefix, so that the unit names /usr/bin.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xapian-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/server/dist/postinst
                                       ${PROJECT_SOURCE_DIR}/server/dist/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
