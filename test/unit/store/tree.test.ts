import { strict as assert } from 'node:assert';
import { SqlStore } from '../../../src/core/store/sql-store';
import type { FolderNode, VariantNode } from '../../../src/core/store/types';
import { file, library, result } from './scan-results';

describe('store: listChildren (tree)', () => {
  let store: SqlStore;
  let rootId: number;
  beforeEach(async () => {
    store = await SqlStore.open(null);
    rootId = (await store.addRoot('/lib')).id;
  });
  afterEach(() => store.discard());

  it('root → designer folders → variants, with aggregate counts and sizes', async () => {
    const files = library(2, 3).concat(file('Designer 1/Kit/kit.stl', 1), file('Designer 1/Kit/Arms/arm.stl', 2), file('Designer 1/notes/readme.txt'));
    await store.applyScan(rootId, result(files));
    const top = await store.listChildren(rootId, '', 0, 50);
    assert.equal(top.total, 2);
    assert.deepEqual(
      top.items.map((n) => [n.type, n.name, (n as FolderNode).variantCount, n.fileCount]),
      [
        ['folder', 'Designer 0', 3, 9],
        ['folder', 'Designer 1', 5, 11],
      ],
    );
    assert.equal((top.items[0] as FolderNode).sizeBytes, 3 * 5 + (100 + 101 + 102) + (90 + 91 + 92));
    const d1 = await store.listChildren(rootId, 'Designer 1', 0, 50);
    assert.deepEqual(
      d1.items.map((n) => n.name),
      ['Kit', 'Model 0', 'Model 1', 'Model 2'],
      'the notes folder holds no variant and is not listed',
    );
    const kit = d1.items[0] as VariantNode;
    assert.equal(kit.type, 'variant');
    assert.equal(kit.hasChildren, true);
    assert.equal(kit.kind, 'model');
    assert.equal((d1.items[1] as VariantNode).hasChildren, false);
    const inKit = await store.listChildren(rootId, 'Designer 1/Kit', 0, 50);
    assert.deepEqual(inKit.items.map((n) => [n.type, n.relPath]), [['variant', 'Designer 1/Kit/Arms']]);
    assert.deepEqual(await store.listChildren(rootId, 'No such folder', 0, 10), { items: [], total: 0 });
  });

  it('pages, lists sub-folders before variants, sorts by name without case', async () => {
    const files = [file('D/b/x.stl'), file('D/A/x.stl'), file('D/c/x.stl'), file('D/Sub/deeper/x.stl')];
    await store.applyScan(rootId, result(files));
    const all = await store.listChildren(rootId, 'D', 0, 10);
    assert.deepEqual(all.items.map((n) => n.name), ['Sub', 'A', 'b', 'c']);
    const page = await store.listChildren(rootId, 'D', 1, 2);
    assert.equal(page.total, 4);
    assert.deepEqual(page.items.map((n) => n.name), ['A', 'b']);
  });

  it('missing variants stay in the tree, flagged', async () => {
    await store.applyScan(rootId, result(library(1, 2)));
    await store.applyScan(rootId, result(library(1, 1)));
    const items = (await store.listChildren(rootId, 'Designer 0', 0, 10)).items as VariantNode[];
    assert.deepEqual(items.map((v) => [v.name, v.missing]), [['Model 0', false], ['Model 1', true]]);
  });

  it('pages fast through a folder of 20,000 variants', async function () {
    this.timeout(60_000);
    const files = [];
    for (let i = 0; i < 20_000; i++) files.push(file(`Big Designer/Model ${String(i).padStart(5, '0')}/m.stl`, i));
    await store.applyScan(rootId, result(files));
    const t0 = performance.now();
    const first = await store.listChildren(rootId, 'Big Designer', 0, 200);
    const last = await store.listChildren(rootId, 'Big Designer', 19_900, 200);
    const ms = (performance.now() - t0) / 2;
    assert.equal(first.total, 20_000);
    assert.equal(first.items[0].name, 'Model 00000');
    assert.equal(last.items.length, 100);
    assert.equal(last.items[99].name, 'Model 19999');
    const top = (await store.listChildren(rootId, '', 0, 10)).items[0] as FolderNode;
    assert.equal(top.variantCount, 20_000);
    // A guard against pathological paging (a full scan per page), not a benchmark: generous for a loaded 2-core CI.
    assert.ok(ms < 1500, `a page took ${ms.toFixed(1)} ms`);
  });
});
