#!/usr/bin/env bash
# Runs one long libFuzzer campaign of a fuzz target at the lowest priority, then merges what it grew into fuzz/corpus/.
# Usage: fuzz/campaign.sh <fuzz build dir> <target> [max executions (10000000)] [max seconds (3600)]
# The build dir is a `fuzz` preset build (clang, VTQL_LIBFUZZER=ON, VTQL_SANITIZE=ON). The campaign works in
# $VTQL_CAMPAIGN_DIR (default: a new temporary directory): corpus/ is what it grows, artifacts/ holds any finding,
# log is libFuzzer's output. Exits non-zero when libFuzzer reports a finding.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -lt 2 ]; then
  sed -n '2,3p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
target=$2
runs=${3:-10000000}
seconds=${4:-3600}
binary="$build/fuzz/$target"
corpus="$root/fuzz/corpus/$target"
work="${VTQL_CAMPAIGN_DIR:-$(mktemp -d)}"
mkdir -p "$work/corpus" "$work/artifacts"

seeds=("$corpus")
[ -d "$root/fuzz/$target/regressions" ] && seeds+=("$root/fuzz/$target/regressions")

# New inputs go to the first directory, so the committed corpus is only read here.
nice -n 19 "$binary" -dict="$root/fuzz/$target.dict" -runs="$runs" -max_total_time="$seconds" -timeout=25 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "${seeds[@]}" 2>&1 | tee "$work/log"
status=${PIPESTATUS[0]}

# Keep only the inputs that add coverage the committed corpus lacks.
nice -n 19 "$binary" -merge=1 "$corpus" "$work/corpus" >"$work/merge.log" 2>&1 || status=1

summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | tail -1)
done_line=$(grep -E '^Done [0-9]+ runs in' "$work/log" | tail -1)
echo "campaign $target: ${done_line:-no final line} | ${summary:-no DONE line} | work dir $work" >&2
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
  echo "campaign $target: finding in $work/artifacts; minimize it with" >&2
  echo "  $binary -minimize_crash=1 -runs=100000 -exact_artifact_path=fuzz/$target/regressions/<name> <artifact>" >&2
  exit 1
fi
