import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RootUnavailableError, scanLibrary, ScanInProgressError } from '../../../src/core/store/scan-library';
import { SqlStore } from '../../../src/core/store/sql-store';

// The real scanner on a real folder tree, into a real store.
describe('store: scanLibrary on a real folder', () => {
  let dir: string;
  let lib: string;
  let store: SqlStore;
  const put = (rel: string, content = 'solid x') => {
    const p = join(lib, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-scanlib-'));
    lib = join(dir, 'lib');
    put('Designer A/Orc Boss/supported/orc_boss_sup.stl');
    put('Designer A/Orc Boss/unsupported/orc_boss.stl');
    put('Designer A/Orc Boss/orc.jpg', 'img');
    put('Designer A/Elf Archer/elf.stl');
    put('Designer B/Tree/tree.obj');
    put('Designer B/Tree/notes.txt', 'n');
    store = await SqlStore.open(join(dir, 'library.db'));
  });
  afterEach(() => {
    store.discard();
    rmSync(dir, { recursive: true, force: true });
  });

  it('first scan, unchanged rescan (0 writes), a changed file, a vanished variant', async () => {
    const first = await scanLibrary(store, lib);
    assert.equal(first.files, 6);
    assert.equal(first.variants, 3);
    const again = await scanLibrary(store, lib);
    assert.equal(again.writes, 0);
    assert.equal(again.unchanged, 6);

    writeFileSync(join(lib, 'Designer A/Elf Archer/elf.stl'), 'solid elf, now bigger');
    const changed = await scanLibrary(store, lib);
    assert.equal(changed.changed, 1);
    assert.equal(changed.added + changed.removed, 0);

    const t = new Date('2024-01-01T00:00:00Z');
    utimesSync(join(lib, 'Designer B/Tree/notes.txt'), t, t);
    assert.equal((await scanLibrary(store, lib)).changed, 1, 'an mtime change alone is a change');

    rmSync(join(lib, 'Designer B'), { recursive: true });
    const gone = await scanLibrary(store, lib);
    assert.equal(gone.variantsMissing, 1);
    assert.equal(gone.removed, 0);
    assert.equal((await store.stats()).files, 6, 'the missing variant keeps its files');
  });

  it('a missing root rejects and changes nothing', async () => {
    await scanLibrary(store, lib);
    rmSync(lib, { recursive: true });
    await assert.rejects(scanLibrary(store, lib), RootUnavailableError);
    const s = await store.stats();
    assert.equal(s.files, 6);
    assert.equal(s.variantsMissing, 0);
  });

  it('one scan at a time per root: a second concurrent scan of the same root rejects', async () => {
    const a = scanLibrary(store, lib);
    await assert.rejects(scanLibrary(store, lib), ScanInProgressError);
    await a;
    assert.equal((await scanLibrary(store, lib)).writes, 0, 'the lock is released after the scan');
  });

  it('a cancelled scan marks nothing missing', async () => {
    await scanLibrary(store, lib);
    rmSync(join(lib, 'Designer B'), { recursive: true });
    const ctl = new AbortController();
    ctl.abort();
    const s = await scanLibrary(store, lib, { signal: ctl.signal });
    assert.equal(s.cancelled, true);
    assert.equal(s.variantsMissing, 0);
    assert.equal(s.removed, 0);
  });
});
