// The extension in a real VS Code (code-server) extension host: roots, scans, the paged tree, status bar, commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StlManagerApi } from '../../src/extension/api';
import type { ScanOutcome } from '../../src/extension/scan/scan-controller';
import type { LibraryEntry, RootEntry } from '../../src/extension/tree/library-node';
import { BIG_FOLDER_VARIANTS, makeLibrary, type LibraryFixture } from './library-fixture';
import { activateExtension, TestDatabase } from './test-database';
import { treeChild as child, treeDescription as description, treeLabel as label } from './tree-rows';
import { waitFor } from './wait';


function icon(api: StlManagerApi, e: LibraryEntry): string {
  const i = api.tree.getTreeItem(e).iconPath;
  return i instanceof vscode.ThemeIcon ? i.id : '';
}
function settingRoots(): string[] {
  return vscode.workspace.getConfiguration('stlManager').get<string[]>('libraryRoots') ?? [];
}

describe('STL Manager extension', function () {
  let api: StlManagerApi;
  let lib: LibraryFixture;
  let dbPath: string;
  let testDb: TestDatabase;

  before(async function () {
    api = await activateExtension();
    lib = makeLibrary();
    dbPath = path.join(lib.dir, 'db', 'library.db');
    testDb = new TestDatabase(api, dbPath);
    await testDb.enter();
  });

  after(async function () {
    await testDb.leave();
    lib?.remove();
  });

  it('runs on its own database and no roots: the welcome view shows (tree empty)', async function () {
    assert.equal(api.session.dbPath, dbPath);
    // the database lives on the store's worker thread, not on the extension host thread
    assert.match((await api.session.get()).constructor.name, /WorkerStore$/);
    assert.deepEqual(await api.tree.getChildren(), []);
    await api.statusBar.refresh();
    assert.equal(api.statusBar.text, '$(database) 0 variants');
  });

  it('Add Library Folder writes the user setting and the store, and the tree shows the root', async function () {
    const added = await vscode.commands.executeCommand<string[]>('stlManager.addRoot', lib.root);
    assert.deepEqual(added, [lib.root]);
    assert.deepEqual(settingRoots(), [lib.root]);
    assert.equal(vscode.workspace.getConfiguration('stlManager').inspect<string[]>('libraryRoots')?.workspaceValue, undefined);
    const roots = await (await api.session.get()).listRoots();
    assert.deepEqual(roots.map((r) => r.path), [lib.root]);
    const top = await api.tree.getChildren();
    assert.deepEqual(top.map((e) => label(api, e)), ['Miniatures']);
    assert.equal(description(api, top[0]), 'not scanned');
    assert.equal(icon(api, top[0]), 'root-folder');
    // adding again changes nothing
    assert.deepEqual(await vscode.commands.executeCommand<string[]>('stlManager.addRoot', lib.root + path.sep), []);
    assert.deepEqual(settingRoots(), [lib.root]);
  });

  it('Scan Library fills the tree: roots → folders → variants with counts, sizes and kind icons', async function () {
    const outcomes = await vscode.commands.executeCommand<ScanOutcome[]>('stlManager.scan');
    assert.equal(outcomes.length, 1);
    const summary = outcomes[0].summary;
    assert.ok(summary, `scan failed: ${outcomes[0].error}`);
    assert.equal(summary.variants, 3 + BIG_FOLDER_VARIANTS);
    assert.equal(summary.cancelled, false);

    const [root] = await api.tree.getChildren();
    assert.equal(description(api, root), '');
    const folders = await api.tree.getChildren(root);
    assert.deepEqual(folders.map((e) => label(api, e)), ['Artisan Guild', 'Bulk Pack', 'Ghamak']);
    const guild = folders[0];
    assert.equal(icon(api, guild), 'folder');
    assert.match(description(api, guild), /^2 variants · \d+(\.\d)? KB$/);

    const variants = await api.tree.getChildren(guild);
    assert.deepEqual(variants.map((e) => label(api, e)), ['Dragon', 'Knight Commander']);
    const knight = variants[1];
    // the description ends with the counts (the effective designer may stand before them)
    assert.match(description(api, knight), /(^|· )4 files · 4\.7 KB$/);
    assert.equal(icon(api, knight), 'package');
    assert.equal(api.tree.getTreeItem(knight).collapsibleState, vscode.TreeItemCollapsibleState.None);
    const tooltip = api.tree.getTreeItem(knight).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(tooltip.value.includes(path.join(lib.root, 'Artisan Guild', 'Knight Commander')), tooltip.value);

    const ogre = await child(api, await child(api, root, 'Ghamak'), 'Ogre Warband');
    assert.match(description(api, ogre), /(^|· )2 files · 750 B$/);
  });

  it('pages a folder of more than 500 variants with "Load more…"', async function () {
    const [root] = await api.tree.getChildren();
    const bulk = await child(api, root, 'Bulk Pack');
    const t0 = Date.now();
    let page = await api.tree.getChildren(bulk);
    const firstPageMs = Date.now() - t0;
    assert.equal(page.length, 501);
    assert.equal(label(api, page[0]), 'Model 0000');
    let more = page[500];
    assert.equal(more.type, 'loadMore');
    assert.equal(label(api, more), 'Load more…');
    assert.equal(description(api, more), `${(BIG_FOLDER_VARIANTS - 500).toLocaleString('en-US')} more`);
    assert.equal(api.tree.getTreeItem(more).command?.command, 'stlManager.loadMore');

    assert.equal(await vscode.commands.executeCommand('stlManager.loadMore', more), 1000);
    page = await api.tree.getChildren(bulk);
    assert.equal(page.length, 1001);
    more = page[1000];
    assert.equal(await vscode.commands.executeCommand('stlManager.loadMore', more), BIG_FOLDER_VARIANTS);
    page = await api.tree.getChildren(bulk);
    assert.equal(page.length, BIG_FOLDER_VARIANTS);
    assert.equal(label(api, page.at(-1) as LibraryEntry), `Model ${BIG_FOLDER_VARIANTS - 1}`);
    assert.ok(page.every((e) => e.type === 'variant'));
    assert.ok(firstPageMs < 2000, `first page took ${firstPageMs} ms`);
  });

  it('shows the variant count in the status bar', async function () {
    await api.statusBar.refresh();
    assert.equal(api.statusBar.text, `$(database) ${(3 + BIG_FOLDER_VARIANTS).toLocaleString('en-US')} variants`);
    assert.equal(api.statusBar.item.command, 'workbench.view.extension.stlManager');
  });

  it('saves the database on a debounce after a scan', async function () {
    await waitFor('the database file', () => fs.existsSync(dbPath), 10_000);
    assert.ok(fs.statSync(dbPath).size > 0);
  });

  it('Rescan from the tree marks a deleted variant (missing) with a warning icon', async function () {
    fs.rmSync(path.join(lib.root, 'Ghamak', 'Ogre Warband'), { recursive: true });
    const [root] = await api.tree.getChildren();
    const outcomes = await vscode.commands.executeCommand<ScanOutcome[]>('stlManager.rescan', root);
    assert.equal(outcomes[0].summary?.variantsMissing, 1);
    const [rootAgain] = await api.tree.getChildren();
    const ogre = await child(api, await child(api, rootAgain, 'Ghamak'), 'Ogre Warband');
    assert.match(description(api, ogre), /^\(missing\) · (.+ · )?2 files · 750 B$/);
    assert.equal(icon(api, ogre), 'warning');
    assert.equal(api.tree.getTreeItem(ogre).contextValue, 'stlManager.missingVariant');
  });

  it('Cancel Scan aborts a running scan, which then marks nothing missing', async function () {
    this.timeout(120_000);
    // a root of its own with enough folders that the crawl is still running when the cancel arrives (the test
    // library rescans in ~0.1 s on a fast machine); removed again at the end, so later tests see the same store
    const big = path.join(lib.dir, 'Cancel Library');
    for (let d = 0; d < 4000; d++) {
      const folder = path.join(big, `Set ${Math.floor(d / 100)}`, `Model ${d}`);
      fs.mkdirSync(folder, { recursive: true });
      for (let f = 0; f < 5; f++) fs.writeFileSync(path.join(folder, `part_${f}.stl`), '');
    }
    await vscode.commands.executeCommand('stlManager.addRoot', big);
    try {
      const entry = (await api.tree.getChildren()).find((e) => e.type === 'root' && e.root.path === big);
      assert.ok(entry);
      const missingBefore = (await (await api.session.get()).stats()).variantsMissing;
      const running = vscode.commands.executeCommand<ScanOutcome[]>('stlManager.rescan', entry);
      await waitFor('the scan to start', () => api.scans.scanning);
      assert.equal(api.statusBar.text, '$(sync~spin) Scanning…');
      // a second request for the same root while it runs does not start another scan
      assert.deepEqual(await api.scans.scanRoots([big]), [{ rootPath: big, skipped: true }]);
      await waitFor('the crawl to report progress', () => api.scans.progress);
      assert.equal(await vscode.commands.executeCommand('stlManager.cancelScan'), 1);
      const [outcome] = await running;
      assert.ok(outcome.error === 'cancelled' || outcome.summary?.cancelled, JSON.stringify(outcome));
      assert.ok((outcome.summary?.files ?? 0) < 20_000, 'the crawl stopped before the end');
      assert.equal(api.scans.scanning, false);
      assert.equal((await (await api.session.get()).stats()).variantsMissing, missingBefore);
      await api.statusBar.refresh();
      assert.match(api.statusBar.text, /^\$\(database\) [\d,]+ variants$/);
    } finally {
      await vscode.commands.executeCommand('stlManager.removeRoot', big, { skipConfirmation: true });
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('Copy Path puts the absolute path of a variant on the clipboard', async function () {
    const [root] = await api.tree.getChildren();
    const dragon = await child(api, await child(api, root, 'Artisan Guild'), 'Dragon');
    const copied = await vscode.commands.executeCommand<string>('stlManager.copyPath', dragon);
    assert.equal(copied, path.join(lib.root, 'Artisan Guild', 'Dragon'));
    assert.equal(await vscode.env.clipboard.readText(), copied);
  });

  it('Reveal in File Explorer does not call the OS file manager in a browser window', async function () {
    const [root] = await api.tree.getChildren();
    const how = await vscode.commands.executeCommand<string>('stlManager.revealInOS', root);
    if (vscode.env.uiKind === vscode.UIKind.Web) assert.notEqual(how, 'os');
    assert.ok(['os', 'explorer', 'copied'].includes(how), how);
  });

  it('lists a real RAR archive (reference data) with the bundled 7-Zip worker', async function () {
    const ext = vscode.extensions.getExtension('stlmanager.stl-manager');
    const referenceDir = process.env.STLMGR_REFERENCE_DIR ?? path.resolve(ext?.extensionPath ?? '', '..', 'shared', 'reference');
    const rar = path.join(referenceDir, 'fixtures', 'archives', 'test-folder-2.rar');
    if (!fs.existsSync(rar)) {
      if (process.env.CI === 'true') throw new Error(`reference data not found at ${rar}`);
      this.skip();
    }
    const archiveRoot = path.join(lib.dir, 'Archive Library');
    fs.mkdirSync(path.join(archiveRoot, 'Pack'), { recursive: true });
    fs.copyFileSync(rar, path.join(archiveRoot, 'Pack', 'test-folder-2.rar'));
    await vscode.commands.executeCommand('stlManager.addRoot', archiveRoot);
    try {
      const entry = (await api.tree.getChildren()).find((e) => e.type === 'root' && e.root.path === archiveRoot);
      assert.ok(entry);
      const [outcome] = await vscode.commands.executeCommand<ScanOutcome[]>('stlManager.rescan', entry);
      assert.ok(outcome.summary, outcome.error);
      assert.equal(outcome.summary.archives, 1);
      const warnings = await (await api.session.get()).listWarnings(outcome.summary.rootId, 0, 10);
      // the archive holds only folders: "empty" is right; "corrupt" would mean the 7-Zip worker did not run
      assert.deepEqual(warnings.items.map((w) => w.code), ['archive_empty'], JSON.stringify(warnings.items));
    } finally {
      await vscode.commands.executeCommand('stlManager.removeRoot', archiveRoot, { skipConfirmation: true });
    }
  });

  it('follows hand edits of the libraryRoots setting', async function () {
    const second = path.join(lib.dir, 'Second Library');
    fs.mkdirSync(second);
    const config = vscode.workspace.getConfiguration('stlManager');
    await config.update('libraryRoots', [lib.root, second], vscode.ConfigurationTarget.Global);
    const store = await api.session.get();
    await waitFor('the second root in the store', async () => (await store.listRoots()).some((r) => r.path === second));
    await config.update('libraryRoots', [lib.root], vscode.ConfigurationTarget.Global);
    await waitFor('the second root to leave the store', async () => !(await store.listRoots()).some((r) => r.path === second));
  });

  it('recovers from a corrupt database by restoring its backup', async function () {
    await api.session.flush();
    const corruptPath = path.join(lib.dir, 'db2', 'library.db');
    fs.mkdirSync(path.dirname(corruptPath));
    fs.copyFileSync(dbPath, `${corruptPath}.bak`);
    fs.writeFileSync(corruptPath, 'this is not an SQLite database, it is garbage '.repeat(100));
    await vscode.workspace.getConfiguration('stlManager').update('databasePath', corruptPath, vscode.ConfigurationTarget.Global);
    await waitFor('the corrupt report', () => api.session.dbPath === corruptPath && api.session.corrupt);
    const movedTo = api.session.corrupt?.movedTo ?? '';
    assert.ok(fs.existsSync(movedTo), `corrupt file kept aside: ${movedTo}`);
    // the new, empty database already holds the setting's root, not scanned
    await waitFor('the root synced into the empty database', async () => (await (await api.session.get()).listRoots()).length === 1);
    assert.equal((await (await api.session.get()).listRoots())[0].lastScanAt, null);
    assert.equal((await (await api.session.get()).stats()).variants, 0);
    await api.session.recover('restoreBackup');
    assert.equal(api.session.corrupt, undefined);
    const roots = await (await api.session.get()).listRoots();
    assert.deepEqual(roots.map((r) => r.path), [lib.root]);
    assert.notEqual(roots[0].lastScanAt, null);
    assert.equal((await (await api.session.get()).stats()).variants, 3 + BIG_FOLDER_VARIANTS);
    await vscode.workspace.getConfiguration('stlManager').update('databasePath', dbPath, vscode.ConfigurationTarget.Global);
    await waitFor('the store back on the test database', () => api.session.dbPath === dbPath);
  });

  it('Remove Library Folder removes the root from the setting and the store; files stay', async function () {
    const [root] = await api.tree.getChildren();
    assert.equal(root.type, 'root');
    const removed = await vscode.commands.executeCommand<boolean>('stlManager.removeRoot', root as RootEntry, { skipConfirmation: true });
    assert.equal(removed, true);
    assert.deepEqual(settingRoots(), []);
    assert.deepEqual(await (await api.session.get()).listRoots(), []);
    assert.deepEqual(await api.tree.getChildren(), []);
    assert.ok(fs.existsSync(path.join(lib.root, 'Artisan Guild', 'Dragon', 'dragon.stl')));
    await api.statusBar.refresh();
    assert.equal(api.statusBar.text, '$(database) 0 variants');
  });
});
