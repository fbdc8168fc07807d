#!/usr/bin/env bash
# The whole test suite: builds everything (checks, front ends, tests) and runs ctest.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j"${JOBS:-2}" "$@"
