#!/usr/bin/env bash
# Installs the system packages the test suite needs (Chromium for the report's and the TFLite
# student's browser tests, a C++ compiler for the TFLite Micro source test, redis-server for the
# queue and shared-session tests, which start their own on loopback), so a fresh machine and CI
# behave the same. Fails loudly when it cannot install them.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v c++ >/dev/null 2>&1 || need+=(g++)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "ensure-system: installing ${need[*]} (Debian packages)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "ensure-system: need root or sudo to install ${need[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
