#!/usr/bin/env bash
# Runs one of the end-to-end test files with node's test runner against a huntdb binary.
# Usage: run_node_test.sh HUNTDB_BINARY TEST_FILE.mjs
# Installs the test's npm packages (npm ci) the first time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export HUNTDB_BIN="$1"
if [ ! -d "$here/node_modules/azure-kusto-data" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
cd "$here"
exec node --test --test-reporter=spec "$2"
