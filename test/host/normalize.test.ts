// Normalization and the facet filter in a real VS Code extension host: "Normalize Library" (unchanged variants
// skipped, --force re-runs all, overrides untouched), the tree's designer / support state / warnings, and "Filter
// Library" with the Filtered view naming vocabulary keys by their display names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NormalizeSummary } from '../../src/core/normalize/pipeline';
import type { StlManagerApi } from '../../src/extension/api';
import type { FilteredEntry } from '../../src/extension/facets/filtered-view';
import type { VariantFeatures } from '../../src/extension/panel/variant-features';
import { activateExtension, TestDatabase, writeBytes } from './test-database';
import { variantAt } from './tree-rows';
import { waitFor } from './wait';

const KNIGHT = 'Artisan Guild/Knight Commander';
const MARINES = 'Titan Forge/Space Marines Intercessors 32mm';
const LIBERATORS = 'Cyber Forge/Stormcast Eternals Liberators Split';

describe('STL Manager normalization and facet filter', function () {
  let api: StlManagerApi;
  let features: VariantFeatures;
  let dir: string;
  let root: string;
  let dbPath: string;
  let testDb: TestDatabase;
  const ids = new Map<string, number>();

  const text = (v: string | boolean | vscode.MarkdownString | vscode.TreeItemLabel | undefined): string =>
    typeof v === 'string' ? v : typeof v === 'boolean' || v === undefined ? '' : v instanceof vscode.MarkdownString ? v.value : v.label;
  const variantItem = async (relPath: string) => api.tree.getTreeItem(await variantAt(api, relPath));
  const normalize = (options?: { force: boolean }) => vscode.commands.executeCommand<NormalizeSummary>('stlManager.normalizeLibrary', options);
  const effective = async (relPath: string, field: string) =>
    (await (await api.session.get()).getVariantDetail(ids.get(relPath)!))?.fields.find((f) => f.field === field);

  before(async function () {
    this.timeout(90_000);
    api = await activateExtension();
    features = await vscode.commands.executeCommand<VariantFeatures>('stlManager.variantFeatures');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stlmgr-normalize-'));
    root = path.join(dir, 'Minis');
    writeBytes(path.join(root, KNIGHT, 'supported', 'knight_body.stl'), 1000);
    writeBytes(path.join(root, KNIGHT, 'unsupported', 'knight_body.stl'), 900);
    writeBytes(path.join(root, MARINES, 'intercessor_presupported.stl'), 800);
    writeBytes(path.join(root, LIBERATORS, 'liberator_unsupported.stl'), 700);
    dbPath = path.join(dir, 'db', 'library.db');
    testDb = new TestDatabase(api, dbPath);
    await testDb.enter();
    for (const v of await testDb.scanNormalized(root, 3)) ids.set(v.relPath, v.id);
    for (const rel of [KNIGHT, MARINES, LIBERATORS]) assert.ok(ids.has(rel), `variant ${rel} (found ${[...ids.keys()].join(', ')})`);
  });

  after(async function () {
    this.timeout(30_000);
    await vscode.commands.executeCommand('stlManager.clearFilter');
    await testDb.leave();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the tree shows the designer and support state of each variant, and its warnings in the tooltip', async function () {
    assert.match(text((await variantItem(MARINES)).description), /^Titan Forge · presupported · 1 file/);
    assert.match(text((await variantItem(KNIGHT)).description), /^Artisan Guild Miniatures · /);
    const liberators = await variantItem(LIBERATORS);
    assert.match(text(liberators.description), /^Cyber Forge · unsupported · /);
    const warnings = (await (await api.session.get()).getVariantDetail(ids.get(LIBERATORS)!))?.warnings ?? [];
    assert.ok(warnings.length > 0, 'the Liberators carry a warning');
    // each warning in words, with its code (markdown escapes undone)
    const tooltip = text(liberators.tooltip).replace(/\\(.)/g, '$1');
    for (const w of warnings) assert.ok(tooltip.includes(`(${w})`), `tooltip names ${w}: ${tooltip}`);
    assert.ok(tooltip.includes('A faction-like word without a game system'), tooltip);
  });

  it('"Normalize Library" skips unchanged variants, re-runs all with force, and leaves overrides alone', async function () {
    this.timeout(60_000);
    const again = await normalize();
    assert.equal(again.variants, ids.size);
    assert.equal(again.normalized, 0, 'nothing changed since the normalization after the scan');
    assert.equal(again.skipped, ids.size);
    assert.equal(again.cancelled, false);

    const store = await api.session.get();
    const r = await store.applyOverrides({ variantIds: [ids.get(MARINES)!], changes: [{ field: 'support_state', value: 'unsupported' }], source: 'user' });
    assert.equal(r.entries, 1);
    const forced = await normalize({ force: true });
    assert.equal(forced.normalized, ids.size, 'force re-runs every variant');
    assert.equal(forced.skipped, 0);
    const support = await effective(MARINES, 'support_state');
    assert.deepEqual([support?.auto, support?.override, support?.effective], ['presupported', 'unsupported', 'unsupported']);
    await waitFor('the tree to show the override', async () => /^Titan Forge · unsupported · /.test(text((await variantItem(MARINES)).description)));
    await store.applyOverrides({ variantIds: [ids.get(MARINES)!], changes: [{ field: 'support_state', clear: true }], source: 'user' });
  });

  it('"Filter Library" fills the Filtered view; facet values read as vocabulary names', async function () {
    const store = await api.session.get();
    const counts = await store.facetCounts({});
    const faction = counts.facets.faction.find((c) => /space_marines/.test(c.value));
    assert.ok(faction, `a Space Marines faction value (got ${counts.facets.faction.map((c) => c.value).join(', ')})`);
    assert.equal(features.filter.valueLabel('faction', faction.value), 'Space Marines');
    assert.equal(features.filter.valueLabel('designer', 'titan_forge'), 'Titan Forge');
    assert.equal(features.filter.valueLabel('designer', ''), '(no value)');
    assert.equal(features.filter.valueLabel('support_state', 'presupported'), 'presupported');

    await vscode.commands.executeCommand('stlManager.filterLibrary', { values: { designer: ['titan_forge', 'cyber_forge'] }, nsfw: 'show' });
    assert.equal(features.filter.describe(), 'Designer: Titan Forge, Cyber Forge');
    const rows = (await features.filtered.getChildren()) as FilteredEntry[];
    assert.equal(rows[0]?.type, 'message');
    assert.match(text(features.filtered.getTreeItem(rows[0]!).label), /^2 variants match/);
    const shown = rows.slice(1).map((e) => features.filtered.getTreeItem(e));
    assert.deepEqual(shown.map((i) => text(i.label)).sort(), ['Space Marines Intercessors 32mm', 'Stormcast Eternals Liberators Split']);
    assert.deepEqual(shown.map((i) => text(i.description)).sort(), ['Cyber Forge', 'Titan Forge']);

    await vscode.commands.executeCommand('stlManager.filterLibrary', { values: { faction: [faction.value] }, nsfw: 'show' });
    const one = (await features.filtered.getChildren()) as FilteredEntry[];
    assert.deepEqual(one.slice(1).map((e) => text(features.filtered.getTreeItem(e).label)), ['Space Marines Intercessors 32mm']);
    assert.equal(features.filter.describe(), 'Faction: Space Marines');
    await vscode.commands.executeCommand('stlManager.clearFilter');
    assert.equal(features.filter.active, false);
  });
});
