#!/usr/bin/env bash
# End-to-end checks of `vtql bench`: short runs in table, JSON and CSV, single queries, bad workloads, --diff, plots.
set -u
vtql="$1"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=(--scale 500 --seed 2)


# A short run in each format.
table=$("$vtql" bench "${small[@]}" --count 300 --threads 2 2>&1)
status=$?
ok=1
[ $status -eq 0 ] && [[ "$table" == *"workload crm-mix (11 templates)"* ]] && [[ "$table" == *"p99.9"* ]] &&
  [[ "$table" == *"memory: 300 queries in"* ]] && [[ "$table" == *$'\n'"all "* ]] && ok=0
report table $ok "$table"

"$vtql" bench "${small[@]}" --count 300 --threads 1 --format json > "$work/a.json" 2> "$work/err"
status=$?
ok=1
grep -q '"vtql_bench": 1' "$work/a.json" && grep -q '"mode": "workload"' "$work/a.json" &&
  grep -q '"queries": 300' "$work/a.json" && grep -q '"p99.9":' "$work/a.json" && [ $status -eq 0 ] &&
  [ ! -s "$work/err" ] && ok=0
report json $ok "$(cat "$work/a.json" "$work/err")"

csv=$("$vtql" bench "${small[@]}" --count 200 --workload lookup --format csv)
status=$?
lines=$(printf '%s\n' "$csv" | wc -l)
ok=1
[ $status -eq 0 ] && [ "$lines" -eq 8 ] &&
  [[ "$csv" == "backend,template,weight,queries,errors,rows,seconds,qps,mean_us,p50_us,p90_us,p99_us,p99_9_us,max_us"* ]] &&
  [[ "$csv" == *"memory,all,100,200,0,"* ]] && ok=0
report csv $ok "$csv"

# The same seed gives the same queries: rows per template agree between two single-threaded runs.
"$vtql" bench "${small[@]}" --count 300 --threads 1 --format json > "$work/b.json"
rows_a=$(grep '"rows"' "$work/a.json")
rows_b=$(grep '"rows"' "$work/b.json")
[ "$rows_a" = "$rows_b" ]
report deterministic $? "$rows_a
---
$rows_b"

expect duration 0 "memory:" -- "$vtql" bench "${small[@]}" --duration 300ms --workload dashboard
for w in list lookup sync search dashboard; do
  expect "builtin-$w" 0 "workload $w" -- "$vtql" bench "${small[@]}" --count 100 --workload "$w"
done
expect show-workload 0 "param city = Contacts.mailingcity" -- "$vtql" bench --show-workload --workload list
expect compare 0 "ratios to memory" -- "$vtql" bench "${small[@]}" --count 100 --compare memory,memory
mkdir -p "$work/tmp"
expect sqlite 0 "sqlite:" -- env TMPDIR="$work/tmp" "$vtql" bench "${small[@]}" --backend sqlite --count 100
expect sqlite-compare 0 "ratios to memory" -- env TMPDIR="$work/tmp" "$vtql" bench "${small[@]}" --compare memory,sqlite --count 100
left=$(ls -A "$work/tmp")
[ -z "$left" ]
report sqlite-temporary-files-removed $? "left behind: $left"
expect unknown-backend 2 "unknown backend 'oracle'" -- "$vtql" bench --backend oracle --count 10
expect unknown-workload 2 "no built-in workload or readable file named 'nope'" -- "$vtql" bench --workload nope
expect bad-duration 2 "--duration takes a time" -- "$vtql" bench --duration soon
expect count-and-duration 2 "" -- "$vtql" bench --count 5 --duration 1s
expect bad-plot-name 2 "--plot writes a .png or .svg file" -- "$vtql" bench --count 5 --plot out.pdf

# Workload files: a good one, and bad ones that name their line.
cat > "$work/good.workload" <<'W'
# mine
param city = Contacts.mailingcity
param who = Contacts.lastname contains 2
weight 3 name=by_city
SELECT lastname FROM Contacts WHERE mailingcity = $city ORDER BY modifiedtime DESC LIMIT 20;
weight 1 name=search
SELECT lastname FROM Contacts WHERE lastname LIKE $who LIMIT 20;
W
expect workload-file 0 "workload good (2 templates)" -- "$vtql" bench "${small[@]}" --count 50 --workload "$work/good.workload"
printf '# broken\nparam city = Contacts.mailingcity\nweight many name=x\nSELECT * FROM Contacts;\n' > "$work/bad1.workload"
expect bad-weight 2 "bad1.workload:3:8: a weight is a whole number" -- "$vtql" bench "${small[@]}" --workload "$work/bad1.workload"
printf 'weight 1\nSELECT * FROM Contacts WHERE mailingcity = $cty;\nparam city = Contacts.mailingcity\n' > "$work/bad2.workload"
expect bad-reference 2 "bad2.workload:2:44: no parameter 'cty' is declared" -- "$vtql" bench "${small[@]}" --workload "$work/bad2.workload"
printf 'param city = Contacts.mailingcty\nweight 1\nSELECT * FROM Contacts WHERE mailingcity = $city;\n' > "$work/bad3.workload"
expect bad-field 2 "hint: did you mean 'mailingcity'?" -- "$vtql" bench "${small[@]}" --workload "$work/bad3.workload"
printf 'param city = Contacts.mailingcity\nweight 1 name=q\nSELECT * FROM Contacts WHERE mailingcity = $city\n' > "$work/bad4.workload"
expect bad-unterminated 2 "bad4.workload:2:1: the query of template 'q' (line 2) does not end with ';'" -- \
  "$vtql" bench "${small[@]}" --workload "$work/bad4.workload"
printf 'param id = Contacts.id\nweight 1 name=q\nSELECT * FROM Contacts WHERE lastnme = $id;\n' > "$work/bad5.workload"
expect bad-query 2 "the query of template 'q' is not valid: ACCESS_DENIED" -- "$vtql" bench "${small[@]}" --workload "$work/bad5.workload"
printf '\x00\xff\xfe garbage\n' > "$work/bad6.workload"
expect binary-workload 2 "bad6.workload:1:" -- "$vtql" bench "${small[@]}" --workload "$work/bad6.workload"

# Single queries.
printf '%s\n' "SELECT lastname FROM Contacts LIMIT 7;" "# a comment" "" "SELECT count(*) FROM Leads;" > "$work/queries.txt"
expect queries-table 0 "SELECT count(*) FROM Leads;" -- "$vtql" bench "${small[@]}" --queries "$work/queries.txt" --runs 5
expect queries-json 0 '"line": 4' -- "$vtql" bench "${small[@]}" --queries "$work/queries.txt" --runs 5 --format json
expect queries-csv 0 "memory,1,5,7," -- "$vtql" bench "${small[@]}" --queries "$work/queries.txt" --runs 5 --format csv
printf '%s\n' '"SELECT lastname FROM Contacts LIMIT 2;"' '"SELECT x FROM Contacts;"' > "$work/queries.jsonl"
expect queries-jsonl-error 1 "error: ACCESS_DENIED" -- "$vtql" bench "${small[@]}" --queries "$work/queries.jsonl" --jsonl --runs 3
printf '%s\n' '"SELECT lastname FROM Contacts LIMIT 2;"' 'SELECT 1;' > "$work/bad.jsonl"
expect queries-jsonl-bad-line 2 "bad.jsonl:2: the line is not a JSON string" -- "$vtql" bench --queries "$work/bad.jsonl" --jsonl
expect queries-compare 0 "median ratios to memory" -- "$vtql" bench "${small[@]}" --queries "$work/queries.txt" --runs 3 --compare memory,memory

# Comparing runs: a run against itself changes nothing; a run with a third of the throughput is worse.
expect diff-same 0 "0 worse, 0 better" -- "$vtql" bench --diff "$work/a.json" "$work/a.json"
sed -E 's/"qps": ([0-9]+)(\.[0-9]+)?/"qps": \1e-3/' "$work/a.json" > "$work/slow.json"
expect diff-worse 1 "WORSE" -- "$vtql" bench --diff "$work/a.json" "$work/slow.json"
expect compare-runs-script 1 "WORSE" -- env VTQL="$vtql" "$root/bench/compare_runs.sh" "$work/a.json" "$work/slow.json"
expect diff-unreadable 2 "cannot read" -- "$vtql" bench --diff "$work/a.json" "$work/missing.json"

# Plots: a clear error without gnuplot, an image with it.
expect plot-no-gnuplot 2 "gnuplot-nox" -- env PATH=/nonexistent "$vtql" bench "${small[@]}" --count 50 --plot "$work/x.png"
if command -v gnuplot > /dev/null; then
  expect plot-png 0 "" -- "$vtql" bench "${small[@]}" --count 100 --compare memory,memory --plot "$work/p.png"
  [ "$(head -c 4 "$work/p.png" | od -An -c | tr -d ' ')" = "211PNG" ]
  report plot-png-file $? "$(ls -l "$work")"
  expect plot-svg 0 "" -- "$vtql" bench "${small[@]}" --queries "$work/queries.txt" --runs 3 --plot "$work/q.svg"
  grep -q "<svg" "$work/q.svg"
  report plot-svg-file $? "$(head -c 300 "$work/q.svg")"
  # A file name (or a title) that would be gnuplot commands is only a name: nothing of it runs.
  evil="$work/"$'evil\n!touch ran\nset output \'x\' #.svg'
  cp "$work/queries.txt" "$work/"'q`touch ran2`.txt'
  expect plot-hostile-name 0 "" -- "$vtql" bench "${small[@]}" --queries "$work/"'q`touch ran2`.txt' --runs 2 \
    --plot "$evil"
  [ ! -e ran ] && [ ! -e "$work/ran" ] && [ ! -e ran2 ] && [ ! -e "$work/ran2" ] && grep -q "<svg" "$evil"
  report plot-hostile-name-inert $? "$(ls -la "$work")"
else
  echo "skip plot-png, plot-svg: gnuplot is not installed (tools/bootstrap.sh installs gnuplot-nox)"
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
