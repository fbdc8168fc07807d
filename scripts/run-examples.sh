#!/usr/bin/env bash
# The main job: builds the checks and runs them over the bundled example services in
# test-inputs/examples/, printing every finding. Each example is a buggy/fixed pair.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "run-examples: installing what is missing and building impersonation-tidy (the first time takes a few minutes)" >&2
if ! log="$("$root/scripts/build.sh" impersonation-tidy 2>&1)"; then
  printf '%s\n' "$log" >&2
  exit 1
fi

tidy="$root/build/bin/impersonation-tidy"
shopt -s nullglob
examples=("$root"/test-inputs/examples/*.c "$root"/test-inputs/examples/*.cpp)
if [ ${#examples[@]} -eq 0 ]; then
  echo "run-examples: no example services in test-inputs/examples/" >&2
  exit 1
fi

for f in "${examples[@]}"; do
  echo "== ${f#"$root"/}"
  # The examples are Windows services: analyse them against the mingw-w64 headers.
  flags=(--target=x86_64-w64-mingw32 -fms-extensions)
  case "$f" in *.cpp) flags=(-x c++ -std=c++17 "${flags[@]}") ;; esac
  out="$("$tidy" --quiet --checks='-*,impersonation-*' "$f" -- "${flags[@]}" 2>/dev/null || true)"
  if [ -z "$out" ]; then
    echo "   no findings"
  else
    printf '%s\n' "$out"
  fi
done

# Then the confirmation: each example service is built unchanged for Linux against the
# impersonation runtime (lib/) and run with real clients that run as test accounts
# (tests/validation/scenarios/); what really happened must match what the checks said.
echo
echo "run-examples: confirming the findings by running the examples (building the validation suite)" >&2
if ! log="$("$root/scripts/build.sh" impersonation_validation_test 2>&1)"; then
  printf '%s\n' "$log" >&2
  exit 1
fi
status=0
"$root/build/tests/validation/impersonation_validation_test" \
  --gtest_filter='Runnable/Validation.*/examples_*' --gtest_brief=1 || status=$?
exit "$status"
