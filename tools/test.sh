#!/usr/bin/env bash
# Builds vtql and its tests if needed (installing missing packages) and runs the whole test suite with ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/bootstrap.sh"
cd "${VTQL_BUILD_DIR:-$root/build}"
ctest --output-on-failure --parallel "$(nproc 2>/dev/null || echo 2)" "$@"
