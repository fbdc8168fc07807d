#!/usr/bin/env bash
# The suite under AddressSanitizer and UndefinedBehaviorSanitizer: builds build-sanitize/
# with everything this project compiles instrumented (-DIMPERSONATION_SANITIZE), then runs
# the labels checks, runtime, validation and fuzz. Extra arguments go to ctest.
#
# Left out: the e2e label. Its plugin tests load the module into the stock clang-tidy-22,
# which cannot load an instrumented library (the sanitizer runtime must come first), and
# clangd under AddressSanitizer stops on a report inside clangd's own, uninstrumented
# libraries (see docs/design.md, "Sanitizers and fuzzing").
# LeakSanitizer is off: clang frees nothing at exit on purpose (-disable-free).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-sanitize"

"$root/scripts/setup.sh"

if [ ! -f "$build/build.ninja" ]; then
  echo "sanitize: configuring $build" >&2
  log="$(mktemp)"
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
       -DIMPERSONATION_SANITIZE=address,undefined >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi
ninja -C "$build" -j"${JOBS:-2}" --quiet

cd "$build"
export ASAN_OPTIONS="detect_leaks=0:use_sigaltstack=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --output-on-failure -j"${JOBS:-2}" -L 'checks|runtime|validation|fuzz' "$@"
