#!/usr/bin/env bash
# Runs the variant panel scenario (test/e2e/panel.e2e.js) in code-server with the extension loaded from this folder.
# Exit 0 when it passed. Env: SKIP_BUILD=1, CS_DIR. Screenshots: test-results/e2e/panel/.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/scripts/e2e"
RUN_DIR="$ROOT/.cache/e2e/panel"
SHOTS="$ROOT/test-results/e2e/panel"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && node esbuild.mjs) >"$ROOT/.cache/panel-build.log" 2>&1 || { cat "$ROOT/.cache/panel-build.log"; exit 3; }
fi
"$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null 2>&1
rm -rf "$RUN_DIR" "$SHOTS"
mkdir -p "$RUN_DIR/workspace" "$RUN_DIR/user-data/Machine" "$SHOTS"
echo "STL Manager panel e2e workspace" > "$RUN_DIR/workspace/README.txt"
LIB="$RUN_DIR/Panel Library"
mk() { mkdir -p "$(dirname "$1")" && head -c "$2" /dev/zero | tr '\0' a > "$1"; }
mk "$LIB/Artisan Guild/Knight Commander/supported/knight_body.stl" 2000
mk "$LIB/Artisan Guild/Knight Commander/preview.png" 300
mk "$LIB/Artisan Guild/Dragon/dragon.stl" 4000
mk "$LIB/Ghamak/Ogre Warband/ogre.obj" 700
# library folders and the database are machine-scoped settings: a remote window (code-server) reads them here
printf '{ "stlManager.libraryRoots": ["%s"], "stlManager.databasePath": "%s" }\n' "$LIB" "$RUN_DIR/library.db" > "$RUN_DIR/user-data/Machine/settings.json"
export CS_USER_SETTINGS='{"workbench.colorTheme": "Default Dark Modern"}'
PORT="$("$HERE/cs-start.sh" "$RUN_DIR" "$RUN_DIR/workspace")" || { echo "code-server did not start"; exit 4; }
trap '"$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null' EXIT
node "$ROOT/test/e2e/panel.e2e.js" --port "$PORT" --folder "$RUN_DIR/workspace" --library "$LIB" --ext-dev "$ROOT" --shots "$SHOTS" \
  >"$RUN_DIR/driver.log" 2>&1
rc=$?
grep -E 'PASS|FAIL|Error|^\{' "$RUN_DIR/driver.log"
exit $rc
