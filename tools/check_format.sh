#!/usr/bin/env bash
# Fails when a C++ source of the repository differs from what clang-format makes of it (the root's .clang-format).
# Usage: tools/check_format.sh [--fix]   (--fix rewrites the files instead)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
"$root/tools/install_missing.sh" clang-format
# Generated tables (.inc) are left as their generator writes them.
mapfile -t files < <(find grammar engine include tools tests bench fuzz -type f \
                       \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -not -path '*/corpus/*' | sort)
if [ "${1:-}" = --fix ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "formatting differs from .clang-format: run tools/check_format.sh --fix" >&2
  exit 1
fi
echo "format: ${#files[@]} files as clang-format writes them"
