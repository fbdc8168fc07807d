#!/usr/bin/env bash
# Installs missing packages, configures build/ if needed and builds it (Release, Ninja).
# Extra arguments go to ninja (targets, -v, ...). JOBS overrides the parallelism.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build"

"$root/scripts/setup.sh"

if [ ! -f "$build/build.ninja" ]; then
  echo "build: configuring $build" >&2
  log="$(mktemp)"
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

ninja -C "$build" -j"${JOBS:-2}" --quiet "$@"
