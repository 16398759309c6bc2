import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crawl, LONG_NAME, type CrawlResult } from '../../../src/core/scan/crawl';
import { extensionOf, fileKind } from '../../../src/core/scan/file-kind';
import { makeTempDir, removeTree, writeTree } from './temp-tree';

const rels = (r: CrawlResult) => r.files.map((f) => f.relPath);
const codes = (r: CrawlResult) => r.warnings.map((w) => `${w.code} ${w.relPath}`).sort();

describe('scan: file kinds', () => {
  it('classifies every listed extension', () => {
    for (const e of ['stl', 'obj', '3mf', 'ply', 'gltf', 'glb', 'step', 'stp', 'ztl']) assert.equal(fileKind(e), 'model', e);
    for (const e of ['lys', 'chitubox', 'ctb', 'gcode']) assert.equal(fileKind(e), 'slicer', e);
    for (const e of ['jpg', 'jpeg', 'png', 'gif', 'webp']) assert.equal(fileKind(e), 'image', e);
    for (const e of ['pdf', 'txt', 'md']) assert.equal(fileKind(e), 'document', e);
    for (const e of ['zip', '7z', 'rar', 'cbz', 'cbr']) assert.equal(fileKind(e), 'archive', e);
    for (const e of ['', 'blend', '001', 'url', 'STL']) assert.equal(fileKind(e), 'other', e);
  });
  it('takes the lower-case extension after the last dot, none for dot-files', () => {
    assert.equal(extensionOf('Body.Part.STL'), 'stl');
    assert.equal(extensionOf('README'), '');
    assert.equal(extensionOf('.hidden'), '');
    assert.equal(extensionOf('name.'), '');
    assert.equal(extensionOf('Archive.7Z'), '7z');
  });
});

describe('scan: crawler', () => {
  let root: string | undefined;
  afterEach(() => removeTree(root));

  it('records every file with / path, size, integer mtime, extension and kind', async () => {
    root = makeTempDir();
    writeTree(root, { 'Hero/Body.STL': 'solid x', 'Hero/img/front.JPG': 'j', 'Hero/notes.txt': '', 'pack.7z': '7z', 'a/b/c/d/e.gcode': 'g' });
    const r = await crawl(root);
    assert.deepEqual(rels(r), ['Hero/Body.STL', 'Hero/img/front.JPG', 'Hero/notes.txt', 'a/b/c/d/e.gcode', 'pack.7z']);
    const body = r.files[0];
    assert.deepEqual({ ...body, mtimeMs: 0 }, { relPath: 'Hero/Body.STL', size: 7, mtimeMs: 0, ext: 'stl', kind: 'model' });
    assert.ok(Number.isInteger(body.mtimeMs) && body.mtimeMs > 1e12);
    assert.deepEqual(r.files.map((f) => f.kind), ['model', 'image', 'document', 'slicer', 'archive']);
    assert.equal(r.folders, 6);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.cancelled, false);
  });

  it('returns files in relPath code-unit order without a global sort (folders sort as name + "/")', async () => {
    root = makeTempDir();
    const paths = ['a b/x.stl', 'a/x.stl', 'a.stl', 'a0/y.stl', 'a/b/c.stl', 'a/b.stl', 'B/z.stl', 'a-/q.stl', 'ä/u.stl', 'a/b0', 'a/b-/k'];
    writeTree(root, Object.fromEntries(paths.map((p) => [p, ''])));
    const got = rels(await crawl(root));
    assert.deepEqual(got, [...paths].sort());
  });

  it('skips __MACOSX at any depth and case, .DS_Store, ._* and Thumbs.db', async () => {
    root = makeTempDir();
    writeTree(root, {
      '__MACOSX/a/._x.stl': 'x',
      'm/__macosx/y.stl': 'y',
      'm/deep/__MacOSX/z.stl': 'z',
      'm/.DS_Store': 'd',
      'm/.ds_store': 'd',
      'm/._body.stl': 'r',
      'm/Thumbs.db': 't',
      'm/body.stl': 'b',
      'm/__MACOSX.stl': 'keep: a file, not the folder',
    });
    assert.deepEqual(rels(await crawl(root)), ['m/__MACOSX.stl', 'm/body.stl']);
  });

  it('applies user exclude globs to files and prunes excluded folders', async () => {
    root = makeTempDir();
    writeTree(root, { 'a/renders/r.png': '', 'a/x.tmp': '', 'a/keep.stl': '', 'work/w.stl': '', 'b/work/w2.stl': '' });
    const r = await crawl(root, { exclude: ['**/renders/**', '**/*.tmp', 'work'] });
    assert.deepEqual(rels(r), ['a/keep.stl', 'b/work/w2.stl']);
  });

  it('records a non-UTF-8 name with U+FFFD, warns non_utf8_name, and still stats it (also inside such a folder)', async function () {
    if (process.platform !== 'linux') this.skip();
    root = makeTempDir();
    const bad = Buffer.from([0x62, 0x61, 0x64, 0xff]); // "bad" + 0xff
    writeFileSync(Buffer.concat([Buffer.from(root + '/'), bad, Buffer.from('.stl')]), 'abc');
    mkdirSync(Buffer.concat([Buffer.from(root + '/'), bad]));
    writeFileSync(Buffer.concat([Buffer.from(root + '/'), bad, Buffer.from('/inner.stl')]), 'abcd');
    writeTree(root, { 'ok.stl': '' });
    const r = await crawl(root);
    assert.deepEqual(rels(r), ['bad\uFFFD.stl', 'bad\uFFFD/inner.stl', 'ok.stl']);
    assert.deepEqual(r.files.map((f) => f.size), [3, 4, 0]);
    assert.deepEqual(codes(r), ['non_utf8_name bad\uFFFD', 'non_utf8_name bad\uFFFD.stl']);
    assert.match(r.warnings[0].message, /ff/);
  });

  it(`warns long_name for a name of ${LONG_NAME}+ characters and keeps the file`, async () => {
    root = makeTempDir();
    const name = `${'n'.repeat(LONG_NAME - 4)}.stl`;
    writeTree(root, { [`dir/${name}`]: 'x', 'dir/short.stl': '' });
    const r = await crawl(root);
    assert.deepEqual(rels(r), [`dir/${name}`, 'dir/short.stl']);
    assert.deepEqual(codes(r), [`long_name dir/${name}`]);
  });

  it('warns long_name when a path is beyond the OS limit, and goes on', async function () {
    if (process.platform !== 'linux') this.skip();
    root = makeTempDir();
    writeTree(root, { 'fine.stl': '' });
    const seg = 'd'.repeat(250);
    const cwd = process.cwd();
    try {
      process.chdir(root);
      for (let i = 0; i < 17; i++) {
        mkdirSync(seg);
        process.chdir(seg); // relative steps: the absolute path (> 4096 bytes) cannot be created in one call
      }
      writeFileSync('deep.stl', '');
    } finally {
      process.chdir(cwd);
    }
    const r = await crawl(root);
    assert.ok(rels(r).includes('fine.stl'));
    const deep = r.warnings.filter((w) => w.code === 'long_name' && w.message.includes('too long'));
    assert.equal(deep.length, 1, JSON.stringify(r.warnings.map((w) => w.message)));
    spawnSync('rm', ['-rf', root]); // rmSync cannot remove paths beyond PATH_MAX
  });

  it('does not follow symlinks: outside root, broken, loops, ancestor folder; in-root links are not duplicated', async () => {
    root = makeTempDir();
    const outside = makeTempDir('stlmgr-outside-');
    try {
      writeTree(outside, { 'secret.stl': '' });
      writeTree(root, { 'lib/a.stl': '', 'lib/sub/b.stl': '' });
      symlinkSync(outside, join(root, 'lib/out-dir'));
      symlinkSync(join(outside, 'secret.stl'), join(root, 'lib/out-file.stl'));
      symlinkSync(join(root, 'missing'), join(root, 'lib/broken.stl'));
      symlinkSync(join(root, 'lib/loop2'), join(root, 'lib/loop1'));
      symlinkSync(join(root, 'lib/loop1'), join(root, 'lib/loop2'));
      symlinkSync(join(root, 'lib'), join(root, 'lib/sub/up'));
      symlinkSync(join(root, 'lib/a.stl'), join(root, 'lib/sub/a-link.stl'));
      const r = await crawl(root);
      assert.deepEqual(rels(r), ['lib/a.stl', 'lib/sub/b.stl']);
      assert.deepEqual(codes(r), [
        'broken_link lib/broken.stl',
        'symlink_loop lib/loop1',
        'symlink_loop lib/loop2',
        'symlink_loop lib/sub/up',
        'symlink_outside_root lib/out-dir',
        'symlink_outside_root lib/out-file.stl',
      ]);
    } finally {
      removeTree(outside);
    }
  });

  it('warns unreadable_folder for a folder it cannot list, and goes on', function () {
    // root reads chmod-000 folders anyway, so under root the crawl runs in a child process as `nobody`.
    if (process.platform === 'win32') this.skip();
    root = makeTempDir();
    writeTree(root, { 'open/a.stl': '', 'locked/b.stl': '' });
    chmodSync(root, 0o755);
    for (const d of ['open', 'locked']) chmodSync(join(root, d), 0o755);
    chmodSync(join(root, 'open/a.stl'), 0o644);
    chmodSync(join(root, 'locked'), 0o000);
    const asRoot = process.getuid?.() === 0;
    const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'crawl-as-user.ts'), root], {
      cwd: join(__dirname, '../../..'),
      encoding: 'utf8',
      env: { ...process.env, TSX_DISABLE_CACHE: '1' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(join(root, 'locked'), 0o755);
    assert.equal(child.status, 0, child.stderr);
    const r = JSON.parse(child.stdout) as CrawlResult;
    assert.deepEqual(rels(r), ['open/a.stl']);
    assert.deepEqual(codes(r), ['unreadable_folder locked']);
  });

  it('rejects when the root itself is missing or a file (a store must not see "everything deleted")', async () => {
    root = makeTempDir();
    writeTree(root, { 'f.stl': '' });
    await assert.rejects(crawl(join(root, 'nope')));
    await assert.rejects(crawl(join(root, 'f.stl')));
  });

  it('stops when the signal fires and returns a partial result with cancelled=true', async () => {
    root = makeTempDir();
    const tree: Record<string, string> = {};
    for (let d = 0; d < 200; d++) for (let f = 0; f < 10; f++) tree[`d${d}/f${f}.stl`] = '';
    writeTree(root, tree);
    const ac = new AbortController();
    const r = await crawl(root, { signal: ac.signal, sliceMs: 0, onProgress: (p) => p.files >= 1 && ac.abort() });
    assert.equal(r.cancelled, true);
    assert.ok(r.files.length >= 1 && r.files.length < 2000, `${r.files.length} files`);
    const full = await crawl(root);
    assert.equal(full.files.length, 2000);
  });
});
