#!/usr/bin/env bash
# The suite under AddressSanitizer and UndefinedBehaviorSanitizer: builds build-sanitize/
# with everything this project compiles instrumented (-DIMPERSONATION_SANITIZE), then runs
# the whole suite there but the tests that load the module into the stock clang-tidy
# (ClangTidy22Plugin.*, ClangTidy14.*): an uninstrumented program cannot load an
# instrumented library. Extra arguments go to ctest.
#
# LeakSanitizer is off: clang frees nothing at exit on purpose (-disable-free). User
# poisoning is off: LLVM's headers poison allocator slabs in instrumented code and its
# prebuilt libraries never unpoison them, so the mix reports memory that is fine.
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
export ASAN_OPTIONS="detect_leaks=0:use_sigaltstack=0:allow_user_poisoning=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --output-on-failure -j"${JOBS:-2}" -E '^(Examples/ClangTidy22Plugin|ClangTidy14)\.' "$@"
