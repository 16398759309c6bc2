// The real 4,500-file inventory of the original project, materialized as sparse files, crawled and grouped for
// real, compared with the original's grouping (golden/variants_from_load_sample.json) by rel_path.
import { strict as assert } from 'node:assert';
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { referenceDir, requireReference, specDir } from '../../support/reference';
import { crawl } from '../../../src/core/scan/crawl';
import { groupVariants } from '../../../src/core/scan/group-variants';
import { isSkippedName } from '../../../src/core/scan/skip-rules';
import { makeTempDir, removeTree } from './temp-tree';

interface InventoryEntry {
  rel_path: string;
  size_bytes: number;
}
interface GoldenVariant {
  rel_path: string;
  files: string[];
}

const inventoryPath = join(referenceDir, 'fixtures/sample_inventory.json');
const goldenPath = join(specDir, 'golden/variants_from_load_sample.json');

describe('scan: grouping of the real sample inventory vs the original (golden)', function () {
  let tmp: string | undefined;
  let root: string;
  let inventory: InventoryEntry[];
  let golden: GoldenVariant[];

  before(function () {
    requireReference(this, inventoryPath);
    requireReference(this, goldenPath);
    inventory = JSON.parse(readFileSync(inventoryPath, 'utf8')) as InventoryEntry[];
    golden = (JSON.parse(readFileSync(goldenPath, 'utf8')) as { variants: GoldenVariant[] }).variants;
    tmp = makeTempDir();
    for (const e of inventory) {
      const abs = join(tmp, ...e.rel_path.split('\\'));
      mkdirSync(dirname(abs), { recursive: true });
      const fd = openSync(abs, 'w');
      ftruncateSync(fd, e.size_bytes); // sparse: ~98 GB declared, nothing written
      closeSync(fd);
    }
    root = join(tmp, 'sample_store');
  });
  after(() => removeTree(tmp));

  it('crawls every materialized file except the OS litter it must skip', async function () {
    const { files, warnings, cancelled } = await crawl(root);
    assert.equal(cancelled, false);
    const litter = inventory.filter((e) => /(^|\\)__macosx\\|\\\._[^\\]*$|\\\.ds_store$|\\thumbs\.db$/i.test(e.rel_path));
    console.log(`      inventory ${inventory.length} files, skipped as litter ${litter.length}, crawled ${files.length}, warnings ${warnings.length}`);
    assert.equal(files.length, inventory.length - litter.length);
    const bySize = new Map(inventory.map((e) => [e.rel_path.split('\\').slice(1).join('/'), e.size_bytes]));
    for (const f of files) assert.equal(f.size, bySize.get(f.relPath), f.relPath);
  });

  it('forms the same variants with the same member files as the original', async function () {
    const { files } = await crawl(root);
    const variants = groupVariants(files);
    const ours = new Map(variants.map((v) => [`sample_store/${v.relPath}`, v.files.map((f) => f.slice(f.lastIndexOf('/') + 1))]));
    const theirs = new Map(golden.map((v) => [v.rel_path, v.files]));
    const onlyOurs = [...ours.keys()].filter((k) => !theirs.has(k));
    const onlyTheirs = [...theirs.keys()].filter((k) => !ours.has(k));
    let sameFiles = 0;
    let fileAgree = 0;
    let goldenFiles = 0;
    const memberDiffs: string[] = [];
    const litterInGolden: string[] = [];
    for (const [rel, allGolden] of theirs) {
      goldenFiles += allGolden.length;
      // Decision (docs/scanning.md): .DS_Store and Thumbs.db are never recorded; the original kept them as members.
      const gFiles = allGolden.filter((f) => !isSkippedName(f, false));
      for (const f of allGolden) if (isSkippedName(f, false)) litterInGolden.push(`${rel}/${f}`);
      const o = ours.get(rel);
      if (!o) continue;
      const oSet = new Set(o);
      const agree = gFiles.filter((f) => oSet.has(f)).length;
      fileAgree += agree;
      if (agree === gFiles.length && o.length === gFiles.length) sameFiles++;
      else memberDiffs.push(`${rel}: ours ${o.length}, golden ${gFiles.length}, shared ${agree}`);
    }
    console.log(
      `      variants: golden ${theirs.size}, ours ${ours.size}, same rel_path ${theirs.size - onlyTheirs.length}, ` +
        `same members ${sameFiles}; files: golden ${goldenFiles}, agreeing ${fileAgree} ` +
        `(${((100 * fileAgree) / goldenFiles).toFixed(2)} %), golden members we skip as OS litter ${litterInGolden.length}`,
    );
    for (const d of [...onlyOurs.map((k) => `only ours: ${k}`), ...onlyTheirs.map((k) => `only golden: ${k}`), ...memberDiffs]) {
      console.log(`        ${d}`);
    }
    assert.deepEqual(onlyOurs, []);
    assert.deepEqual(onlyTheirs, []);
    assert.deepEqual(memberDiffs, []);
    assert.equal(fileAgree + litterInGolden.length, goldenFiles);
    assert.ok(litterInGolden.every((f) => /\/(\.DS_Store|Thumbs\.db)$/.test(f)), litterInGolden.join('\n'));
  });
});
