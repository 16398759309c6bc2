#!/usr/bin/env node
// Runs the mocha suite inside the extension host of a running code-server: opens the workbench with
// extensionDevelopmentPath + extensionTestsPath and waits for the host's exit code (window.codeAutomationExit),
// a terminal status in the results JSON, or the timeout (exit 124), whichever comes first.
//   node host-tests.js --port P --folder DIR --ext-dev EXT --tests-path out/test/host/index.js --results FILE
//                      [--timeout SEC] [--shots DIR]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const wb = require('./workbench');

const args = wb.parseArgs(process.argv.slice(2));
const port = Number(args.port);
const folder = path.resolve(args.folder);
const extDev = path.resolve(args['ext-dev']);
const testsPath = path.resolve(args['tests-path']);
const resultsFile = args.results ? path.resolve(args.results) : undefined;
const timeoutSec = Number(args.timeout || 300);
const shots = path.resolve(args.shots || 'test-results/host-tests');
const T0 = Date.now();
const log = (...a) => console.log(`[host-tests +${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

function readResults() {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

(async () => {
  if (!port) throw new Error('--port is required');
  const { page, close } = await wb.launch();
  const consoleLines = [];
  const hostLog = [];
  wb.attachConsole(page, consoleLines);
  let outcome;
  let poll;
  try {
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve({ source: 'codeAutomationExit', code: Number(code) }));
    });
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      hostLog.push(line);
      if (/passing|failing|pending|\[stlmgr-host-tests\]|✔|✓|\d+\) /.test(line)) console.log(`  ${line}`);
    });
    const fromFile = new Promise((resolve) => {
      if (!resultsFile) return;
      poll = setInterval(() => {
        const r = readResults();
        if (r && r.status !== 'running') resolve({ source: 'results-file', code: r.status === 'passed' ? 0 : 1 });
      }, 500);
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ source: 'timeout', code: 124 }), timeoutSec * 1000));
    await page.goto(wb.workbenchUrl({ port, folder, devPath: extDev, testsPath }), { timeout: 120_000 });
    log('workbench opened, waiting for the extension host to run the tests');
    outcome = await Promise.race([exited, fromFile, timeout]);
    if (outcome.source === 'results-file') {
      const second = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 5000))]);
      if (second) outcome = { ...outcome, hostExitCode: second.code };
    }
    await wb.shot(page, shots, 'host-tests-final').catch(() => {});
  } catch (e) {
    outcome = { source: 'driver-error', code: 1, error: String(e && e.stack ? e.stack : e) };
    console.error(outcome.error);
  } finally {
    clearInterval(poll);
    fs.mkdirSync(shots, { recursive: true });
    fs.writeFileSync(path.join(shots, 'browser-console.log'), consoleLines.join('\n'));
    fs.writeFileSync(path.join(shots, 'host-log.log'), hostLog.join('\n'));
    await close();
  }
  const results = resultsFile ? readResults() : undefined;
  for (const t of (results && results.tests) || []) {
    if (t.state === 'failed') console.log(`[mocha] FAILED: ${t.title}\n${t.error}`);
  }
  let code = outcome.code;
  if (code === 0 && resultsFile && (!results || results.status !== 'passed')) code = 1;
  console.log(JSON.stringify({
    mode: 'host-tests', code, outcome: outcome.source,
    results: results && { status: results.status, passes: results.passes, failures: results.failures, pending: results.pending },
    totalMs: Date.now() - T0,
  }));
  process.exit(code);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
