#!/usr/bin/env bash
# kill -9 of `huntdb ingest` at random moments (HUNTDB_INGEST_KILLS, default 50): each time the
# workspace opens and answers queries, every batch the command reported published is there, and
# no record is there more often than a complete load holds it.
#   ingest_kill_test.sh HUNTDB SHARED_DIR
set -euo pipefail
huntdb="$1"
data="$2/data"
kills="${HUNTDB_INGEST_KILLS:-50}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
key='SecurityEvent | summarize n = count() by Computer, EventRecordId, TimeGenerated, EventID | order by Computer, EventRecordId, TimeGenerated, EventID'

# The complete load, for reference, and how long it takes (the kills fall anywhere in it).
start=$(date +%s%N)
"$huntdb" ingest --workspace "$tmp/full" "$data/evtx" "$data/json" > /dev/null || true
span_ms=$(( ($(date +%s%N) - start) / 1000000 + 50 ))
"$huntdb" query --workspace "$tmp/full" --format csv "$key" > "$tmp/full.csv"

for ((k = 0; k < kills; k++)); do
  ws="$tmp/ws$k"
  # Small publications, so that a kill lands between, before and during them.
  "$huntdb" ingest -v --publish-rows 2000 --workspace "$ws" "$data/evtx" "$data/json" > "$tmp/log" 2> /dev/null &
  pid=$!
  delay_ms=$(( RANDOM % span_ms ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  published=$(awk '$1 == "published" && $2 == "SecurityEvent" { s += $3 } END { print s + 0 }' "$tmp/log")
  if ! "$huntdb" query --workspace "$ws" --format csv "$key" > "$tmp/part.csv" 2> "$tmp/err"; then
    # Killed before SecurityEvent was created: nothing of it may have been reported published.
    grep -q "does not refer to any known" "$tmp/err" || fail "kill $k: the workspace does not answer: $(cat "$tmp/err")"
    [ "$published" -eq 0 ] || fail "kill $k: SecurityEvent is missing after $published rows were published"
    rm -rf "$ws"
    continue
  fi
  stored=$(awk -F, 'FNR > 1 { s += $5 } END { print s + 0 }' "$tmp/part.csv")
  [ "$stored" -ge "$published" ] || fail "kill $k: $published rows were published, $stored are stored"
  echo "kill $k: $published SecurityEvent rows reported published, $stored stored"
  # No record more often than in the complete load (a partial or repeated append would show).
  awk -F, 'NR == FNR { full[$1 FS $2 FS $3 FS $4] = $5; next }
           FNR > 1 && ($5 > full[$1 FS $2 FS $3 FS $4] + 0) { print "extra: " $0; bad = 1 }
           END { exit bad }' "$tmp/full.csv" "$tmp/part.csv" || fail "kill $k: records stored more often than in a complete load"
  rm -rf "$ws"
done
echo "ok: $kills kills"
