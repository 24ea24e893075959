#!/usr/bin/env bash
# Installs, from Debian's packages, the independent readers the test suite checks amend's documents
# with: pandoc (Word), LibreOffice Writer (Word → PDF), xmllint (Akoma Ntoso schema), Chromium (HTML,
# PDF printing, the browser tests) and poppler (PDF text and pages). Only what is missing is installed.
set -euo pipefail
declare -A wanted=(
  [pandoc]=pandoc
  [xmllint]=libxml2-utils
  [chromium]=chromium
  [chromedriver]=chromium-driver
  [soffice]=libreoffice-writer-nogui
  [pdftotext]=poppler-utils
  [pdftoppm]=poppler-utils
)
missing=()
for tool in "${!wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${wanted[$tool]}")
done
# A serif face for the house style, so pages render the same everywhere. (grep reads all of fc-list's
# output: with -q it would stop early and pipefail would count the broken pipe as missing.)
fc-list 2>/dev/null | grep "Liberation Serif" >/dev/null || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
echo "install-tools: installing $packages with apt-get" >&2
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-tools: run as root, or install $packages yourself" >&2; exit 1; }
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# With their recommended packages (fonts among them), as the tests were run against.
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $packages >/dev/null
for tool in "${!wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-tools: $tool still missing (Debian package ${wanted[$tool]})" >&2; exit 1; }
done
echo "install-tools: installed $packages" >&2
