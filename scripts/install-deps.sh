#!/usr/bin/env bash
# Installs the Debian 12 packages huntdb builds and tests with. Idempotent: packages that are
# already present are skipped, so a warm machine pays only a dpkg query.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libcli11-dev libre2-dev libsimdjson-dev nlohmann-json3-dev
  libabsl-dev libutf8proc-dev zlib1g-dev libcctz-dev tzdata
  libzstd-dev  # extent compression (storage/)
  libcpp-httplib-dev  # HTTP: externaldata reads http(s) addresses; the REST server
  libevtx-utils  # evtxexport: the oracle the EVTX reader's tests compare against
  nodejs  # the web workbench's build (Vite) and tests (node --test, Playwright)
  chromium  # headless browser for the workbench's end-to-end tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
