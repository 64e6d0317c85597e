#!/usr/bin/env bash
# CI hardening: the whole ctest suite under ASan + UBSan (asan preset), then each fuzz target under libFuzzer for a
# fixed time from its committed corpus and dictionary (fuzz preset); fails on any test failure or fuzz finding.
# Usage: tools/ci_hardening.sh   (VTQL_FUZZ_SECONDS: seconds per fuzz target, default 60)
# Expects the packages tools/bootstrap.sh installs (tools/test.sh runs it first in CI); installs clang and libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
fuzz_seconds="${VTQL_FUZZ_SECONDS:-60}"
jobs=$(nproc 2>/dev/null || echo 2)

# libclang-rt-dev holds libclang_rt.fuzzer and the sanitizer runtimes of Debian's default clang.
packages=(clang libclang-rt-dev)
"$root/tools/install_missing.sh" "${packages[@]}"

echo "== ctest under AddressSanitizer and UndefinedBehaviorSanitizer (preset asan)"
cmake --preset asan >&2
cmake --build --preset asan --parallel "$jobs" >&2
ctest --preset asan --parallel "$jobs"

echo "== libFuzzer, ${fuzz_seconds} s per target (preset fuzz)"
cmake --preset fuzz >&2
cmake --build --preset fuzz --parallel "$jobs" >&2
failed=()
for target in fuzz_parse fuzz_check fuzz_query fuzz_backend_diff; do
  # New inputs go to a scratch directory: the committed corpus and regression inputs are only read.
  work=$(mktemp -d)
  seeds=("fuzz/corpus/$target")
  [ -d "fuzz/$target/regressions" ] && seeds+=("fuzz/$target/regressions")
  dict="fuzz/$target.dict"
  [ "$target" = fuzz_backend_diff ] && dict="fuzz/fuzz_query.dict"  # the same language over the same demo
  if "build-fuzz/fuzz/$target" -dict="$dict" -max_total_time="$fuzz_seconds" -timeout=25 \
       -print_final_stats=1 -artifact_prefix="$work/" "$work" "${seeds[@]}" > "$work.log" 2>&1; then
    echo "$target: $(grep -E '^Done [0-9]+ runs' "$work.log" | tail -1);" \
         "$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+'); no finding"
  else
    echo "$target: FINDING" >&2
    tail -n 80 "$work.log" >&2
    for artifact in "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-*; do
      [ -f "$artifact" ] && { echo "input $(basename "$artifact") (base64):"; base64 "$artifact"; } >&2
    done
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found a crash, hang or internal error in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzzing: no finding in ${fuzz_seconds} s per target"
