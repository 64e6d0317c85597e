#!/usr/bin/env bash
# Differential test of vtql's collation against a real MariaDB: ORDER BY, STRCMP, =, < and LIKE on random strings.
#
# Usage: tests/collation/mariadb_diff.sh COLLATION_DIFF_DRIVER [SEED]
# Starts a throwaway MariaDB (Debian's mariadb-server; as tools/collation/generate_weights.sh does), has the driver
# (tests/collation/collation_diff_main.cpp) generate strings, pairs and LIKE patterns, asks both sides the same
# questions and fails on the first difference. Two rounds: utf8_general_ci on BMP text (what vtiger's tables use),
# and utf8mb4_general_ci on text with 4-byte characters, whose weight (0xFFFD) vtql borrows from it.
# Fails when MariaDB is not installed: tools/bootstrap.sh installs it, and a comparison that did not run proves nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
driver=$(realpath "$1")
seed="${2:-20240611}"

PATH="$PATH:/usr/sbin"
if ! command -v mariadbd > /dev/null || ! command -v mariadb-install-db > /dev/null; then
  echo "MariaDB is not installed: apt-get install mariadb-server (tools/bootstrap.sh does)" >&2
  exit 1
fi
# shellcheck source=SCRIPTDIR/../../tools/collation/generate_weights.sh
source "$here/../../tools/collation/generate_weights.sh"
start_throwaway_mariadb
run_sql "CREATE DATABASE vtql"

# round NAME CHARSET KIND COUNT: one generate / load / ask / diff cycle in its own directory. Every step checks
# its own status: errexit does not apply inside a function called as `round ... || ...`.
round() {
  local name="$1" charset="$2" kind="$3" count="$4"
  local dir="$mariadb_dir/$name"
  mkdir -p "$dir"
  "$driver" generate "$seed" "$count" "$kind" "$dir" || return 1
  local text="VARCHAR(255) CHARACTER SET $charset COLLATE ${charset}_general_ci NOT NULL"
  # Strict mode makes MariaDB refuse, rather than mangle, any string it cannot hold.
  run_sql << SQL || return 1
SET SESSION sql_mode = 'STRICT_ALL_TABLES';
USE vtql;
CREATE TABLE ${name}_strings (id INT PRIMARY KEY, v $text);
CREATE TABLE ${name}_pairs (n INT PRIMARY KEY, a INT NOT NULL, b INT NOT NULL);
CREATE TABLE ${name}_patterns (n INT PRIMARY KEY, sid INT NOT NULL, p $text);
LOAD DATA LOCAL INFILE '$dir/strings.tsv' INTO TABLE ${name}_strings (id, @h) SET v = UNHEX(@h);
LOAD DATA LOCAL INFILE '$dir/pairs.tsv' INTO TABLE ${name}_pairs;
LOAD DATA LOCAL INFILE '$dir/patterns.tsv' INTO TABLE ${name}_patterns (n, sid, @h) SET p = UNHEX(@h);
SQL
  local loaded
  loaded=$(run_sql "SELECT COUNT(*) FROM vtql.${name}_strings")
  if [ "$loaded" != "$count" ]; then
    echo "FAIL $name: MariaDB loaded $loaded of $count strings" >&2
    return 1
  fi
  run_sql "SELECT id, HEX(v) FROM vtql.${name}_strings ORDER BY v, id" > "$dir/mariadb_sort.tsv" || return 1
  run_sql "SELECT p.n, HEX(x.v), HEX(y.v), STRCMP(x.v, y.v), x.v = y.v, x.v < y.v, x.v LIKE y.v
           FROM vtql.${name}_pairs p JOIN vtql.${name}_strings x ON x.id = p.a JOIN vtql.${name}_strings y ON y.id = p.b
           ORDER BY p.n" > "$dir/mariadb_pairs.tsv" || return 1
  run_sql "SELECT t.n, HEX(s.v), HEX(t.p), s.v LIKE t.p
           FROM vtql.${name}_patterns t JOIN vtql.${name}_strings s ON s.id = t.sid ORDER BY t.n" > "$dir/mariadb_like.tsv" || return 1

  local status=0 what
  "$driver" answer "$dir" || status=1
  for what in sort pairs like; do
    if ! diff "$dir/mariadb_$what.tsv" "$dir/vtql_$what.tsv" > "$dir/$what.diff"; then
      echo "FAIL $name $what: lines differ (< MariaDB, > vtql; strings in hex):" >&2
      head -n 40 "$dir/$what.diff" >&2
      status=1
    fi
  done
  if [ "$status" -eq 0 ]; then
    local matched
    matched=$(awk -F'\t' '$4 == 1' "$dir/mariadb_like.tsv" | wc -l)
    echo "ok   $name: $count strings sorted, $(wc -l < "$dir/pairs.tsv") pairs compared," \
         "$(wc -l < "$dir/patterns.tsv") LIKE patterns ($matched matching), seed $seed"
  fi
  return "$status"
}

echo "MariaDB $(run_sql 'SELECT VERSION()')"
failures=0
round bmp utf8mb3 bmp 3000 || failures=$((failures + 1))
round supplementary utf8mb4 supplementary 600 || failures=$((failures + 1))
exit $((failures > 0))
