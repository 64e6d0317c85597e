#!/usr/bin/env bash
# Compares two benchmark JSON outputs (vtql bench --format json, or Google Benchmark --benchmark_format=json) and
# flags the metrics that changed beyond a threshold (default 5%) and beyond the runs' own spread.
# Usage: bench/compare_runs.sh OLD.json NEW.json [--threshold PERCENT]
# Exit status: 0 nothing got worse, 1 something got worse, 2 the files cannot be compared.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OLD.json NEW.json [--threshold PERCENT]" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vtql="${VTQL:-}"
if [ -z "$vtql" ]; then
  for candidate in "${VTQL_BUILD_DIR:-$root/build}/vtql" "$(command -v vtql || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      vtql="$candidate"
      break
    fi
  done
fi
if [ -z "$vtql" ]; then
  echo "$0: no vtql program found: build it (tools/bootstrap.sh vtql_cli) or set VTQL=/path/to/vtql" >&2
  exit 2
fi
old="$1"
new="$2"
shift 2
exec "$vtql" bench --diff "$old" "$new" "$@"
