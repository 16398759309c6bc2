import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir, requireReference } from '../../support/reference';
import { closeSevenZip, listWithSevenZip } from '../../../src/core/scan/archive-seven-zip';
import { listArchive } from '../../../src/core/scan/list-archive';
import { scanRoot } from '../../../src/core/scan/scan-root';
import { makeArchive } from './archive-maker';
import { makeTempDir, removeTree, writeTree } from './temp-tree';

const rar1 = join(referenceDir, 'fixtures/archives/test-folder.rar');
const rar2 = join(referenceDir, 'fixtures/archives/test-folder-2.rar');
const inner = (entries: { relPath: string }[]) => entries.map((e) => e.relPath).sort();

describe('scan: archive listings', function () {
  let dir: string | undefined;
  const at = (name: string) => join(dir!, name);

  before(async () => {
    dir = makeTempDir();
    const content = { 'Hero/supported/body.stl': 'solid', 'Hero/readme.txt': 'hi', '__MACOSX/Hero/._body.stl': 'fork', 'Hero/.DS_Store': 'ds' };
    await makeArchive(at('plain.zip'), 'zip', content);
    await makeArchive(at('plain.7z'), '7z', content);
    await makeArchive(at('locked-names.7z'), '7z', { 'a/b.stl': 'x' }, ['-psecret', '-mhe=on']);
    await makeArchive(at('locked-content.7z'), '7z', { 'a/b.stl': 'x' }, ['-psecret']);
    await makeArchive(at('locked.zip'), 'zip', { 'a/b.stl': 'x' }, ['-psecret']);
    copyFileSync(at('plain.zip'), at('comic.cbz'));
    const zip = readFileSync(at('plain.zip'));
    writeFileSync(at('truncated.zip'), zip.subarray(0, Math.floor(zip.length / 2)));
    const sevenZ = readFileSync(at('plain.7z'));
    writeFileSync(at('truncated.7z'), sevenZ.subarray(0, sevenZ.length - 20));
    writeFileSync(at('junk.zip'), Buffer.from('this is not a zip file at all'));
    writeFileSync(at('junk.7z'), Buffer.from('this is not a 7z file at all'));
    writeFileSync(at('junk.rar'), Buffer.from('Rar!\x1a\x07\x01\x00garbage'));
    writeFileSync(at('zero.zip'), '');
    writeFileSync(at('zero.7z'), '');
  });
  after(async () => {
    removeTree(dir);
    await closeSevenZip();
  });

  const expected = ['x/Hero/readme.txt', 'x/Hero/supported/body.stl'];

  it('lists zip and cbz from the central directory, skipping __MACOSX and .DS_Store entries', async () => {
    for (const name of ['plain.zip', 'comic.cbz']) {
      const r = await listArchive(at(name), 'x');
      assert.equal(r.status, 'listed', name);
      assert.deepEqual(inner(r.entries), expected, name);
      assert.equal(r.warning, undefined);
      const body = r.entries.find((e) => e.relPath.endsWith('body.stl'))!;
      assert.deepEqual({ ...body, mtimeMs: 0 }, { relPath: 'x/Hero/supported/body.stl', size: 5, mtimeMs: 0, ext: 'stl', kind: 'model', archivePath: 'x' });
      assert.ok(body.mtimeMs > 1e12);
    }
  });

  it('lists 7z with 7-Zip (WASM)', async () => {
    const r = await listArchive(at('plain.7z'), 'x');
    assert.equal(r.status, 'listed');
    assert.deepEqual(inner(r.entries), expected);
    assert.equal(r.entries.find((e) => e.relPath.endsWith('body.stl'))!.size, 5);
  });

  it('lists the real RAR5 files (folders only: listed, no files, archive_empty), also as .cbr', async function () {
    requireReference(this, rar2);
    copyFileSync(rar2, at('comic.cbr'));
    for (const path of [rar1, rar2, at('comic.cbr')]) {
      const r = await listArchive(path, 'r.rar');
      assert.equal(r.status, 'listed', path);
      assert.deepEqual(r.entries, []);
      assert.equal(r.warning?.code, 'archive_empty');
    }
  });

  it('reports corrupt and truncated archives as archive_corrupt, never throwing', async () => {
    for (const name of ['junk.zip', 'junk.7z', 'junk.rar', 'truncated.zip', 'truncated.7z']) {
      const r = await listArchive(at(name), name);
      assert.equal(r.status, 'failed', name);
      assert.equal(r.warning?.code, 'archive_corrupt', `${name}: ${r.warning?.message}`);
      assert.doesNotMatch(r.warning!.message, /\/archive\//, 'no worker-internal paths in messages');
    }
  });

  it('reports zero-byte archives as archive_empty', async () => {
    for (const name of ['zero.zip', 'zero.7z']) {
      const r = await listArchive(at(name), name);
      assert.deepEqual([r.status, r.warning?.code], ['failed', 'archive_empty'], name);
    }
  });

  it('reports encrypted names as archive_encrypted (failed); encrypted content still lists names', async () => {
    const names = await listArchive(at('locked-names.7z'), 'l');
    assert.deepEqual([names.status, names.warning?.code], ['failed', 'archive_encrypted']);
    for (const name of ['locked-content.7z', 'locked.zip']) {
      const r = await listArchive(at(name), 'l');
      assert.deepEqual([r.status, r.warning?.code], ['listed', 'archive_encrypted'], name);
      assert.deepEqual(inner(r.entries), ['l/a/b.stl'], name);
    }
    // after 7-Zip aborted on the encrypted names, the next archive still lists
    assert.equal((await listArchive(at('plain.7z'), 'x')).entries.length, 2);
  });

  it('leaves unknown formats as one unsupported file with a reason', async () => {
    writeFileSync(at('model.tar'), 'x');
    const r = await listArchive(at('model.tar'), 'model.tar');
    assert.deepEqual([r.status, r.warning?.code], ['unsupported', 'archive_unsupported']);
  });

  it('gives up on a listing that exceeds its time limit (archive_timeout) and recovers for the next one', async () => {
    // Thousands of entries: their listing takes far longer than 1 ms, however quiet the machine (a 4-entry archive
    // could answer before a 1 ms timer fired).
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) many[`parts/part_${i}.stl`] = '';
    await makeArchive(at('many.7z'), '7z', many);
    const r = await listWithSevenZip(at('many.7z'), 'x', { timeoutMs: 1 });
    assert.deepEqual([r.status, r.warning?.code], ['failed', 'archive_timeout']);
    const again = await listWithSevenZip(at('plain.7z'), 'x');
    assert.equal(again.status, 'listed');
  });
});

describe('scan: scanRoot with archives', function () {
  let root: string | undefined;
  afterEach(() => removeTree(root));
  after(() => closeSevenZip());

  it('adds archive entries after the disk files, in their archive\'s variant, and reports progress', async () => {
    root = makeTempDir();
    writeTree(root, { 'Hero/front.jpg': 'j', 'Pics/a.png': 'p', 'Bad/broken.7z': 'nope' });
    await makeArchive(join(root, 'Hero/pack.zip'), 'zip', { 'parts/arm.stl': 'a' });
    await makeArchive(join(root, 'Pics/more.7z'), '7z', { 'b.png': 'b' });
    const phases = new Set<string>();
    const r = await scanRoot(root, { onProgress: (p) => phases.add(p.phase) });
    assert.deepEqual(r.files.map((f) => f.relPath), [
      'Bad/broken.7z', 'Hero/front.jpg', 'Hero/pack.zip', 'Pics/a.png', 'Pics/more.7z', 'Hero/pack.zip/parts/arm.stl', 'Pics/more.7z/b.png',
    ]);
    assert.deepEqual(r.archives.map((a) => [a.archivePath, a.status, a.entries.length]), [
      ['Bad/broken.7z', 'failed', 0], ['Hero/pack.zip', 'listed', 1], ['Pics/more.7z', 'listed', 1],
    ]);
    assert.deepEqual(r.variants, [
      { relPath: 'Bad', files: ['Bad/broken.7z'] },
      { relPath: 'Hero', files: ['Hero/front.jpg', 'Hero/pack.zip', 'Hero/pack.zip/parts/arm.stl'] },
      { relPath: 'Pics', files: ['Pics/a.png', 'Pics/more.7z', 'Pics/more.7z/b.png'] },
    ]);
    assert.deepEqual(r.warnings.map((w) => [w.relPath, w.code]), [['Bad/broken.7z', 'archive_corrupt']]);
    assert.ok(phases.has('crawl') || phases.has('archives'));
    assert.ok(phases.has('group'));
  });

  it('does not re-list an archive whose size and mtime equal the stored signature', async () => {
    root = makeTempDir();
    await makeArchive(join(root, 'Hero/pack.zip'), 'zip', { 'arm.stl': 'a' });
    await makeArchive(join(root, 'Hero/other.zip'), 'zip', { 'leg.stl': 'l' });
    const first = await scanRoot(root);
    const pack = first.files.find((f) => f.relPath === 'Hero/pack.zip')!;
    const other = first.files.find((f) => f.relPath === 'Hero/other.zip')!;
    const signatures = new Map([
      ['Hero/pack.zip', { size: pack.size, mtimeMs: pack.mtimeMs }],
      ['Hero/other.zip', { size: other.size, mtimeMs: other.mtimeMs - 1000 }],
    ]);
    const second = await scanRoot(root, { archiveSignatures: signatures });
    assert.deepEqual(second.archives.map((a) => [a.archivePath, a.status, a.entries.length]), [
      ['Hero/other.zip', 'listed', 1], ['Hero/pack.zip', 'unchanged', 0],
    ]);
    assert.deepEqual(second.files.map((f) => f.relPath), ['Hero/other.zip', 'Hero/pack.zip', 'Hero/other.zip/leg.stl']);
    const off = await scanRoot(root, { listArchives: false });
    assert.deepEqual([off.archives.length, off.files.length], [0, 2]);
  });

  it('returns a partial result with cancelled=true when the signal fires mid-crawl, listing no archives', async () => {
    root = makeTempDir();
    const tree: Record<string, string> = {};
    for (let d = 0; d < 3000; d++) tree[`d${d}/m.stl`] = '';
    writeTree(root, tree);
    await makeArchive(join(root, 'zz/pack.zip'), 'zip', { 'a.stl': 'a' });
    const ac = new AbortController();
    const r = await scanRoot(root, { signal: ac.signal, onProgress: () => ac.abort() });
    assert.equal(r.cancelled, true);
    assert.ok(r.files.length < 3001, `${r.files.length} files`);
    assert.deepEqual(r.archives, []);
  });

  it('returns cancelled=true without throwing when the signal already fired', async () => {
    root = makeTempDir();
    writeTree(root, { 'a/x.stl': '' });
    const ac = new AbortController();
    ac.abort();
    const r = await scanRoot(root, { signal: ac.signal });
    assert.equal(r.cancelled, true);
    assert.deepEqual(r.archives, []);
  });
});

describe('scan: scanRoot with an archive whose name is not UTF-8', function () {
  let root: string | undefined;
  after(() => removeTree(root));

  it('records it as a file, leaves it unsupported with a reason, and goes on', async function () {
    if (process.platform !== 'linux') this.skip();
    root = makeTempDir();
    await makeArchive(join(root, 'Hero/ok.zip'), 'zip', { 'a.stl': 'a' });
    copyFileSync(join(root, 'Hero/ok.zip'), Buffer.concat([Buffer.from(join(root, 'Hero/bad')), Buffer.from([0xfe]), Buffer.from('.zip')]));
    const r = await scanRoot(root);
    assert.deepEqual(r.archives.map((a) => [a.archivePath, a.status]), [['Hero/bad\uFFFD.zip', 'unsupported'], ['Hero/ok.zip', 'listed']]);
    assert.deepEqual(r.warnings.map((w) => w.code).sort(), ['archive_unsupported', 'non_utf8_name']);
  });
});
