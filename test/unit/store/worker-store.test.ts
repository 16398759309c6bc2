import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SqlStore } from '../../../src/core/store/sql-store';
import { WorkerStore } from '../../../src/core/store/worker-store';
import type { ScanProgress } from '../../../src/core/scan/types';

describe('store: WorkerStore (database in a worker thread)', function () {
  this.timeout(60_000);
  let dir: string;
  let lib: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-worker-'));
    lib = join(dir, 'lib');
    for (const rel of ['D/Model A/a.stl', 'D/Model B/b.stl', 'D/Model B/b.jpg']) {
      mkdirSync(dirname(join(lib, rel)), { recursive: true });
      writeFileSync(join(lib, rel), 'solid');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scans in the worker with progress, answers queries, saves after changes, and closes', async () => {
    const dbPath = join(dir, 'w.db');
    let saves = 0;
    const store = await WorkerStore.open(dbPath, { saveDelayMs: 10, onSaved: () => saves++ });
    assert.equal(store.openReport.created, true);
    const progress: ScanProgress[] = [];
    const summary = await store.scanLibrary(lib, { onProgress: (p) => progress.push(p) });
    assert.equal(summary.files, 3);
    assert.equal(summary.variants, 2);
    assert.ok(progress.length > 0);
    const roots = await store.listRoots();
    assert.equal(roots.length, 1);
    const top = await store.listChildren(roots[0].id, '', 0, 10);
    assert.deepEqual(top.items.map((n) => [n.type, n.name]), [['folder', 'D']]);
    const sig = await store.archiveSignatures(roots[0].id);
    assert.ok(sig instanceof Map);
    assert.equal((await store.applyScan(roots[0].id, { rootPath: lib, files: [], archives: [], variants: [], warnings: [], cancelled: true, crawlMs: 0 })).writes, 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(saves >= 1, 'a change is saved after the debounce');
    assert.ok(existsSync(dbPath));
    await store.close();
    await assert.rejects(store.stats(), /closed/);
    const reopened = await SqlStore.open(dbPath);
    assert.equal((await reopened.stats()).variants, 2);
    reopened.discard();
  });

  it('errors cross back as rejected promises with the error name and message', async () => {
    const store = await WorkerStore.open(null);
    await assert.rejects(store.applyScan(42, { rootPath: '/x', files: [], archives: [], variants: [], warnings: [], cancelled: false, crawlMs: 0 }), (err: Error) => {
      assert.equal(err.name, 'UnknownRootError');
      assert.match(err.message, /no library root with id 42/);
      return true;
    });
    await assert.rejects(store.scanLibrary(join(dir, 'does-not-exist')), { name: 'RootUnavailableError' });
    assert.equal((await store.stats()).roots, 0, 'an absent folder is not registered');
    await store.close();
  });

  it('a database from a newer schema makes open reject and leaves the file alone', async () => {
    const path = join(dir, 'newer.db');
    const s = await SqlStore.open(path);
    s.db.exec('PRAGMA user_version = 999');
    await s.close();
    await assert.rejects(WorkerStore.open(path), /newer/);
    assert.ok(existsSync(path));
  });
});
