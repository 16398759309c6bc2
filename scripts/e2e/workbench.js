// Drives a code-server workbench (VS Code 1.100.3 in the browser) with playwright-core and Debian chromium.
// Shared by the in-host test driver (host-tests.js) and the UI scenarios in test/e2e/.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** `?folder=` opens the workspace; `payload` carries extensionDevelopmentPath / extensionTestsPath, which
 *  code-server's CLI rejects. The values must be vscode-remote://host:port/abs/path URIs. */
function workbenchUrl({ host = '127.0.0.1', port, folder, devPath, testsPath }) {
  const remote = (p) => `vscode-remote://${host}:${port}${p}`;
  const payload = [];
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  let url = `http://${host}:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function launch({ viewport = { width: 1400, height: 900 } } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stlmgr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    // the workbench's clipboard service uses navigator.clipboard (Copy Path)
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

const SEL = {
  workbench: '.monaco-workbench',
  statusBar: '.part.statusbar',
  activityItem: (title) => `.part.activitybar .action-item a.action-label[aria-label^="${title}"]`,
  sidebarTitle: '.part.sidebar .composite.title h2',
  treeRows: (viewName) => `.part.sidebar .monaco-list[role="tree"][aria-label="${viewName}"] .monaco-list-row[role="treeitem"]`,
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputFocusedRow: '.quick-input-widget .quick-input-list .monaco-list-row.focused',
  toastMessage: '.notifications-toasts .notification-toast .notification-list-item-message',
  toastDone: '.notifications-toasts .notification-toast.notification-fade-in-done',
  statusItem: (id) => `.part.statusbar #${id.replace(/\./g, '\\.')}`,
};

async function waitForWorkbench(page, timeout = 120_000) {
  await page.locator(SEL.workbench).waitFor({ timeout });
  await page.locator(SEL.statusBar).waitFor({ timeout });
  await page.locator('.part.activitybar .action-item').first().waitFor({ timeout });
}

async function openViewContainer(page, title) {
  const item = page.locator(SEL.activityItem(title));
  await item.waitFor({ timeout: 120_000 });
  // clicking the icon of the container already shown would close the side bar
  if (await page.locator(SEL.sidebarTitle, { hasText: title }).isVisible()) return;
  await item.click();
  await page.locator(SEL.sidebarTitle, { hasText: title }).waitFor();
}

async function treeLabels(page, viewName) {
  return page.locator(`${SEL.treeRows(viewName)} .label-name`).allInnerTexts();
}

/** F1 → type the title → wait until it is the focused row (Enter would race the filter) → Enter. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const box = page.locator(SEL.quickInputBox);
  await box.waitFor({ state: 'visible' });
  await box.fill(`>${title}`);
  await page.locator(SEL.quickInputFocusedRow, { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
}

/** VS Code's own folder picker in a browser window (a quick input). It fills its box with the starting folder
 *  only after listing it, and ignores Enter while busy: on a slow machine a path typed too early is overwritten
 *  and Enter accepts the starting folder. So: wait for the first listing, type, make sure the box still holds the
 *  path, and accept; if the picker stays open, look at what it holds and try again. */
async function pickFolder(page, dir, { attempts = 6 } = {}) {
  const box = page.locator(SEL.quickInputBox);
  const widget = page.locator(SEL.quickInput);
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  await page
    .waitForFunction((sel) => {
      const input = document.querySelector(sel);
      const rows = document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row');
      return !!input && /[\\/]$/.test(input.value) && rows.length > 0;
    }, SEL.quickInputBox, { timeout: 20_000 })
    .catch(() => {});
  const ours = (v) => v.replace(/[\\/]+$/, '') === dir.replace(/[\\/]+$/, '');
  for (let i = 0; i < attempts; i++) {
    if (!(await widget.isVisible())) return;
    const value = await box.inputValue().catch(() => '');
    if (!ours(value)) {
      await box.fill(dir);
      await page.waitForTimeout(700);
      continue; // look again: the picker may still overwrite it
    }
    await page.keyboard.press('Enter');
    // the picker may first navigate into the typed folder (then a second Enter accepts it)
    if (await widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the folder picker did not accept ${dir} (it holds "${await box.inputValue().catch(() => '?')}")`);
}

async function waitForToast(page, text, timeout = 30_000) {
  const toast = page.locator(SEL.toastMessage, { hasText: text }).first();
  await toast.waitFor({ timeout });
  await page.locator(SEL.toastDone).first().waitFor({ timeout: 5_000 }).catch(() => {});
  return toast.innerText();
}

async function shot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A UI scenario's bookkeeping: `log` with the time since start, `check` (logged PASS/FAIL with its detail; a failed
 *  check throws, which ends the scenario), and `finish(main, tag)`, which runs it, prints one JSON line
 *  `{...tag, passed, failed, checks, timings}` and exits 0 only when every check passed. */
function scenario(prefix) {
  const T0 = Date.now();
  const checks = [];
  const log = (...a) => console.log(`[${prefix} +${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
  function check(name, ok, detail) {
    checks.push({ name, ok: !!ok, detail });
    log(ok ? 'PASS' : 'FAIL', name, detail !== undefined ? JSON.stringify(detail) : '');
    if (!ok) throw new Error(`check failed: ${name}`);
  }
  const passed = () => checks.filter((c) => c.ok).length;
  function finish(main, tag) {
    main().then(
      ({ timings }) => {
        console.log(JSON.stringify({ ...tag, passed: passed(), failed: 0, checks: checks.length, timings }));
        process.exit(0);
      },
      (e) => {
        console.error(e && e.stack ? e.stack : e);
        console.log(JSON.stringify({ ...tag, passed: passed(), failed: 1, checks: checks.length }));
        process.exit(1);
      },
    );
  }
  return { T0, log, check, finish };
}

/** The rows of a tree view whose label is exactly `label`. */
function treeRow(page, viewName, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator(SEL.treeRows(viewName)).filter({ has: page.locator('.label-name', { hasText: exact }) });
}

function attachConsole(page, sink) {
  page.on('console', (m) => {
    const text = m.text().replace(/%c\s*(INFO|WARN|ERR|DEBUG|TRACE)?\s*color: #[0-9a-f]{3}\s*/i, '');
    sink.push(`[${m.type()}] ${text}`);
  });
  page.on('pageerror', (e) => sink.push(`[pageerror] ${e.message}`));
}

/**
 * A fresh headless browser on the workbench at `url`, loaded. `close()` saves the browser console to
 * `<shots>/browser-console.log` and closes the browser; it also runs when loading fails.
 */
async function openWorkbench(url, shots, { timeout = 120_000 } = {}) {
  const { page, close: closeBrowser } = await launch();
  const consoleLines = [];
  attachConsole(page, consoleLines);
  const close = async () => {
    fs.mkdirSync(shots, { recursive: true });
    fs.writeFileSync(path.join(shots, 'browser-console.log'), consoleLines.join('\n'));
    await closeBrowser();
  };
  try {
    await page.goto(url, { timeout });
    await waitForWorkbench(page);
  } catch (e) {
    await close();
    throw e;
  }
  return { page, close };
}

function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split(/=(.*)/s);
      out[k] = v !== undefined ? v : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    } else out._.push(a);
  }
  return out;
}

module.exports = { scenario, treeRow, SEL, workbenchUrl, launch, openWorkbench, waitForWorkbench, openViewContainer, treeLabels, runCommand, pickFolder, waitForToast, shot, attachConsole, parseArgs };
