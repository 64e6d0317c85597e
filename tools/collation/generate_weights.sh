#!/usr/bin/env bash
# Generates engine/types/collation_weights.inc, the utf8_general_ci weight of every BMP code point, from a real MariaDB.
#
# Usage: tools/collation/generate_weights.sh [output]   (default: engine/types/collation_weights.inc)
# Needs Debian's mariadb-server (mariadb-install-db, mariadbd, mariadb, mariadb-admin); the system service is not
# touched: a throwaway server runs on a private socket with its datadir under /tmp and is removed on exit.
# Last run with MariaDB 10.11.19-MariaDB-0+deb12u1 (Debian 12); the version is written into the output.
# Running it again with the same MariaDB rewrites the same file.
#
# tests/collation/mariadb_diff.sh sources this file for start_throwaway_mariadb and run_sql; main only runs when
# the script is executed.

# Starts mariadbd in a fresh directory under /tmp and sets mariadb_dir and mariadb_socket; stop_throwaway_mariadb
# (installed as an EXIT trap) shuts it down and removes the directory.
start_throwaway_mariadb() {
  local tool
  PATH="$PATH:/usr/sbin"  # mariadbd lives there, outside ordinary users' PATH
  for tool in mariadb-install-db mariadbd mariadb mariadb-admin; do
    if ! command -v "$tool" > /dev/null; then
      echo "$tool not found: install Debian's mariadb-server" >&2
      return 1
    fi
  done
  mariadb_dir=$(mktemp -d /tmp/vtql-mariadb.XXXXXX)
  mariadb_socket="$mariadb_dir/socket"
  trap stop_throwaway_mariadb EXIT
  # --no-defaults everywhere: the system's /etc/mysql configuration must not leak into the throwaway server.
  if ! mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$mariadb_dir/data" --skip-test-db \
       --auth-root-authentication-method=normal > "$mariadb_dir/install.log" 2>&1; then
    cat "$mariadb_dir/install.log" >&2
    return 1
  fi
  mariadbd --no-defaults --user="$(id -un)" --datadir="$mariadb_dir/data" --socket="$mariadb_socket" \
    --pid-file="$mariadb_dir/mariadbd.pid" --log-error="$mariadb_dir/error.log" --skip-networking \
    --skip-grant-tables --skip-log-bin --innodb-buffer-pool-size=16M > /dev/null 2>&1 &
  mariadb_pid=$!
  local attempt
  for attempt in $(seq 1 300); do
    if mariadb-admin --no-defaults --socket="$mariadb_socket" -uroot ping > /dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$mariadb_pid" 2> /dev/null; then
      break
    fi
    sleep 0.1
  done
  echo "the throwaway MariaDB did not start (gave up after $attempt checks):" >&2
  cat "$mariadb_dir/error.log" >&2
  return 1
}

stop_throwaway_mariadb() {
  if [ -n "${mariadb_pid:-}" ]; then
    mariadb-admin --no-defaults --socket="$mariadb_socket" -uroot shutdown > /dev/null 2>&1 || kill "$mariadb_pid"
    wait "$mariadb_pid" 2> /dev/null
    mariadb_pid=""
  fi
  if [ -n "${mariadb_dir:-}" ]; then
    rm -rf "$mariadb_dir"
    mariadb_dir=""
  fi
}

# Runs SQL from stdin (or the arguments) against the throwaway server, tab-separated without headers; the default
# database is mysql only because the seq_ tables need one.
run_sql() {
  if [ $# -gt 0 ]; then
    mariadb --no-defaults --socket="$mariadb_socket" -uroot --database=mysql --batch --skip-column-names \
      --local-infile=1 -e "$*"
  else
    mariadb --no-defaults --socket="$mariadb_socket" -uroot --database=mysql --batch --skip-column-names \
      --local-infile=1
  fi
}

# Fails unless the query's single result equals the expected text: the generated table rests on these facts.
expect_sql() {
  local want="$1" got
  got=$(run_sql "$2")
  if [ "$got" != "$want" ]; then
    echo "unexpected MariaDB behaviour: $2 gave '$got', want '$want'" >&2
    return 1
  fi
}

# Writes the table: the pages (high byte of the code point) whose weights are not all the code point itself, and
# for each page the index of its row there (0 = identity, not stored), which keeps the table to a few KB.
write_table() {
  local weights="$1" version="$2"
  awk -F'\t' -v version="$version" '
    { w[$1] = $2; if ($3 != $1) differs[int($1 / 256)] = 1 }
    END {
      printf "// utf8_general_ci weights of the BMP, generated from MariaDB %s.\n", version
      print "// Written by tools/collation/generate_weights.sh: do not edit, run it again."
      print "// Included by engine/types/collation.cpp inside its namespace. A code point c weighs"
      print "// kWeightPages[kWeightPageIndex[c >> 8] - 1][c & 0xFF], or c itself when its page index is 0."
      print ""
      n = 0
      for (p = 0; p < 256; p++) if (p in differs) index_of[p] = ++n
      print "constexpr std::uint8_t kWeightPageIndex[256] = {"
      for (p = 0; p < 256; p++) {
        printf "%s%d,%s", (p % 16 == 0 ? "    " : " "), (p in index_of ? index_of[p] : 0), (p % 16 == 15 ? "\n" : "")
      }
      print "};"
      print ""
      printf "constexpr std::uint16_t kWeightPages[%d][256] = {\n", n
      for (p = 0; p < 256; p++) {
        if (!(p in differs)) continue
        printf "    {  // U+%02X00\n", p
        for (i = 0; i < 256; i++) {
          printf "%s0x%s,%s", (i % 12 == 0 ? "        " : " "), w[p * 256 + i], (i % 12 == 11 || i == 255 ? "\n" : "")
        }
        print "    },"
      }
      print "};"
    }' "$weights"
}

main() {
  set -euo pipefail
  local root output
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  output="${1:-$root/engine/types/collation_weights.inc}"
  start_throwaway_mariadb

  local version
  version=$(run_sql "SELECT VERSION()")
  echo "generating from MariaDB $version" >&2

  # The facts collation.cpp relies on besides the table.
  local ws="HEX(WEIGHT_STRING(CONVERT(CHAR(seq USING ucs2) USING utf8mb3) COLLATE utf8mb3_general_ci))"
  expect_sql "utf8mb3_general_ci" "SELECT COLLATION(_utf8 'x' COLLATE utf8_general_ci)"
  expect_sql "0000" "SELECT HEX(WEIGHT_STRING(_utf8 0x00 COLLATE utf8_general_ci))"
  # WEIGHT_STRING keeps trailing spaces, while = pads the shorter side with spaces and LIKE does not.
  expect_sql "004100200020" "SELECT HEX(WEIGHT_STRING(_utf8 'a  ' COLLATE utf8_general_ci))"
  expect_sql $'1\t0\t-1' "SELECT _utf8 'a ' = _utf8 'a' COLLATE utf8_general_ci,
                          _utf8 'a ' LIKE _utf8 'a' COLLATE utf8_general_ci,
                          STRCMP(_utf8 'a\t' COLLATE utf8_general_ci, _utf8 'a')"
  # utf8 is utf8mb3: a 4-byte character cannot be stored (it becomes '?' per byte, or an error in strict mode);
  # utf8mb4_general_ci, its 4-byte sibling, weighs every one 0xFFFD, which is what vtql gives them.
  expect_sql "FFFD" "SELECT HEX(WEIGHT_STRING(_utf8mb4 0xF09F9880 COLLATE utf8mb4_general_ci))"
  expect_sql "0" "SELECT COUNT(*) FROM seq_0_to_65535
                  WHERE $ws <> HEX(WEIGHT_STRING(CONVERT(CHAR(seq USING ucs2) USING utf8mb4) COLLATE utf8mb4_general_ci))
                    AND seq NOT BETWEEN 55296 AND 57343"

  # The surrogates are included: MariaDB's utf8mb3 accepts their 3-byte encodings (ED A0 80 is U+D800).
  local weights="$mariadb_dir/weights.tsv"
  # Columns: code point, weight in hex, weight in decimal (so that plain awk, not only gawk, can compare).
  run_sql "SELECT seq, $ws, CONV($ws, 16, 10) FROM seq_0_to_65535 ORDER BY seq" > "$weights"
  local rows bad
  rows=$(wc -l < "$weights")
  bad=$(awk -F'\t' 'length($2) != 4' "$weights" | wc -l)
  if [ "$rows" -ne 65536 ] || [ "$bad" -ne 0 ]; then
    echo "expected 65536 weights of 4 hex digits, got $rows rows with $bad malformed" >&2
    exit 1
  fi
  write_table "$weights" "$version" > "$output.tmp"
  mv "$output.tmp" "$output"
  echo "wrote $output" >&2
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
