#!/usr/bin/env bash
# The command line over workspaces, end to end: huntdb demo builds a workspace the hunts find
# the story in, huntdb query --workspace runs queries and management commands (--stats reports
# pruning), and huntdb ingest loads real EVTX files with a summary.
#   workspace_commands_test.sh HUNTDB SHARED_DIR
set -euo pipefail
huntdb="$1"
shared="$2"
root="$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# demo: the workspace holds the tables, and the central hunt finds the attacker's two tools.
"$huntdb" demo --workspace "$tmp/demo" --rows 60000 --seed 5 > "$tmp/demo.out"
grep -q "^SecurityEvent: " "$tmp/demo.out" || fail "demo summary: $(cat "$tmp/demo.out")"
"$huntdb" query --workspace "$tmp/demo" '.show tables' | grep -q SecurityAlert || fail ".show tables"
"$huntdb" query --workspace "$tmp/demo" --format csv -f "$root/examples/hunts/05-new-processes-this-week.kql" > "$tmp/hunt.csv"
grep -q 'portping.exe' "$tmp/hunt.csv" || fail "the hunt misses portping: $(cat "$tmp/hunt.csv")"
grep -q 'Procmon64.exe' "$tmp/hunt.csv" || fail "the hunt misses Procmon64"
[ "$(wc -l < "$tmp/hunt.csv")" -eq 3 ] || fail "the hunt should give exactly the two tools: $(cat "$tmp/hunt.csv")"

# --stats: a term no extent holds reads no extent.
"$huntdb" query --workspace "$tmp/demo" --stats "SecurityEvent | where CommandLine has 'nosuchterm' | count" 2> "$tmp/stats.err" > /dev/null
grep -q "extents scanned 0 of" "$tmp/stats.err" || fail "stats: $(cat "$tmp/stats.err")"

# management commands through the same entry point.
"$huntdb" query --workspace "$tmp/demo" '.set-or-append Hosts <| SecurityEvent | distinct Computer' > /dev/null
n=$("$huntdb" query --workspace "$tmp/demo" --format csv 'Hosts | count' | tail -1)
[ "$n" -gt 20 ] || fail ".set-or-append gave $n hosts"
"$huntdb" query --workspace "$tmp/demo" '.drop table Hosts' > /dev/null
if "$huntdb" query --workspace "$tmp/demo" 'Hosts | count' 2> /dev/null; then fail "Hosts survived .drop table"; fi

# stored functions: created by one process, called by the next; unknown commands name themselves.
"$huntdb" query --workspace "$tmp/demo" ".create function with (folder='Hunts') Logons4624(n:long = 3) { SecurityEvent | where EventID == 4624 | take n }" > /dev/null
n=$("$huntdb" query --workspace "$tmp/demo" --format csv 'Logons4624(2) | count' | tail -1)
[ "$n" = "2" ] || fail "the stored function gave $n rows"
"$huntdb" query --workspace "$tmp/demo" --format csv '.show schema as json' | grep -q 'Logons4624' || fail ".show schema as json misses the function"
"$huntdb" query --workspace "$tmp/demo" --format csv '.show databases' | grep -q '^demo,' || fail ".show databases: $("$huntdb" query --workspace "$tmp/demo" --format csv '.show databases')"
if "$huntdb" query --workspace "$tmp/demo" '.show nosuch' 2> "$tmp/unknown.err"; then fail ".show nosuch ran"; fi
grep -q "^1:7: .*'.show nosuch' is not a supported management command" "$tmp/unknown.err" || fail "$(cat "$tmp/unknown.err")"

# The published hunt's ';' slip is a syntax error at the right place.
printf 'let T = SecurityEvent\n| summarize count() by Computer\n| sort by count_ desc nulls last;\n| evaluate activity_counts_metrics(Computer, TimeGenerated, ago(30d), now(), 1d)\n' > "$tmp/published.kql"
if "$huntdb" query --workspace "$tmp/demo" -f "$tmp/published.kql" 2> "$tmp/published.err"; then fail "the published hunt ran"; fi
grep -q "^4:1: syntax error: A statement cannot start with '|': the ';' at 3:33" "$tmp/published.err" || fail "$(cat "$tmp/published.err")"

# ingest: real EVTX files; every record lands in SecurityEvent or Event.
"$huntdb" ingest --workspace "$tmp/logs" "$shared/data/evtx/DeepBlueCLI" > "$tmp/ingest.out"
grep -q "^ingested [0-9]* records from 23 files" "$tmp/ingest.out" || fail "ingest summary: $(cat "$tmp/ingest.out")"
records=$(sed -n 's/^ingested \([0-9]*\) records.*/\1/p' "$tmp/ingest.out")
stored=$("$huntdb" query --workspace "$tmp/logs" --format csv 'union SecurityEvent, Event | count' | tail -1)
[ "$records" = "$stored" ] || fail "ingested $records records but the workspace holds $stored"
echo "ok"
