#!/usr/bin/env bash
# Makes the root filesystem of payments-local/debian:bookworm in DIR: Debian bookworm minbase from the mirror this
# host's apt uses, with this host's trusted certificates (so HTTPS from containers, e.g. NuGet, is trusted the same
# way as on the host) and apt configured to keep images small.
# Usage: rootfs.sh DIR   (as root; scripts/local-images.sh imports the result with `docker import`)
set -euo pipefail
dir=$1
sources=/etc/apt/sources.list.d/debian.sources
mirror=$(awk '/^URIs:/ { print $2; exit }' "$sources" 2>/dev/null || true)
debootstrap --variant=minbase bookworm "$dir" "${mirror:-http://deb.debian.org/debian}" >/dev/null

# Same suites as the host (updates and security included), so packages match what the host runs.
if [ -f "$sources" ]; then
  rm -f "$dir/etc/apt/sources.list"
  cp "$sources" "$dir/etc/apt/sources.list.d/debian.sources"
fi
# The host's certificates as plain files (on the host they are links into /usr/share/ca-certificates), where
# OpenSSL looks by default (Debian's openssl package links /usr/lib/ssl to them; minbase has no such package).
mkdir -p "$dir/etc/ssl" "$dir/usr/lib/ssl"
rm -rf "$dir/etc/ssl/certs"
cp -rL /etc/ssl/certs "$dir/etc/ssl/certs"
ln -sfn /etc/ssl/certs "$dir/usr/lib/ssl/certs"
ln -sfn /etc/ssl/certs/ca-certificates.crt "$dir/usr/lib/ssl/cert.pem"

cat > "$dir/etc/apt/apt.conf.d/90payments-small" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb || true"; };
APT
cat > "$dir/etc/dpkg/dpkg.cfg.d/90payments-small" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
DPKG
rm -rf "$dir"/var/cache/apt/*.bin "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/*/changelog* "$dir"/usr/share/man/* \
  "$dir"/usr/share/info/* "$dir"/var/log/*.log
