# Helpers the CLI test scripts source: report a named check, and run a command expecting a status and some output.
failures=0
report() {  # report NAME STATUS MESSAGE: STATUS 0 passes, anything else fails with MESSAGE
  if [ "$2" -eq 0 ]; then
    echo "ok   $1"
  else
    echo "FAIL $1:"
    echo "$3" | head -40
    failures=$((failures + 1))
  fi
}
expect() {  # expect NAME WANT_STATUS WANT_SUBSTRING -- command...
  local name="$1" want_status="$2" want="$3"
  shift 4
  local out status
  out=$("$@" 2>&1)
  status=$?
  if [ "$status" -ne "$want_status" ] || [[ "$out" != *"$want"* ]]; then
    report "$name" 1 "status $status (want $want_status, output with '$want'):
$out"
  else
    report "$name" 0 ""
  fi
}
