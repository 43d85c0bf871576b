#!/usr/bin/env bash
# Installs a build into a scratch prefix and builds its Debian package, then
# checks what a production install needs: both programs run, the systemd unit
# names the installed server and the settings file and keeps its hardening,
# systemd-analyze accepts it (where systemd-analyze exists), and the package
# holds the same files under /usr and /etc with its dependencies.
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

prefix=$scratch/prefix
cmake --install "$build" --prefix "$prefix" >"$scratch/install.log"
for program in izdeu-server izdeu-indexer; do
  [[ -x $prefix/bin/$program ]] || fail "$program not installed"
  "$prefix/bin/$program" --help >/dev/null || fail "$program --help failed"
done
unit=$prefix/lib/systemd/system/izdeu.service
env_file=$prefix/etc/izdeu/izdeu.env
[[ -f $unit ]] || fail "no unit at $unit"
[[ -f $env_file ]] || fail "no settings file at $env_file"
[[ -f $prefix/lib/sysusers.d/izdeu.conf ]] || fail "no sysusers.d entry"
for line in "ExecStart=$prefix/bin/izdeu-server" "EnvironmentFile=$env_file" "User=izdeu" \
            "ProtectSystem=strict" "ReadWritePaths=/var/lib/izdeu" "NoNewPrivileges=true" \
            "Restart=on-failure"; do
  grep -qxF "$line" "$unit" || fail "unit lacks '$line'"
done
# The settings file only sets variables the server reads: each one must be
# named in izdeu-server --help.
help=$("$prefix/bin/izdeu-server" --help 2>&1)
while IFS= read -r variable; do
  grep -qw "$variable" <<<"$help" || fail "settings file sets $variable, which izdeu-server does not read"
done < <(grep -oE '^#? ?IZDEU_[A-Z_]+' "$env_file" | sed 's/^# *//')

if command -v systemd-analyze >/dev/null; then
  if ! systemd-analyze verify "$unit" >"$scratch/verify.log" 2>&1 || [[ -s $scratch/verify.log ]]; then
    cat "$scratch/verify.log" >&2
    fail "systemd-analyze verify rejected the unit"
  fi
else
  echo "install_test: systemd-analyze not found; unit not verified"
fi

# A second install keeps an edited settings file.
echo "IZDEU_PORT=9999" >>"$env_file"
cmake --install "$build" --prefix "$prefix" >/dev/null
grep -qx "IZDEU_PORT=9999" "$env_file" || fail "a reinstall overwrote the edited settings file"

(cd "$build" && cpack -G DEB -B "$scratch/package" >"$scratch/cpack.log" 2>&1) ||
  { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$scratch"/package/izdeu_*.deb)
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/izdeu-server ./usr/bin/izdeu-indexer ./usr/lib/systemd/system/izdeu.service \
            ./usr/lib/sysusers.d/izdeu.conf ./etc/izdeu/izdeu.env; do
  grep -qxF "$path" <<<"$contents" || fail "package lacks $path"
done
packaged_unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/izdeu.service)
grep -qxF "ExecStart=/usr/bin/izdeu-server" <<<"$packaged_unit" || fail "packaged unit runs the wrong binary"
grep -qxF "EnvironmentFile=/etc/izdeu/izdeu.env" <<<"$packaged_unit" || fail "packaged unit reads the wrong settings"
depends=$(dpkg-deb -f "$deb" Depends)
for package in libxapian30 libicu72 libcpp-httplib0.11; do
  grep -q "$package" <<<"$depends" || fail "package does not depend on $package: $depends"
done
dpkg-deb -e "$deb" "$scratch/control"
grep -qxF /etc/izdeu/izdeu.env "$scratch/control/conffiles" || fail "settings file is not a conffile"
[[ -x $scratch/control/postinst ]] || fail "no postinst"
echo "install_test: installed, verified and packaged ($(du -k "$deb" | cut -f1) KiB)"
