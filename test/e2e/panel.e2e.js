#!/usr/bin/env node
// End-to-end, in a real VS Code (code-server) driven by headless Chromium: scan a small library, click a variant in
// the Library tree (the detail panel opens), change its designer from the panel (its "Change…" button opens VS Code's
// searchable quick pick fed by the vocabulary; typing filters it), see the tree label change, revert the change from the panel's
// History tab, see the label go back; then Search Library (results as you type, Enter opens the hit) and Filter Library
// (designer values by name → the Filtered view). Screenshots go to --shots. Run it with test/e2e/panel-run.sh.
//   node test/e2e/panel.e2e.js --port P --folder WORKSPACE --library DIR --ext-dev EXT_DIR --shots DIR
// Prints one JSON line {passed, failed, checks, timings}; exit 0 when every check passed.
'use strict';
const path = require('node:path');
const wb = require('../../scripts/e2e/workbench');

const args = wb.parseArgs(process.argv.slice(2));
const port = Number(args.port);
const folder = path.resolve(args.folder);
const library = path.resolve(args.library);
const extDev = path.resolve(args['ext-dev']);
const shots = path.resolve(args.shots);
const VIEW = 'Library';
const { T0, log, check, finish } = wb.scenario('panel-e2e');


const row = (page, label) => wb.treeRow(page, VIEW, label).first();

/** Expands a row; retries, since the tree re-renders when normalization finishes after the scan. */
async function expand(page, label, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const r = row(page, label);
    if ((await r.count()) > 0) {
      if ((await r.getAttribute('aria-expanded').catch(() => null)) !== 'true') await r.locator('.label-name').click().catch(() => {});
      const ok = await row(page, child).waitFor({ timeout: 3_000 }).then(() => true, () => false);
      if (ok) return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`could not expand ${label} to show ${child}`);
}

const description = (page, label) => row(page, label).locator('.label-description').innerText();

async function waitForDescription(page, label, re, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await description(page, label).catch(() => '');
    if (re.test(last)) return last;
    await page.waitForTimeout(200);
  }
  return last;
}

/** The panel's document: the webview's outer iframe, then its active inner frame, found by a selector of ours. */
async function panelFrame(page) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const outers = page.frameLocator('iframe.webview.ready');
    const n = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < n; i++) {
      const inner = outers.nth(i).frameLocator('iframe#active-frame');
      if ((await inner.locator('tr[data-field="designer"]').count().catch(() => 0)) > 0) return inner;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the variant panel did not render');
}

/** F1 → a command that opens a quick pick of its own → wait for that quick pick's title. */
async function openQuickPickCommand(page, command, title) {
  // a quick pick closes when focus leaves it (a panel opening late takes it): open again when that happened
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const box = page.locator(wb.SEL.quickInputBox);
    await box.waitFor({ state: 'visible' });
    await box.fill(`>${command}`);
    await page.locator(wb.SEL.quickInputFocusedRow, { hasText: command }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const titled = page.locator('.quick-input-widget .quick-input-title', { hasText: title });
    await titled.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    if (await titled.isVisible()) return;
  }
  throw new Error(`the quick pick of "${command}" did not stay open`);
}

/** Types into the quick input until `shows` appears: keys pressed while the quick pick is still taking over the
 *  command palette's widget can be lost, so a miss retypes (at most three times). */
async function typeUntil(page, text, shows) {
  const box = page.locator(wb.SEL.quickInputBox);
  for (let i = 0; i < 3; i++) {
    await box.fill(text);
    if (await shows.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`typing "${text}" did not show the expected quick pick row`);
}

/** The panel's heading once it names `name` (the panel is reused for the next variant). */
async function waitForPanelTitle(page, name, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    const frame = await panelFrame(page).catch(() => null);
    last = frame ? await frame.locator('h1').innerText().catch(() => '') : '';
    if (last.includes(name)) return last;
    await page.waitForTimeout(250);
  }
  return last;
}

async function main() {
  const timings = {};
  const { page, close } = await wb.openWorkbench(wb.workbenchUrl({ port, folder, devPath: extDev }), shots);
  try {
    await wb.openViewContainer(page, 'STL Manager');
    const rootName = path.basename(library);
    await row(page, rootName).waitFor({ timeout: 60_000 });
    await wb.runCommand(page, 'STL Manager: Scan Library');
    const toast = await wb.waitForToast(page, 'STL Manager: scanned', 60_000);
    check('the library is scanned', /3 variants/.test(toast), toast);
    await expand(page, rootName, 'Artisan Guild');
    await expand(page, 'Artisan Guild', 'Knight Commander');
    const before = await description(page, 'Knight Commander');
    check('the Knight shows its files (and its automatic designer, when the vocabulary knows it)', / files · /.test(before) && !before.startsWith('titan_forge'), before);

    // 1. a click on the variant opens the detail panel
    const tOpen = Date.now();
    await row(page, 'Knight Commander').locator('.label-name').click();
    const panel = await panelFrame(page);
    timings.clickToPanelMs = Date.now() - tOpen;
    check('the panel shows the variant', (await panel.locator('h1').innerText()).includes('Knight Commander'));
    check('the panel lists the preview image', (await panel.locator('img[alt="preview.png"]').count()) === 1);
    await wb.shot(page, shots, '01-panel-open');

    // 2. change the designer: "Change…" → VS Code's quick pick → type a key → Enter
    await panel.locator('tr[data-field="designer"] vscode-button[data-action="pick"]').click();
    const box = page.locator(wb.SEL.quickInputBox);
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    await box.fill('titan');
    await page.locator(wb.SEL.quickInputFocusedRow, { hasText: /titan.forge/i }).first().waitFor({ timeout: 15_000 });
    await wb.shot(page, shots, '02-designer-picker');
    await page.keyboard.press('Enter');
    await page.locator(wb.SEL.quickInput).waitFor({ state: 'hidden', timeout: 15_000 });
    const changed = await waitForDescription(page, 'Knight Commander', /^Titan Forge · /);
    check('the tree label shows the new designer', /^Titan Forge · /.test(changed), changed);
    const effective = await panel.locator('tr[data-field="designer"] td.effective').innerText();
    check('the panel shows the override as the effective value, by its display name', effective.includes('Titan Forge'), effective);
    await wb.shot(page, shots, '03-designer-changed');

    // 3. revert it from the History tab
    await panel.locator('vscode-tab-header[data-tab="history"]').click();
    const revert = panel.locator('tr[data-entry] vscode-button[data-action="revert-entry"]').first();
    await revert.waitFor({ timeout: 10_000 });
    await wb.shot(page, shots, '04-history');
    const change = await panel.locator('tr[data-entry]').first().innerText();
    check('the history row names the field and the designer', /Designer/.test(change) && /Titan Forge/.test(change) && !/titan_forge/.test(change), change);
    await revert.click();
    const reverted = await waitForDescription(page, 'Knight Commander', new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    check('the tree label is back after the revert', reverted === before, reverted);
    await panel.locator('tr[data-entry]').nth(1).waitFor({ timeout: 10_000 });
    const sources = await panel.locator('tr[data-entry] td:nth-child(4)').allInnerTexts();
    check('the history keeps both entries (revert written as a new one)', sources.length === 2 && sources[0].startsWith('revert'), sources);
    await wb.shot(page, shots, '05-reverted');

    // 4. Search Library: the results follow the typed words; Enter opens the hit in the panel
    await openQuickPickCommand(page, 'STL Manager: Search Library', 'Search Library');
    const qpRows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await typeUntil(page, 'dra', qpRows.filter({ hasText: 'Dragon' }).first());
    check('search as you type: "dra" finds the Dragon only', (await qpRows.count()) === 1, await qpRows.allInnerTexts());
    const ogre = qpRows.filter({ hasText: 'Ogre Warband' }).first();
    await typeUntil(page, 'ogre warb', ogre);
    const ogreText = await ogre.innerText();
    check('a hit shows its designer by name and its path', /Ghamak/.test(ogreText) && ogreText.includes('Ghamak/Ogre Warband'), ogreText);
    await wb.shot(page, shots, '06-search');
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row').length === 1, null, { timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator(wb.SEL.quickInput).waitFor({ state: 'hidden', timeout: 15_000 });
    const opened = await waitForPanelTitle(page, 'Ogre Warband');
    check('Enter on a hit opens it in the panel', opened.includes('Ogre Warband'), opened);
    const sizeLine = await (await panelFrame(page)).locator('header p').nth(1).innerText();
    check('the panel header counts one file in the singular', sizeLine === '1 file · 700 B', sizeLine);
    await page.waitForTimeout(1_000); // the panel settles (it takes focus as it loads)

    // 5. Filter Library: facet → values by their vocabulary names with counts → the Filtered view
    await openQuickPickCommand(page, 'STL Manager: Filter Library', 'Filter Library');
    await page.locator(wb.SEL.quickInputBox).fill('Designer');
    await page.locator(wb.SEL.quickInputFocusedRow, { hasText: 'Designer' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const artisan = qpRows.filter({ hasText: 'Artisan Guild Miniatures' }).first();
    await artisan.waitFor({ timeout: 15_000 });
    const artisanText = await artisan.innerText();
    check('designer values read as names, with the count and the key', /Artisan Guild Miniatures[\s\S]*2 · artisan_guild_miniatures/.test(artisanText), artisanText);
    await wb.shot(page, shots, '07-filter-designer');
    // a click on a row of a multi-select quick pick ticks it; OK accepts the ticked values
    await artisan.locator('.label-name').first().click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first().click();
    await page.locator(wb.SEL.quickInput).waitFor({ state: 'hidden', timeout: 15_000 });
    const filteredRows = page.locator('.part.sidebar .monaco-list[role="tree"][aria-label="Filtered"] .monaco-list-row .label-name');
    const filteredOk = await page
      .waitForFunction(() => {
        const names = [...document.querySelectorAll('.part.sidebar .monaco-list[role="tree"][aria-label="Filtered"] .monaco-list-row .label-name')].map((e) => e.textContent);
        return names.includes('Knight Commander') && names.includes('Dragon') && !names.includes('Ogre Warband');
      }, null, { timeout: 20_000 })
      .then(() => true, () => false);
    check('the Filtered view shows the designer\'s two variants', filteredOk, await filteredRows.allInnerTexts());
    await wb.shot(page, shots, '08-filtered');
    timings.totalMs = Date.now() - T0;
    return { timings };
  } finally {
    await close();
  }
}

finish(main, { scenario: 'panel' });
