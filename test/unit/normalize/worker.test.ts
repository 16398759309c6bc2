// Normalization through the store worker (what the extension calls): progress events, the result in tree rows.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WorkerStore } from '../../../src/core/store/worker-store';

describe('normalize: in the store worker', function () {
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-normworker-'));
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('normalizes with progress, then the tree rows carry designer, support state and warnings', async function () {
    const lib = join(dir, 'lib');
    for (const f of ['Acme Forge - Knight/Supported/knight.stl', 'Acme Forge - Knight/Unsupported/knight.stl', 'Loose/rat_split_merged.stl']) {
      mkdirSync(dirname(join(lib, f)), { recursive: true });
      writeFileSync(join(lib, f), 'x');
    }
    const vocab = join(dir, 'vocab');
    mkdirSync(vocab);
    writeFileSync(join(vocab, 'designers_tokenmap.json'), JSON.stringify({ designers_map_version: 2, designers: { acme_forge: { aliases: ['acme forge'] } } }));
    const store = await WorkerStore.open(join(dir, 'lib.db'), { saveDelayMs: 0 });
    try {
      await store.scanLibrary(lib);
      const seen: number[] = [];
      const s = await store.normalizeLibrary({ vocabDirs: [vocab], onProgress: (p) => seen.push(p.done) });
      assert.deepEqual([s.variants, s.normalized, s.cancelled], [2, 2, false]);
      assert.ok(seen.length >= 1);
      const root = (await store.listRoots())[0];
      const rows = (await store.listChildren(root.id, '', 0, 10)).items;
      const knight = rows.find((r) => r.relPath === 'Acme Forge - Knight');
      assert.ok(knight && knight.type === 'variant');
      assert.equal(knight.designer, 'acme_forge');
      assert.equal(knight.supportState, 'supported');
      assert.deepEqual(knight.warnings, ['support_state_conflict']);
      const again = await store.normalizeLibrary({ vocabDirs: [vocab] });
      assert.deepEqual([again.normalized, again.skipped], [0, 2]);
    } finally {
      await store.close();
    }
  });
});
