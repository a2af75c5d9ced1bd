#!/usr/bin/env bash
# Installs the system packages the test suite needs, so a fresh machine and CI behave the same:
# - Chromium, for the report's and the TFLite student's browser tests;
# - a C++ compiler (g++), for the TFLite Micro source test;
# - redis-server, for the queue and shared-session tests (they start their own on loopback);
# - a Vulkan loader (libvulkan1) and Mesa's software Vulkan device (lavapipe, mesa-vulkan-drivers)
#   for the WebGPU backend's tests. Dawn needs Mesa >= 25 (Debian 12's Mesa 22.3 lacks
#   shaderUniform*ArrayDynamicIndexing), so on bookworm it comes from bookworm-backports.
# Idempotent: does nothing when everything is there. Fails loudly when it cannot install them.
set -euo pipefail

MESA_MIN=25
say() { echo "ensure-system: $*"; }
die() { echo "ensure-system: $*" >&2; exit 1; }

SUDO=""
as_root() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to install $*"
    SUDO="sudo"
  fi
}

installed_version() { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null | sed -n 's/^install ok installed //p'; }
mesa_ok() {
  local v
  v="$(installed_version mesa-vulkan-drivers)"
  [ -n "$v" ] && dpkg --compare-versions "$v" ge "$MESA_MIN" && [ -n "$(installed_version libvulkan1)" ]
}

updated=0
apt_update() {
  if [ "$updated" -eq 0 ]; then
    $SUDO apt-get update -qq || die "apt-get update failed"
    updated=1
  fi
}
apt_install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" || die "apt-get install $* failed"
}

command -v dpkg-query >/dev/null 2>&1 || die "not a Debian-based system: install Chromium, g++, redis-server, libvulkan1 and Mesa >= $MESA_MIN's lavapipe Vulkan driver by hand"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v c++ >/dev/null 2>&1 || need+=(g++)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ "${#need[@]}" -gt 0 ]; then
  as_root "${need[*]}"
  say "installing ${need[*]} (Debian packages)"
  apt_update
  apt_install "${need[@]}"
fi

if ! mesa_ok; then
  as_root "libvulkan1 mesa-vulkan-drivers"
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  target=()
  if [ "$codename" = "bookworm" ]; then
    target=(-t bookworm-backports)
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      say "adding the bookworm-backports apt source (Mesa >= $MESA_MIN for Dawn)"
      printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' 'Components: main' \
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' | $SUDO tee /etc/apt/sources.list.d/painkd-bookworm-backports.sources >/dev/null
    fi
    updated=0
  fi
  apt_update
  # Read apt's answer before installing: the candidate must be new enough.
  if [ "${#target[@]}" -gt 0 ]; then
    candidate="$(apt-cache madison mesa-vulkan-drivers | awk -F'|' '/bookworm-backports/ { gsub(/ /, "", $2); print $2; exit }')"
  else
    candidate="$(apt-cache policy mesa-vulkan-drivers | sed -n 's/^ *Candidate: //p')"
  fi
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ] || die "apt offers no mesa-vulkan-drivers${target[*]:+ in bookworm-backports}"
  dpkg --compare-versions "$candidate" ge "$MESA_MIN" || die "apt offers mesa-vulkan-drivers $candidate, Dawn needs >= $MESA_MIN"
  say "installing libvulkan1 and mesa-vulkan-drivers $candidate (software Vulkan for the WebGPU tests)"
  apt_install "${target[@]}" libvulkan1 "mesa-vulkan-drivers=$candidate"
  mesa_ok || die "mesa-vulkan-drivers is at '$(installed_version mesa-vulkan-drivers)' after installing, expected >= $MESA_MIN"
fi
