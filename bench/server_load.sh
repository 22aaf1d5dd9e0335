#!/usr/bin/env bash
# Load test of `huntdb serve` over the demo workspace (not part of the test run): 16 clients for
# 30 s send the example hunts (examples/hunts/*.kql) and a few short lookups, on loopback only.
#   bench/server_load.sh [CLIENTS] [SECONDS]      (HUNTDB_LOAD_ROWS=1000000 demo rows by default)
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-16}"
seconds="${2:-30}"
rows="${HUNTDB_LOAD_ROWS:-1000000}"
huntdb=build/huntdb
[ -x "$huntdb" ] || bash scripts/build
ws="build/bench/load_demo_${rows}"
if [ ! -d "$ws" ]; then
  mkdir -p build/bench
  "$huntdb" demo --workspace "$ws" --rows "$rows" >/dev/null
fi
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
# Short lookups an analyst's workbench sends between hunts.
cat > "$work/count-by-event.kql" <<'KQL'
SecurityEvent | where TimeGenerated > ago(1d) | summarize count() by EventID
KQL
cat > "$work/logons-for-account.kql" <<'KQL'
SecurityEvent | where EventID == 4625 | summarize failures = count() by Account | top 20 by failures
KQL
cat > "$work/recent-alerts.kql" <<'KQL'
SecurityAlert | sort by TimeGenerated desc | take 50
KQL
"$huntdb" serve --workspace "$ws" --listen 127.0.0.1:0 > "$work/out" 2> "$work/requests.jsonl" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
url="$(sed -n 's/^listening on //p' "$work/out")"
echo "huntdb serve at $url over $ws ($rows demo rows), pid $pid"
node bench/server_load.mjs "$url" "$pid" "$clients" "$seconds" examples/hunts/*.kql "$work"/*.kql
