#!/usr/bin/env bash
# Builds vtql if needed (installing missing packages) and runs it with the given arguments.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/bootstrap.sh" vtql_cli
exec "${VTQL_BUILD_DIR:-$root/build}/vtql" "$@"
