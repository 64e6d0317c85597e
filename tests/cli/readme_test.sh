#!/usr/bin/env bash
# Runs the README's shell examples that show their output ("$ vtql ..." followed by what it prints) and demands
# that vtql prints exactly that. Examples that time things (vtql bench) or show no output are not run.
# Usage: readme_test.sh VTQL_BINARY README.md
set -uo pipefail
vtql=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
readme="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

examples=0
command=""
expected=""
in_fence=0
indent=""
check_example() {
  [ -n "$command" ] || return 0
  local shown="$command"
  command=""
  # Only examples that show output, and none that measure time.
  [ -n "$expected" ] || return 0
  [[ "$shown" == "vtql bench"* ]] && return 0
  examples=$((examples + 1))
  local out
  out=$(cd "$work" && eval "\"\$vtql\" ${shown#vtql }" 2>&1)
  # Trailing blank lines of the block are not output.
  local want
  want=$(printf '%s' "$expected" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
  if [ "$out" == "$want" ]; then
    report "readme: $shown" 0 ""
  else
    report "readme: $shown" 1 "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"))"
  fi
  expected=""
}

while IFS= read -r line || [ -n "$line" ]; do
  if [[ "$line" =~ ^([[:space:]]*)\`\`\` ]]; then
    if [ "$in_fence" -eq 0 ]; then
      in_fence=1
      indent="${BASH_REMATCH[1]}"
    else
      check_example
      in_fence=0
    fi
    continue
  fi
  [ "$in_fence" -eq 1 ] || continue
  line="${line#"$indent"}"
  if [[ "$line" == '$ vtql '* ]]; then
    check_example
    command="${line#\$ }"
    command="${command%%  #*}"  # a comment after the command
    expected=""
  elif [ -n "$command" ]; then
    expected+="${expected:+$'\n'}$line"
  fi
done < "$readme"

[ "$examples" -gt 0 ] || report "readme: examples found" 1 "no example with output in $readme"
echo "$examples README examples run, $failures failed"
exit $((failures > 0))
