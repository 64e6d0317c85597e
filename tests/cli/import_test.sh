#!/usr/bin/env bash
# End-to-end checks of `vtql demo`, `vtql export` and `vtql import`: exit statuses, round trips, bad rows, custom
# schemas, and an import killed part-way that must leave the database exactly as it was.
set -u
vtql="$1"
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

count() {  # count DB MODULE: the module's live records, through vtql query
  "$vtql" query --db "$1" --format csv "SELECT count(*) FROM $2;" | tail -n 1 | tr -d '\r'
}

# demo: a new file, refused when it exists, replaced with --replace.
expect demo 0 "wrote the demo CRM" -- "$vtql" demo --db "$dir/crm.db" --scale 3000 --seed 7
expect demo-exists 2 "exists; give --replace" -- "$vtql" demo --db "$dir/crm.db" --scale 3000
expect demo-replace 0 "scale 2000, seed 7" -- "$vtql" demo --db "$dir/crm.db" --scale 2000 --seed 7 --replace
contacts=$(count "$dir/crm.db" Contacts)
[ "$contacts" -gt 100 ] 2>/dev/null
report demo-has-contacts $? "count was '$contacts'"

# export: CSV to stdout, JSON Lines by the output's extension.
expect export-csv 0 "id,salutationtype,firstname" -- "$vtql" export --db "$dir/crm.db" --module Contacts
expect export-jsonl 0 "exported $contacts Contacts records" -- "$vtql" export --db "$dir/crm.db" --module Contacts \
  --output "$dir/contacts.jsonl"
head -c 1 "$dir/contacts.jsonl" | grep -q '{'
report export-jsonl-form $? "contacts.jsonl does not hold JSON objects"
expect export-unknown-module 2 "no module 'Contact'" -- "$vtql" export --db "$dir/crm.db" --module Contact
expect export-no-file 2 "" -- "$vtql" export --db "$dir/missing.db" --module Contacts
# A FIFO (or any file that is not a regular file) is refused at once instead of blocking the open.
echo precious > "$dir/keep.csv"
mkfifo "$dir/fifo"
expect db-fifo 2 "is not a regular file" -- timeout 20 "$vtql" query --db "$dir/fifo" "SELECT count(*) FROM Contacts;"
expect db-fifo-import 2 "is not a regular file" -- timeout 20 "$vtql" import --db "$dir/fifo" --module Contacts \
  "$dir/keep.csv"

# Two imports into one file at the same time never hand out the same record number (contacts and accounts share
# the entity sequence).
"$vtql" demo --db "$dir/shared.db" --scale 200 >/dev/null 2>&1
{ echo "lastname,assigned_user_id"; for i in $(seq 1 3000); do echo "Concurrent$i,19x1"; done; } > "$dir/many-contacts.csv"
{ echo "accountname,assigned_user_id"; for i in $(seq 1 3000); do echo "Concurrent$i,19x1"; done; } > "$dir/many-accounts.csv"
"$vtql" import --db "$dir/shared.db" --module Contacts "$dir/many-contacts.csv" > "$dir/import1.out" 2>&1 &
first=$!
"$vtql" import --db "$dir/shared.db" --module Accounts "$dir/many-accounts.csv" > "$dir/import2.out" 2>&1 &
second=$!
wait $first; status1=$?
wait $second; status2=$?
numbers() { "$vtql" export --db "$dir/shared.db" --module "$1" 2>/dev/null | tail -n +2 | cut -d, -f1 | cut -dx -f2; }
duplicates=$( (numbers Contacts; numbers Accounts) | sort | uniq -d | head -5)
[ "$status1" -eq 0 ] && [ "$status2" -eq 0 ] && [ -z "$duplicates" ] &&
  [ "$(count "$dir/shared.db" Contacts)" -ge 3000 ] && [ "$(count "$dir/shared.db" Accounts)" -ge 3000 ]
report concurrent-imports $? "statuses $status1 $status2; numbers in both modules: $duplicates
$(cat "$dir/import1.out" "$dir/import2.out")"

# A failed import into a new file leaves no file behind.
printf 'lastname,nosuchfield\nSmith,1\n' > "$dir/bad-header.csv"
printf 'lastname,assigned_user_id\nSmith,19x1\n,19x1\n' > "$dir/bad-row.csv"
expect import-new-bad-header 1 "nosuchfield" -- "$vtql" import --db "$dir/new1.db" --module Contacts "$dir/bad-header.csv"
expect import-new-bad-row 1 "nothing was imported" -- "$vtql" import --db "$dir/new2.db" --module Contacts "$dir/bad-row.csv"
[ ! -e "$dir/new1.db" ] && [ ! -e "$dir/new2.db" ] && [ -z "$(find "$dir" -name 'new*.db-*')" ]
report import-new-file-removed $? "a failed import left a database file: $(ls "$dir")"

# A failed export leaves an existing output file as it was, and no temporary file behind.
expect export-fails-keeps-file 2 "is unchanged" -- "$vtql" export --db "$dir/crm.db" --module Contact --output "$dir/keep.csv"
[ "$(cat "$dir/keep.csv")" = precious ] && [ -z "$(find "$dir" -name '.keep.csv.vtql-export-*')" ]
report export-keeps-file $? "keep.csv was changed, or a temporary file is left: $(ls -a "$dir")"

# The export runs a plan, which --explain shows as vtql explain shows a query's.
expect export-explain 0 "SQL: SELECT" -- "$vtql" export --db "$dir/crm.db" --module Contacts --explain
expect export-explain-scan 0 "Scan Contacts (sqlite)" -- "$vtql" export --db "$dir/crm.db" --module Contacts --explain
expect export-explain-limit 0 "limit 3" -- "$vtql" export --db "$dir/crm.db" --module Contacts --explain --max-rows 3
expect export-max-rows 0 "exported 3 Contacts records" -- "$vtql" export --db "$dir/crm.db" --module Contacts \
  --max-rows 3 --output "$dir/three.csv"

# Round trip through a new file, in both formats. Users go first (references to users resolve only when the users
# are there), with what they need and the demo leaves out: the passwords an export never holds, and a role.
"$vtql" export --db "$dir/crm.db" --module Users --format jsonl 2>/dev/null |
  sed 's/"roleid":null/"roleid":"1x2"/; s/}$/,"user_password":"secret","confirm_password":"secret"}/' > "$dir/users.jsonl"
for format in csv jsonl; do
  ok=0
  "$vtql" import --db "$dir/copy-$format.db" --module Users "$dir/users.jsonl" >/dev/null || ok=1
  for module in Accounts Contacts Leads Potentials HelpDesk Products Vendors Campaigns; do
    "$vtql" export --db "$dir/crm.db" --module "$module" --output "$dir/$module.$format" 2>/dev/null || ok=1
    "$vtql" import --db "$dir/copy-$format.db" --module "$module" "$dir/$module.$format" >/dev/null || ok=1
  done
  for module in Accounts Contacts Leads Potentials HelpDesk Products Vendors Campaigns; do
    "$vtql" export --db "$dir/copy-$format.db" --module "$module" --format "$format" 2>/dev/null |
      cmp -s - "$dir/$module.$format" || { ok=1; echo "  $module differs after the $format round trip"; }
  done
  report "round-trip-$format" "$ok" "export -> import -> export changed the records"
done
query="SELECT lastname, account_id FROM Contacts WHERE mailingcity = 'Zürich' ORDER BY lastname;"
diff <("$vtql" query --db "$dir/crm.db" --format csv "$query") <("$vtql" query --db "$dir/copy-csv.db" --format csv "$query") >/dev/null
report round-trip-query $? "the copy answers differently"

# import: summary, bad rows, --skip-bad, header errors, formats.
cat > "$dir/good.csv" <<'CSV'
lastname,firstname,assigned_user_id,birthday,email
Muster,Hans,19x1,1970-01-01,hans@example.com
"O'Brien, Jr.",Pat,19x1,,"pat ""the cat""@example.com"
CSV
expect import-good 0 "imported 2 Contacts records in" -- "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/good.csv"
after_good=$(count "$dir/crm.db" Contacts)
[ "$after_good" -eq $((contacts + 2)) ]
report import-good-count $? "count $after_good, want $((contacts + 2))"

printf 'lastname,assigned_user_id,birthday\nA,19x1,2001-02-03\nB,19x1,soon\nC,12x1,\n' > "$dir/bad.csv"
expect import-bad 1 "line 3, field birthday: 'soon' is not a date (YYYY-MM-DD)" -- \
  "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/bad.csv"
expect import-bad-reference 1 "line 4, field assigned_user_id: '12x1': prefix 12 is Contacts" -- \
  "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/bad.csv"
[ "$(count "$dir/crm.db" Contacts)" -eq "$after_good" ]
report import-bad-changes-nothing $? "bad rows without --skip-bad changed the database"
expect import-skip-bad 1 "imported 1 Contacts record (2 skipped)" -- \
  "$vtql" import --db "$dir/crm.db" --module Contacts --skip-bad "$dir/bad.csv"
printf 'lastnme,assigned_user_id\nA,19x1\n' > "$dir/header.csv"
expect import-unknown-column 1 "did you mean 'lastname'?" -- "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/header.csv"
printf '{"lastname":"J","assigned_user_id":"19x1"}\n' > "$dir/one.ndjson"
expect import-jsonl 0 "imported 1 Contacts record in" -- "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/one.ndjson"
expect import-stdin 0 "imported 1 Contacts record in" -- \
  bash -c "\"$vtql\" import --db \"$dir/crm.db\" --module Contacts --format jsonl - < \"$dir/one.ndjson\""
cp "$dir/good.csv" "$dir/good.txt"
expect import-unknown-format 2 "give --format csv or --format jsonl" -- "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/good.txt"
expect import-missing-file 2 "cannot read" -- "$vtql" import --db "$dir/crm.db" --module Contacts "$dir/none.csv"
expect import-unknown-module 2 "did you mean 'Contacts'?" -- "$vtql" import --db "$dir/crm.db" --module contacts "$dir/good.csv"

# --schema: a custom module added to an existing file, then imported into and queried.
cat > "$dir/widgets.json" <<'JSON'
{"success":true,"result":{"label":"Widgets","name":"Widgets","createable":true,"updateable":true,"deleteable":true,
 "retrieveable":true,"idPrefix":"40","isEntity":true,"labelFields":"widgetname","fields":[
 {"name":"widgetname","label":"Name","mandatory":true,"type":{"name":"string"},"nullable":false,"editable":true},
 {"name":"cf_901","label":"Weight","mandatory":false,"type":{"name":"decimal"},"nullable":true,"editable":true},
 {"name":"account_id","label":"Account","mandatory":false,"type":{"name":"reference","refersTo":["Accounts"]},"nullable":true,"editable":true},
 {"name":"id","label":"widgetid","mandatory":false,"type":{"name":"autogenerated"},"nullable":false,"editable":false}]}}
JSON
printf 'widgetname,cf_901\nSprocket,2.75\nGear,10\n' > "$dir/widgets.csv"
expect import-custom-module 0 "imported 2 Widgets records" -- \
  "$vtql" import --db "$dir/crm.db" --module Widgets --schema "$dir/widgets.json" "$dir/widgets.csv"
expect query-custom-module 0 "Sprocket" -- "$vtql" query --db "$dir/crm.db" "SELECT widgetname FROM Widgets WHERE cf_901 > '2.5';"
expect import-new-file-with-schema 0 "imported 2 Widgets records" -- \
  "$vtql" import --db "$dir/widgets.db" --module Widgets --schema "$dir/widgets.json" "$dir/widgets.csv"

# THE KILL TEST: an import of 300,000 rows killed with SIGKILL while its transaction is being written must leave
# exactly the records the database held before.
awk -v n=300000 'BEGIN {
  print "lastname,firstname,email,assigned_user_id,mailingcity,birthday,donotcall,description"
  for (i = 1; i <= n; i++)
    printf "Lastname%d,First%d,user%d@example.com,19x1,City %d,19%02d-%02d-%02d,%d,\"Met at the fair, asked for \"\"pricing\"\"\"\n",
      i, i % 977, i, i % 500, 50 + i % 50, 1 + i % 12, 1 + i % 28, i % 2
}' > "$dir/big.csv"
cp "$dir/crm.db" "$dir/kill.db"
"$vtql" export --db "$dir/kill.db" --module Contacts --output "$dir/before.csv" 2>/dev/null
before_count=$(count "$dir/kill.db" Contacts)
"$vtql" import --db "$dir/kill.db" --module Contacts "$dir/big.csv" >/dev/null 2>&1 &
pid=$!
# Part-way: once the transaction has spilled a few MB of rows into the write-ahead log (long before its commit).
for _ in $(seq 1 1500); do
  wal=$(stat -c %s "$dir/kill.db-wal" 2>/dev/null || echo 0)
  [ "$wal" -gt 4000000 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -9 "$pid" 2>/dev/null
{ wait "$pid"; } 2>/dev/null
status=$?
[ "$status" -eq 137 ]
report kill-part-way $? "the import was not killed part-way (status $status, write-ahead log $wal bytes)"
after_count=$(count "$dir/kill.db" Contacts)
[ "$after_count" = "$before_count" ]
report kill-same-count $? "Contacts: $after_count records after the kill, $before_count before"
"$vtql" export --db "$dir/kill.db" --module Contacts --output "$dir/after.csv" 2>/dev/null
cmp -s "$dir/before.csv" "$dir/after.csv"
report kill-same-records $? "the Contacts records changed"
# The file is still a good database: the same import now runs to the end.
expect import-after-kill 0 "imported 300000 Contacts records" -- "$vtql" import --db "$dir/kill.db" --module Contacts "$dir/big.csv"
[ "$(count "$dir/kill.db" Contacts)" -eq $((before_count + 300000)) ]
report import-after-kill-count $? "wrong count after the full import"

[ "$failures" -eq 0 ] && echo "all passed" || echo "$failures failed"
[ "$failures" -eq 0 ]
