#!/usr/bin/env bash
# Installs what a fresh Debian bookworm machine lacks to build and test impersonation-tidy.
# Debian packages only; idempotent; prints nothing when everything is already there.
set -euo pipefail

packages=(
  clang-22 clang-tidy-22 clangd-22 libclang-22-dev llvm-22-dev llvm-22-tools
  libclang-rt-22-dev
  g++-mingw-w64-x86-64-posix mingw-w64-x86-64-dev
  libgtest-dev cmake ninja-build python3
  libgrpc++-dev libprotobuf-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
