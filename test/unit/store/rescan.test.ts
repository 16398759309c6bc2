import { strict as assert } from 'node:assert';
import { SqlStore } from '../../../src/core/store/sql-store';
import type { ScanResult } from '../../../src/core/scan/types';
import { file, library, result } from './scan-results';

describe('store: applyScan and rescan', () => {
  let store: SqlStore;
  let rootId: number;
  beforeEach(async () => {
    store = await SqlStore.open(null);
    rootId = (await store.addRoot('/lib')).id;
  });
  afterEach(() => store.discard());

  const fileCount = () => Number(store.db.exec('SELECT count(*) FROM file')[0].values[0][0]);
  const variantState = () =>
    Object.fromEntries(
      (store.db.exec('SELECT d.rel_path, v.missing FROM variant v JOIN dir d ON d.id = v.dir_id')[0]?.values ?? []).map(([p, m]) => [p, m === 1]),
    );

  it('first scan stores files, variants and counts; an unchanged rescan writes nothing', async () => {
    const files = library(3, 4);
    const first = await store.applyScan(rootId, result(files));
    assert.equal(first.files, 36);
    assert.equal(first.variants, 12);
    assert.equal(first.added, 36);
    assert.equal(first.kinds.model, 24);
    assert.equal(first.kinds.image, 12);
    assert.ok(first.writes > 36);
    const again = await store.applyScan(rootId, result(library(3, 4)));
    assert.equal(again.writes, 0);
    assert.equal(again.unchanged, 36);
    assert.equal(again.added + again.changed + again.removed, 0);
  });

  it('a changed file updates only its row and the aggregates above it', async () => {
    await store.applyScan(rootId, result(library(2, 2)));
    const files = library(2, 2);
    files[0] = file(files[0].relPath, 5000, files[0].mtimeMs + 1000);
    const s = await store.applyScan(rootId, result(files));
    assert.equal(s.changed, 1);
    assert.equal(s.unchanged, 11);
    // 1 file + 1 variant aggregate + dirs up to the root (Model 0, Designer 0, root) + the folder's signature
    assert.equal(s.writes, 6);
    const [, , size] = store.db.exec("SELECT d.rel_path, f.name, f.size FROM file f JOIN dir d ON d.id = f.dir_id WHERE f.size = 5000")[0].values[0];
    assert.equal(size, 5000);
  });

  it('new and removed files touch only their variants', async () => {
    await store.applyScan(rootId, result(library(1, 3)));
    const files = library(1, 3).filter((f) => f.relPath !== 'Designer 0/Model 1/preview.jpg');
    files.push(file('Designer 0/Model 2/extra.lys', 7));
    const s = await store.applyScan(rootId, result(files));
    assert.equal(s.added, 1);
    assert.equal(s.removed, 1);
    assert.equal(s.unchanged, 8);
    const v1 = (await store.listVariants(0, 10)).items.find((v) => v.relPath === 'Designer 0/Model 1')!;
    assert.equal(v1.fileCount, 2);
    assert.equal(v1.missing, false);
  });

  it('a variant whose files all vanished is marked missing and keeps its files and overrides; it comes back intact', async () => {
    await store.applyScan(rootId, result(library(1, 2)));
    const gone = (await store.listVariants(0, 10)).items.find((v) => v.relPath === 'Designer 0/Model 1')!;
    store.db.run("INSERT INTO override (variant_id, field, manual_value, original_auto_value, applied_at, applied_by) VALUES (?, 'designer', '\"x\"', null, 'now', 'me')", [gone.id]);
    const without = library(1, 2).filter((f) => !f.relPath.startsWith('Designer 0/Model 1/'));
    const s = await store.applyScan(rootId, result(without));
    assert.equal(s.variantsMissing, 1);
    assert.equal(s.removed, 0, 'files of a missing variant are kept');
    assert.deepEqual(variantState(), { 'Designer 0/Model 0': false, 'Designer 0/Model 1': true });
    assert.equal((await store.getVariantFiles(gone.id)).length, 3);
    assert.equal(Number(store.db.exec('SELECT count(*) FROM override')[0].values[0][0]), 1);
    const again = await store.applyScan(rootId, result(without));
    assert.equal(again.writes, 0, 'still missing: nothing to write');
    const back = await store.applyScan(rootId, result(library(1, 2)));
    assert.equal(back.variantsMissing, 0);
    assert.equal(back.added, 0);
    assert.equal(back.writes, 1, 'only the missing flag flips back');
    assert.equal((await store.listVariants(0, 10)).items.find((v) => v.id === gone.id)?.missing, false);
  });

  it('a cancelled scan adds what it saw but removes nothing and marks nothing missing', async () => {
    await store.applyScan(rootId, result(library(2, 2)));
    const partial = library(1, 2).concat(file('Designer 0/Model 9/new.stl'));
    const s = await store.applyScan(rootId, result(partial, { cancelled: true }));
    assert.equal(s.cancelled, true);
    assert.equal(s.removed, 0);
    assert.equal(s.added, 1);
    assert.equal(s.variantsMissing, 0);
    assert.equal(fileCount(), 13);
  });

  it('folder signatures never hide a change: after a cancelled scan the touched folders are diffed again', async () => {
    await store.applyScan(rootId, result(library(1, 2)));
    const changed = library(1, 2);
    changed[0] = file(changed[0].relPath, 5000);
    assert.equal((await store.applyScan(rootId, result(changed, { cancelled: true }))).changed, 1);
    const back = await store.applyScan(rootId, result(library(1, 2)));
    assert.equal(back.changed, 1, 'the file went back to its first size: that is a change against the stored row');
    const sizes = store.db.exec('SELECT size FROM file WHERE size = 5000');
    assert.equal(sizes.length, 0);
    assert.equal((await store.applyScan(rootId, result(library(1, 2)))).writes, 0);
  });

  it('a file moving to another variant is rewritten even when its folder looks the same', async () => {
    const files = [file('D/Kit/kit.stl'), file('D/Kit/Arms/arm.stl')];
    await store.applyScan(rootId, result(files));
    // same files, grouped differently: the arm now belongs to the kit
    const regrouped = { ...result(files), variants: [{ relPath: 'D/Kit', files: ['D/Kit/kit.stl', 'D/Kit/Arms/arm.stl'] }] };
    const s = await store.applyScan(rootId, regrouped);
    assert.equal(s.unchanged, 2);
    assert.equal(s.variantsMissing, 1);
    const kit = (await store.listVariants(0, 10)).items.find((v) => v.relPath === 'D/Kit')!;
    assert.equal(kit.fileCount, 2);
  });

  it('an empty scan (absent or unplugged root) deletes nothing and marks every variant missing', async () => {
    await store.applyScan(rootId, result(library(2, 2)));
    const s = await store.applyScan(rootId, result([]));
    assert.equal(s.removed, 0);
    assert.equal(s.variantsMissing, 4);
    assert.equal(fileCount(), 12);
    const back = await store.applyScan(rootId, result(library(2, 2)));
    assert.equal(back.variantsMissing, 0);
    assert.equal(back.added, 0);
  });

  it('archives: unchanged listings keep stored entries; re-listed archives are diffed; removed archives drop their entries', async () => {
    const zip = file('D/Kit/kit.zip', 1000);
    const e1 = file('D/Kit/kit.zip/body.stl', 50, 0, zip.relPath);
    const e2 = file('D/Kit/kit.zip/head.stl', 20, 0, zip.relPath);
    const first: ScanResult = { ...result([zip, e1, e2]), archives: [{ archivePath: zip.relPath, status: 'listed', entries: [e1, e2] }] };
    const s1 = await store.applyScan(rootId, first);
    assert.equal(s1.archives, 1);
    assert.equal(s1.archiveEntries, 2);
    const sig = await store.archiveSignatures(rootId);
    assert.deepEqual(sig.get('D/Kit/kit.zip'), { size: 1000, mtimeMs: zip.mtimeMs });
    const vid = (await store.listVariants(0, 1)).items[0].id;
    assert.deepEqual((await store.getVariantFiles(vid)).map((f) => [f.relPath, f.archivePath]), [
      ['D/Kit/kit.zip', null],
      ['D/Kit/kit.zip/body.stl', 'D/Kit/kit.zip'],
      ['D/Kit/kit.zip/head.stl', 'D/Kit/kit.zip'],
    ]);

    const unchanged: ScanResult = { ...result([zip]), archives: [{ archivePath: zip.relPath, status: 'unchanged', entries: [] }] };
    const s2 = await store.applyScan(rootId, unchanged);
    assert.equal(s2.writes, 0);
    assert.equal(s2.archiveEntries, 2);
    assert.equal(fileCount(), 3);

    const zip2 = file('D/Kit/kit.zip', 1200, zip.mtimeMs + 5);
    const e3 = file('D/Kit/kit.zip/arms.stl', 30, 0, zip.relPath);
    const relisted: ScanResult = { ...result([zip2, e1, e3]), archives: [{ archivePath: zip.relPath, status: 'listed', entries: [e1, e3] }] };
    const s3 = await store.applyScan(rootId, relisted);
    assert.equal(s3.changed, 1);
    assert.deepEqual((await store.getVariantFiles(vid)).map((f) => f.relPath).sort(), ['D/Kit/kit.zip', 'D/Kit/kit.zip/arms.stl', 'D/Kit/kit.zip/body.stl']);

    await store.applyScan(rootId, result([file('D/Kit/other.stl')]));
    assert.equal(fileCount(), 1, 'the archive and its entries are gone');
  });

  it('warnings are replaced by each complete scan without rewriting equal ones', async () => {
    const w = { relPath: 'D/x.zip', code: 'archive_corrupt' as const, message: 'bad' };
    await store.applyScan(rootId, result(library(1, 1), { warnings: [w, w] }));
    assert.equal((await store.listWarnings(rootId, 0, 10)).total, 1);
    assert.equal((await store.applyScan(rootId, result(library(1, 1), { warnings: [w] }))).writes, 0);
    await store.applyScan(rootId, result(library(1, 1)));
    assert.equal((await store.listWarnings(rootId, 0, 10)).total, 0);
  });

  it('rejects an unknown root and keeps roots apart', async () => {
    await assert.rejects(store.applyScan(999, result([])), /no library root/);
    const other = await store.addRoot('/other');
    await store.applyScan(rootId, result(library(1, 1)));
    await store.applyScan(other.id, result(library(1, 2)));
    const again = await store.applyScan(rootId, result(library(1, 1)));
    assert.equal(again.writes, 0);
    assert.equal((await store.stats()).variants, 3);
    await store.removeRoot(other.id);
    assert.equal((await store.stats()).variants, 1);
    assert.equal((await store.listRoots()).length, 1);
  });
});
