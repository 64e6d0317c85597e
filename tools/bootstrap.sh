#!/usr/bin/env bash
# Installs the Debian packages vtql builds with (only those missing), then configures and builds it in build/.
# Usage: tools/bootstrap.sh [cmake target...]   (default: everything)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${VTQL_BUILD_DIR:-$root/build}"

# mariadb-server is the reference for the text collation: a test compares vtql with it (its service is never started).
packages=(cmake ninja-build g++ tao-pegtl-dev nlohmann-json3-dev libboost-dev libcli11-dev libgtest-dev
          libbenchmark-dev libsqlite3-dev libutf8proc-dev mariadb-server gnuplot-nox)
"$root/tools/install_missing.sh" "${packages[@]}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
fi
jobs=$(nproc 2>/dev/null || echo 2)
targets=()
[ $# -gt 0 ] && targets=(--target "$@")
cmake --build "$build" --parallel "$jobs" "${targets[@]}" >&2
