#!/usr/bin/env bash
# Installs what Trayage's tests run against on a Debian/Ubuntu machine: the system packages (as
# root, or through sudo) and the node modules. Safe to run again: present packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

APT_PACKAGES=(chromium openssh-server openssh-client openssl git xvfb dbus dbus-x11 dunst prometheus prometheus-alertmanager python3 make g++ python3-aiosmtpd)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== npm ci"
npm ci --no-audit --no-fund
