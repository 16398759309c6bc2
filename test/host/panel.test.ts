// The variant panel in a real VS Code extension host: opening it from the tree, its CSP and resource roots, setting
// and clearing overrides through the panel's message protocol, a refused path, a bulk override on a selection and
// the revert of that batch; the tree labels follow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StlManagerApi } from '../../src/extension/api';
import type { VariantFeatures } from '../../src/extension/panel/variant-features';
import type { LibraryEntry } from '../../src/extension/tree/library-node';
import type { OverrideResult } from '../../src/core/store/overrides';
import type { ToWebview } from '../../src/shared/panel-protocol';
import { activateExtension, TestDatabase, writeBytes } from './test-database';
import { treeDescription, variantAt } from './tree-rows';
import { waitFor } from './wait';

// PANEL_VIEW_TYPE of src/shared/panel-protocol.ts (host tests are transpiled, not bundled: only types come from src/)
const PANEL_VIEW_TYPE = 'stlManager.variant';

describe('STL Manager variant panel and overrides', function () {
  let api: StlManagerApi;
  let features: VariantFeatures;
  let dir: string;
  let root: string;
  let dbPath: string;
  let testDb: TestDatabase;
  let requestId = 100;

  const description = (e: LibraryEntry) => treeDescription(api, e);
  const variantEntry = (folder: string, name: string) => variantAt(api, `${folder}/${name}`);
  const variantId = (e: LibraryEntry) => (e.type === 'variant' ? e.node.id : -1);
  async function send(message: Record<string, unknown>): Promise<Extract<ToWebview, { type: 'result' }>> {
    const id = requestId++;
    await features.panel.handleMessage({ ...message, requestId: id });
    const result = features.panel.sent.find((m): m is Extract<ToWebview, { type: 'result' }> => m.type === 'result' && m.requestId === id);
    assert.ok(result, `no result for request ${id}`);
    return result;
  }
  async function effective(id: number, field: string) {
    const d = await (await api.session.get()).getVariantDetail(id);
    return d?.fields.find((f) => f.field === field);
  }

  before(async function () {
    this.timeout(60_000);
    api = await activateExtension();
    features = await vscode.commands.executeCommand<VariantFeatures>('stlManager.variantFeatures');
    assert.ok(features?.panel, 'stlManager.variantFeatures returned nothing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stlmgr-panel-'));
    root = path.join(dir, 'Minis');
    writeBytes(path.join(root, 'Artisan Guild', 'Knight', 'knight.stl'), 1000);
    writeBytes(path.join(root, 'Artisan Guild', 'Knight', 'preview.png'), 100);
    writeBytes(path.join(root, 'Artisan Guild', 'Archer', 'archer.stl'), 900);
    writeBytes(path.join(root, 'Ghamak', 'Ogre', 'ogre.obj'), 700);
    dbPath = path.join(dir, 'db', 'library.db');
    testDb = new TestDatabase(api, dbPath);
    await testDb.enter();
    // the tree refreshes after the normalization that follows the scan: let it finish
    await testDb.scanNormalized(root, 3);
    await new Promise((r) => setTimeout(r, 500));
  });

  after(async function () {
    this.timeout(30_000);
    features?.panel.current?.panel.dispose();
    await testDb.leave();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('selecting a variant in the tree opens the panel, with a nonce CSP and resource roots limited to the bundle and the variant folder', async function () {
    const knight = await variantEntry('Artisan Guild', 'Knight');
    await api.treeView.reveal(knight, { select: true, focus: true });
    await waitFor('the panel to show the Knight', () => features.panel.current?.variantId === variantId(knight), 30_000);
    const current = features.panel.current!;
    await waitFor('the variant message', () => features.panel.sent.some((m) => m.type === 'variant' && m.variant.id === variantId(knight)), 30_000);
    const { panel } = current;
    assert.equal(panel.title, 'Knight');
    const html = panel.webview.html;
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)'/.exec(html)?.[1];
    assert.ok(nonce, 'CSP with a script nonce');
    assert.ok(html.includes(`<script nonce="${nonce}"`));
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /'unsafe-eval'|'unsafe-inline'/);
    const roots = (panel.webview.options.localResourceRoots ?? []).map((u) => u.fsPath);
    assert.equal(roots.length, 2);
    assert.ok(roots[0]!.endsWith(path.join('dist', 'webview')));
    assert.equal(roots[1], path.join(root, 'Artisan Guild', 'Knight'));
    const view = features.panel.sent.filter((m) => m.type === 'variant').at(-1);
    assert.ok(view && view.type === 'variant');
    assert.deepEqual(view.variant.images.map((i) => i.name), ['preview.png']);
    assert.equal(view.variant.files.length, 2);
  });

  it('a panel restored after a window reload (the serializer) shows its variant again; bad state gives an empty panel', async function () {
    const knight = await variantEntry('Artisan Guild', 'Knight');
    const id = variantId(knight);
    const restore = async (state: unknown) => {
      const restored = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Variant', vscode.ViewColumn.Active, {});
      await features.serializer.deserializeWebviewPanel(restored, state);
      return restored;
    };
    const sentBefore = features.panel.sent.length;
    const restored = await restore({ variantId: id });
    assert.equal(features.panel.current?.panel, restored, 'the restored panel is the one in use');
    assert.equal(features.panel.current?.variantId, id);
    assert.ok(features.panel.sent.slice(sentBefore).some((m) => m.type === 'variant' && m.variant.id === id), 'the variant was sent to it');
    assert.match(restored.webview.html, /script-src 'nonce-/, 'the restored panel gets the same CSP');
    const empty = await restore({ variantId: 'not a number' });
    assert.equal(features.panel.current?.panel, empty);
    assert.equal(features.panel.current?.variantId, undefined, 'invalid state loads nothing');
    empty.dispose();
  });

  it('sets and clears an override through the message protocol; the tree label follows; a path outside the library is refused', async function () {
    const knight = await variantEntry('Artisan Guild', 'Knight');
    const id = variantId(knight);
    await features.panel.show(id);
    // save what the scan and normalization left, so no debounced save (1.5 s after them) can land between the
    // override and the journal read below and empty the journal into the file
    await api.session.flush();
    const set = await send({ type: 'setOverride', variantId: id, field: 'designer', value: 'titan_forge' });
    assert.equal(set.ok, true, set.message);
    // durable before the debounced save of the whole database: the edit is in the journal beside it
    const journal = fs.readFileSync(`${dbPath}.journal`, 'utf8');
    assert.match(journal, /"titan_forge"/, 'the override is in the edit journal when the call returns');
    const designer = await effective(id, 'designer');
    assert.deepEqual([designer?.overridden, designer?.override, designer?.effective], [true, 'titan_forge', 'titan_forge']);
    assert.notEqual(designer?.auto, 'titan_forge', 'the automatic value is kept apart');
    assert.match(description(await variantEntry('Artisan Guild', 'Knight')), /^Titan Forge · /);
    const last = features.panel.sent.filter((m) => m.type === 'variant').at(-1);
    assert.ok(last?.type === 'variant', 'the panel got the new state');
    const entry = last.variant.history[0];
    assert.deepEqual([entry?.newValue, entry?.fieldLabel, entry?.newLabel], ['titan_forge', 'Designer', 'Titan Forge'], 'the history row reads as names');

    const bad = await send({ type: 'setOverride', variantId: id, field: 'support_state', value: 'glued' });
    assert.equal(bad.ok, false);
    assert.match(bad.message ?? '', /one of presupported/);

    const clear = await send({ type: 'clearOverride', variantId: id, field: 'designer' });
    assert.equal(clear.ok, true);
    assert.equal((await effective(id, 'designer'))?.overridden, false);
    assert.doesNotMatch(description(await variantEntry('Artisan Guild', 'Knight')), /Titan Forge/);

    const refused = await send({ type: 'openPath', path: path.join(dir, 'db', 'library.db') });
    assert.equal(refused.ok, false);
    assert.match(refused.message ?? '', /outside the library folders/);
    const sneaky = await send({ type: 'openPath', path: path.join(root, '..', 'db', 'library.db') });
    assert.equal(sneaky.ok, false);
    const before = features.panel.sent.length;
    await features.panel.handleMessage({ type: 'setOverride', variantId: 'x', field: 'designer' });
    assert.equal(features.panel.sent.length, before, 'a malformed message is dropped without an answer');
  });

  it('bulk-overrides a tree selection as one batch and reverts the batch from the panel', async function () {
    const entries = [await variantEntry('Artisan Guild', 'Knight'), await variantEntry('Artisan Guild', 'Archer'), await variantEntry('Ghamak', 'Ogre')];
    const ids = entries.map(variantId);
    const designerState = async (id: number) => {
      const f = await effective(id, 'designer');
      return { overridden: f?.overridden, effective: f?.effective };
    };
    const before = await Promise.all(ids.map(designerState));
    const r = await vscode.commands.executeCommand<OverrideResult>('stlManager.overrideSelection', entries[0], entries, { field: 'designer', value: 'cyber_forge' });
    assert.equal(r.entries, 3);
    assert.equal(r.variants, 3);
    for (const id of ids) assert.equal((await effective(id, 'designer'))?.effective, 'cyber_forge');
    assert.match(description(await variantEntry('Ghamak', 'Ogre')), /^Cyber Forge · /);
    const hits = await (await api.session.get()).searchVariants('cyber', 10);
    assert.equal(hits.hits.length, 3, 'search follows the override');

    await features.panel.show(ids[2]!);
    const revert = await send({ type: 'revert', target: { batchId: r.batchId } });
    assert.equal(revert.ok, true, revert.message);
    assert.match(revert.message ?? '', /3 change/);
    assert.deepEqual(await Promise.all(ids.map(designerState)), before, 'each variant is back to its value before the batch');
    assert.doesNotMatch(description(await variantEntry('Ghamak', 'Ogre')), /Cyber Forge/);
    const history = await (await api.session.get()).listAudit(ids[2]!, 0, 10);
    assert.deepEqual(history.items.map((h) => h.source), ['revert', 'bulk']);
  });

  it('exports effective values with the Export Library command', async function () {
    const knight = variantId(await variantEntry('Artisan Guild', 'Knight'));
    await (await api.session.get()).applyOverrides({ variantIds: [knight], changes: [{ field: 'notes', value: 'exported note' }], source: 'user' });
    const out = path.join(dir, 'export.json');
    const n = await vscode.commands.executeCommand<number>('stlManager.exportLibrary', vscode.Uri.file(out), 'json');
    assert.equal(n, 3);
    const rows = JSON.parse(fs.readFileSync(out, 'utf8')) as { rel_path: string; fields: Record<string, unknown> }[];
    assert.equal(rows.find((r) => r.rel_path === 'Artisan Guild/Knight')?.fields.notes, 'exported note');
  });
});
