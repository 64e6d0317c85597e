#!/usr/bin/env bash
# Installs the Debian packages vtql builds with (only those missing), then configures and builds it in build/.
# Usage: tools/bootstrap.sh [cmake target...]   (default: everything)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${VTQL_BUILD_DIR:-$root/build}"

# mariadb-server is the reference for the text collation: a test compares vtql with it (its service is never started).
packages=(cmake ninja-build g++ tao-pegtl-dev nlohmann-json3-dev libboost-dev libcli11-dev libgtest-dev
          libbenchmark-dev libsqlite3-dev mariadb-server gnuplot-nox)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "vtql: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
fi
jobs=$(nproc 2>/dev/null || echo 2)
targets=()
[ $# -gt 0 ] && targets=(--target "$@")
cmake --build "$build" --parallel "$jobs" "${targets[@]}" >&2
