#!/usr/bin/env bash
# The in-host mocha tests (test/host) inside a real VS Code 1.100.3 (code-server), driven by headless Chromium.
# Exit: 0 all passed, 1 failures or runner error, 124 timeout, 3 build failed, 4 code-server did not start.
# Env: CS_DIR, RUN_DIR (default .cache/e2e/host-tests), TEST_TIMEOUT (s, default 300), SKIP_BUILD=1,
#      STLMGR_HOST_TEST_GREP (mocha grep), SHOTS (default test-results/host-tests).
# Results JSON: $RUN_DIR/results.json (also copied to test-results/host-tests.json).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/scripts/e2e"
RUN_DIR="${RUN_DIR:-$ROOT/.cache/e2e/host-tests}"
SHOTS="${SHOTS:-$ROOT/test-results/host-tests}"
RESULTS="$RUN_DIR/results.json"
WORKSPACE="$RUN_DIR/workspace"

mkdir -p "$ROOT/.cache" "$ROOT/test-results"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && node esbuild.mjs) >"$ROOT/.cache/host-build.log" 2>&1 || { cat "$ROOT/.cache/host-build.log"; exit 3; }
fi
[ -f "$ROOT/out/test/host/index.js" ] || { echo "out/test/host/index.js missing (build first)"; exit 3; }

"$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null 2>&1   # leftovers of an aborted run
rm -rf "$RUN_DIR"
mkdir -p "$WORKSPACE" "$SHOTS"
echo "STL Manager host tests workspace" > "$WORKSPACE/README.txt"

# The runner writes its JSON there; code-server forks the extension host with the server's environment.
export STLMGR_HOST_TEST_RESULTS="$RESULTS"
PORT="$("$HERE/cs-start.sh" "$RUN_DIR" "$WORKSPACE")" || exit 4
trap '"$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null' EXIT

node "$HERE/host-tests.js" --port "$PORT" --folder "$WORKSPACE" --ext-dev "$ROOT" \
  --tests-path "$ROOT/out/test/host/index.js" --results "$RESULTS" --timeout "${TEST_TIMEOUT:-300}" --shots "$SHOTS"
rc=$?
[ -f "$RESULTS" ] && cp "$RESULTS" "$ROOT/test-results/host-tests.json"
echo "host tests exit status: $rc"
exit $rc
