#!/usr/bin/env bash
# The workbench in headless Chromium against `huntdb serve` over a demo workspace.
#   e2e_test.sh HUNTDB_BIN BUILD_DIR [ROWS]
# The demo workspace has its default size (1,000,000 rows) unless ROWS says otherwise.
# Screenshots and the grid's measurements go to BUILD_DIR/tests/web-e2e[-ROWS]/.
set -euo pipefail
huntdb=$(realpath "$1")
build=$(realpath "$2")
rows=${3:-}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# The workbench needs the REST server; a build without `huntdb serve` skips (ctest: 77).
commands=$("$huntdb" --help)
if ! grep -Eq '^ +serve ' <<<"$commands"; then
  echo "skipped: $huntdb has no 'serve' command"
  exit 77
fi
bash "$repo/scripts/build-web"
cd "$repo/web"
export HUNTDB_BIN=$huntdb
export WORKBENCH_E2E_DIR=$build/web-e2e
export WORKBENCH_E2E_OUT=$build/tests/web-e2e${rows:+-$rows}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -n "$rows" ]; then export WORKBENCH_E2E_ROWS=$rows; fi
exec npx playwright test
