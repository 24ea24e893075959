#!/usr/bin/env bash
# Installs libgit2's development files (Debian 12: libgit2-dev 1.5.1) and pkg-config.
set -euo pipefail
echo "libgit2 not found by pkg-config: installing libgit2-dev and pkg-config with apt-get" >&2
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-libgit2: run as root, or install libgit2-dev and pkg-config yourself" >&2; exit 1; }
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgit2-dev pkg-config >/dev/null
pkg-config --exists libgit2 || { echo "install-libgit2: libgit2 still not found by pkg-config" >&2; exit 1; }
echo "installed libgit2 $(pkg-config --modversion libgit2)" >&2
