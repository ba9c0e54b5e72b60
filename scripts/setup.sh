#!/usr/bin/env bash
# Installs what building Amtsbote needs on Debian/Ubuntu: the Swift toolchain must already be
# on PATH (https://swift.org/install); the system libraries come from apt.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH"
  done
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "Swift 6.2 or newer is required: install it from https://swift.org/install and put it on PATH." >&2
  exit 1
fi

missing=()
for pkg in libsqlite3-dev libcurl4-openssl-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
