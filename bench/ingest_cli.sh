#!/usr/bin/env bash
# `huntdb ingest` end to end (not part of the test run): the Security-Datasets JSON samples of
# ../shared/data/json copied COPIES times (bench/json_copies.h: copy k moved k days later, as for
# BM_IngestJsonLinesWorkspace), loaded into a fresh workspace, three rounds. With
# HUNTDB_BASELINE=/path/to/another/huntdb the two binaries run alternately in each round, so
# that both see the same machine.
#   bench/ingest_cli.sh [COPIES]        (36 by default: 1 GB, 517K records)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-36}"
huntdb="$PWD/build/huntdb"
[ -x "$huntdb" ] && [ -x build/bench/huntdb_bench_json_copies ] || bash scripts/build
data="$(cd .. && pwd)/shared/data/json"
[ -d "$data" ] || { echo "no samples in $data" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
build/bench/huntdb_bench_json_copies "$data" "$work/in" "$copies" >/dev/null
echo "input: $(du -sh "$work/in" | cut -f1) in $(ls "$work/in" | wc -l) files"
run() {  # name binary
  rm -rf "$work/ws"
  local start end line
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    line=$(/usr/bin/time -f '%P CPU, peak RSS %M KB' "$2" ingest --workspace "$work/ws" "$work/in" 2>&1 >"$work/out" | tail -1)
  else
    "$2" ingest --workspace "$work/ws" "$work/in" >"$work/out" 2>/dev/null
    line=""
  fi
  end=$(date +%s.%N)
  echo "$1: $(head -1 "$work/out"), $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s wall${line:+, $line}"
}
for round in 1 2 3; do
  run huntdb "$huntdb"
  [ -n "${HUNTDB_BASELINE:-}" ] && run baseline "$HUNTDB_BASELINE"
done
