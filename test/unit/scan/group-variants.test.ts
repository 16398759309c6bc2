import { strict as assert } from 'node:assert';
import { groupVariants, variantFolderOf, type GroupableFile } from '../../../src/core/scan/group-variants';
import { extensionOf, fileKind } from '../../../src/core/scan/file-kind';

const file = (relPath: string, archivePath?: string): GroupableFile => {
  const ext = extensionOf(relPath);
  return { relPath, ext, kind: fileKind(ext), ...(archivePath ? { archivePath } : {}) };
};
const group = (...paths: string[]) => groupVariants(paths.map((p) => file(p)));

describe('scan: variant grouping (SPEC §1.2)', () => {
  it('a variant is the parent folder of its files', () => {
    assert.deepEqual(group('Hero/body.stl', 'Hero/head.stl', 'Hero/front.jpg'), [
      { relPath: 'Hero', files: ['Hero/body.stl', 'Hero/head.stl', 'Hero/front.jpg'] },
    ]);
  });

  it('climbs out of hands/supported/unsupported/stl/…/lys folders, case-insensitively and repeatedly', () => {
    for (const name of ['hands', 'Supported', 'UNSUPPORTED', 'stl', 'Supported STL', 'unsupported stl', 'supported_stl', 'Unsupported_STL', 'LYS']) {
      assert.equal(variantFolderOf(`Hero/${name}/x.stl`), 'Hero', name);
    }
    assert.equal(variantFolderOf('Hero/Supported/STL/x.stl'), 'Hero');
    assert.equal(variantFolderOf('Hero/Supported/lys/x.lys'), 'Hero');
  });

  it('does not climb other names, even close ones (STLs, presupported, hand)', () => {
    assert.equal(variantFolderOf('Hero/STLs/x.stl'), 'Hero/STLs');
    assert.equal(variantFolderOf('Hero/Presupported/x.stl'), 'Hero/Presupported');
    assert.equal(variantFolderOf('Hero/hand/x.stl'), 'Hero/hand');
    assert.equal(variantFolderOf('supported/Hero/x.stl'), 'supported/Hero', 'only trailing folders climb');
  });

  it('skips loose files at the root, also when climbing reaches the root', () => {
    assert.deepEqual(group('loose.stl', 'pack.zip', 'stl/x.stl', 'Supported/lys/y.lys'), []);
  });

  it('keeps a folder only when it holds a model, a slicer project of the original (lys, chitubox, ctb) or an archive', () => {
    assert.deepEqual(group('Pics/a.jpg', 'Pics/readme.txt').length, 0);
    assert.deepEqual(group('G/print.gcode').length, 0, 'gcode was not a model extension in the original');
    for (const f of ['A/x.stl', 'A/x.obj', 'A/x.3mf', 'A/x.ztl', 'A/x.lys', 'A/x.chitubox', 'A/x.ctb', 'A/x.zip', 'A/x.rar', 'A/x.7z']) {
      assert.equal(group(f).length, 1, f);
    }
  });

  it('skips anything under __MACOSX (any case)', () => {
    assert.deepEqual(group('Hero/__MACOSX/._x.stl', '__macosx/Hero/x.stl'), []);
  });

  it('normalizes \\ to / before any path logic', () => {
    assert.equal(variantFolderOf('Hero\\Supported\\x.stl'), 'Hero');
    assert.deepEqual(group('Hero\\Supported\\x.stl').map((v) => v.relPath), ['Hero']);
  });

  it('archive entries join their archive\'s variant and never make a variant by themselves', () => {
    const files = [
      file('Hero/pack.zip'),
      file('Hero/pack.zip/inner/supported/body.stl', 'Hero/pack.zip'),
      file('Pics/a.jpg'),
      file('Pics/imgs.zip'),
      file('Pics/imgs.zip/models/x.stl', 'Pics/imgs.zip'),
      file('Docs/notes.txt'),
      file('loose.zip'),
      file('loose.zip/a/b.stl', 'loose.zip'),
    ];
    assert.deepEqual(groupVariants(files), [
      { relPath: 'Hero', files: ['Hero/pack.zip', 'Hero/pack.zip/inner/supported/body.stl'] },
      { relPath: 'Pics', files: ['Pics/a.jpg', 'Pics/imgs.zip', 'Pics/imgs.zip/models/x.stl'] },
    ]);
  });

  it('sorts variants by relPath', () => {
    assert.deepEqual(group('b/x.stl', 'a/x.stl', 'a b/x.stl').map((v) => v.relPath), ['a', 'a b', 'b']);
  });
});
