# Runs at install time (see IzdeuInstall.cmake): writes the systemd unit and
# the settings file for the prefix being installed into. Settings live in
# /etc when the prefix is /usr (the Debian package), else in PREFIX/etc; the
# index always lives in /var/lib/izdeu (the unit's StateDirectory).
set(prefix "${CMAKE_INSTALL_PREFIX}")
if(DEFINED ENV{DESTDIR})
  set(destdir "$ENV{DESTDIR}")
else()
  set(destdir "")
endif()
if(prefix STREQUAL "/usr")
  set(sysconfdir "/etc")
else()
  set(sysconfdir "${prefix}/etc")
endif()
set(IZDEU_BINDIR "${prefix}/${IZDEU_BINDIR_REL}")
set(IZDEU_ENV_FILE "${sysconfdir}/izdeu/izdeu.env")
set(IZDEU_STATE_DIR "/var/lib/izdeu")

configure_file("${IZDEU_DIST}/izdeu.service.in" "${destdir}${prefix}/lib/systemd/system/izdeu.service"
               @ONLY)
message(STATUS "Installing: ${destdir}${prefix}/lib/systemd/system/izdeu.service")
# An edited settings file is never overwritten.
if(NOT EXISTS "${destdir}${IZDEU_ENV_FILE}")
  configure_file("${IZDEU_DIST}/izdeu.env.in" "${destdir}${IZDEU_ENV_FILE}" @ONLY)
  message(STATUS "Installing: ${destdir}${IZDEU_ENV_FILE}")
endif()
