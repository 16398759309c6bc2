#!/usr/bin/env bash
# The end-to-end scenario (test/e2e/scan-tree.e2e.js) in code-server, once per mode:
#   dev  = the extension loaded from this folder (extensionDevelopmentPath in the URL payload)
#   vsix = dist/stl-manager.vsix installed with --install-extension (built by `npm run package` unless SKIP_PACKAGE=1)
# Exit 0 when every mode passed. Env: MODES (default "dev vsix"), CS_DIR, SKIP_BUILD=1, SKIP_PACKAGE=1.
# Screenshots: test-results/e2e/<mode>/. One JSON line per mode: {mode, passed, failed, checks, timings}.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/scripts/e2e"
MODES="${MODES:-dev vsix}"
RUNS="$ROOT/.cache/e2e"
mkdir -p "$RUNS" "$ROOT/test-results/e2e"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && node esbuild.mjs) >"$RUNS/build.log" 2>&1 || { cat "$RUNS/build.log"; exit 3; }
fi
if [[ " $MODES " == *" vsix "* ]] && [ "${SKIP_PACKAGE:-0}" != 1 ]; then
  (cd "$ROOT" && npm run -s package) >"$RUNS/package.log" 2>&1 || { cat "$RUNS/package.log"; exit 3; }
  # `npm run package` builds production bundles only: restore the dev build (host tests need out/ and maps)
  (cd "$ROOT" && node esbuild.mjs) >>"$RUNS/build.log" 2>&1
fi

status=0
for mode in $MODES; do
  RUN_DIR="$RUNS/$mode"
  "$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null 2>&1
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR/workspace"
  echo "STL Manager e2e workspace" > "$RUN_DIR/workspace/README.txt"
  SHOTS="$ROOT/test-results/e2e/$mode"
  rm -rf "$SHOTS"
  export CS_USER_SETTINGS="{\"stlManager.databasePath\": \"$RUN_DIR/library.db\", \"workbench.colorTheme\": \"Default Dark Modern\"}"
  if [ "$mode" = vsix ]; then
    PORT="$(INSTALL_VSIX="$ROOT/dist/stl-manager.vsix" "$HERE/cs-start.sh" "$RUN_DIR" "$RUN_DIR/workspace")"; rc=$?
    DEV=()
  else
    PORT="$("$HERE/cs-start.sh" "$RUN_DIR" "$RUN_DIR/workspace")"; rc=$?
    DEV=(--ext-dev "$ROOT")
  fi
  if [ $rc -eq 0 ]; then
    node "$ROOT/test/e2e/scan-tree.e2e.js" --port "$PORT" --folder "$RUN_DIR/workspace" \
      --settings "$RUN_DIR/user-data/User/settings.json" --library "$RUN_DIR/e2e-library" "${DEV[@]}" --shots "$SHOTS" \
      >"$RUN_DIR/driver.log" 2>&1
    rc=$?
    grep -E 'PASS|FAIL|Error|^\{' "$RUN_DIR/driver.log" | sed "s/^/  [$mode] /"
  else
    echo "  [$mode] code-server did not start"
  fi
  "$HERE/cs-stop.sh" "$RUN_DIR" >/dev/null
  [ $rc -ne 0 ] && status=1
done
exit $status
