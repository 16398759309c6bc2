// bench:normalize — the real inventory (reference sample_inventory.json) repeated to ~100k variants, normalized with
// the default vocabulary: pure passes in variants/s on one core, then the incremental pipeline on a real sql.js
// database (first run, unchanged re-run, re-run after a one-alias vocab edit: how many variants re-ran, how long).
// `npm run bench:normalize [-- --variants N --db-variants N --json]`. Needs the reference data (STLMGR_REFERENCE_DIR).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalizeTokens, variantInput } from '../src/core/normalize/normalize';
import { normalizeLibrary } from '../src/core/normalize/pipeline';
import { inferVariant } from '../src/core/match/variant-inference';
import { inferSiblingSplits } from '../src/core/normalize/sibling-segmentation';
import { extensionOf, fileKind } from '../src/core/scan/file-kind';
import { groupVariants } from '../src/core/scan/group-variants';
import type { ScanResult, ScannedFile } from '../src/core/scan/types';
import { SqlStore } from '../src/core/store/sql-store';
import { defaultVocabDir } from '../src/core/vocab/default-vocab-dir';
import { VocabSession } from '../src/core/vocab/vocab-session';

// The database part holds fewer variants by default: applying 1M+ file rows to sql.js dominates it otherwise.
const args = { variants: 100_000, dbVariants: 25_000, json: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--json') args.json = true;
  else if (a === '--variants') args.variants = Number(process.argv[++i]);
  else if (a === '--db-variants') args.dbVariants = Number(process.argv[++i]);
  else throw new Error(`unknown argument ${a} (use --variants N, --db-variants N, --json)`);
}

const referenceDir = resolve(process.env.STLMGR_REFERENCE_DIR ?? resolve(process.cwd(), '../shared/reference'));
const inventoryPath = join(referenceDir, 'fixtures/sample_inventory.json');
if (!existsSync(inventoryPath)) throw new Error(`reference inventory not found at ${inventoryPath} (set STLMGR_REFERENCE_DIR)`);

// The shipped default vocabulary; the reference vocab when the shipped one is absent.
const shipped = defaultVocabDir();
const vocabDir = existsSync(join(shipped, 'designers.yaml')) || existsSync(join(shipped, 'designers_tokenmap.json')) ? shipped : join(referenceDir, 'vocab');

function loadRuleset(layers: string[]) {
  const s = new VocabSession(layers);
  s.loadAll();
  return s.ruleset;
}

const log = (s: string) => {
  if (!args.json) process.stdout.write(`${s}\n`);
};

async function main(): Promise<void> {
  let t = performance.now();
  const ruleset = loadRuleset([vocabDir]);
  const vocabMs = performance.now() - t;
  log(`vocab: ${vocabDir} (${vocabMs.toFixed(0)} ms to load)`);

  const inventory = (JSON.parse(readFileSync(inventoryPath, 'utf8')) as { rel_path: string; size_bytes: number }[]).map((e) => ({
    relPath: e.rel_path.replace(/\\/g, '/'),
    size: e.size_bytes,
  }));
  const one = groupVariants(inventory.map((e) => ({ relPath: e.relPath, ext: extensionOf(e.relPath), kind: fileKind(extensionOf(e.relPath)) })));
  const copies = Math.max(1, Math.ceil(args.variants / one.length));
  const variants = [];
  for (let c = 0; c < copies; c++) for (const v of one) variants.push({ relPath: `copy${c}/${v.relPath}`, files: v.files.map((f) => `copy${c}/${f}`) });
  log(`inventory: ${inventory.length} files, ${one.length} variants, × ${copies} = ${variants.length} variants`);

  // 1. Pure passes, one core.
  t = performance.now();
  const siblings = inferSiblingSplits(variants.map((v) => v.relPath));
  const siblingMs = performance.now() - t;
  t = performance.now();
  let fields = 0;
  for (const v of variants) {
    const input = variantInput(v.relPath, v.files, siblings.get(v.relPath));
    const r = normalizeTokens(input.tokens, ruleset, input.options);
    if (r.fields.designer !== null) fields++;
  }
  const passMs = performance.now() - t;
  const perSecond = variants.length / (passMs / 1000);
  log(`passes: ${variants.length} variants in ${passMs.toFixed(0)} ms = ${Math.round(perSecond)} variants/s (sibling context ${siblingMs.toFixed(0)} ms; ${fields} with a designer)`);
  t = performance.now();
  let units = 0;
  for (const v of variants) {
    const inferred = inferVariant(v.relPath, v.files[0], variantInput(v.relPath, v.files, siblings.get(v.relPath)), ruleset);
    if (inferred.unit) units++;
  }
  const inferMs = performance.now() - t;
  const inferPerSecond = variants.length / (inferMs / 1000);
  log(`passes + matchers (franchise, units, collections): ${Math.round(inferPerSecond)} variants/s (${units} with a unit)`);

  // 2. Incremental pipeline on a database holding the same library.
  const store = await SqlStore.open(null);
  const root = await store.addRoot('/bench/library');
  const files: ScannedFile[] = [];
  const dbCopies = Math.max(1, Math.min(copies, Math.ceil(args.dbVariants / one.length)));
  for (let c = 0; c < dbCopies; c++) {
    for (const e of inventory) {
      const relPath = `copy${c}/${e.relPath}`;
      const ext = extensionOf(relPath);
      files.push({ relPath, size: e.size, mtimeMs: 0, ext, kind: fileKind(ext) });
    }
  }
  const result: ScanResult = { rootPath: '/bench/library', files, archives: [], variants: groupVariants(files), warnings: [], cancelled: false, crawlMs: 0 };
  t = performance.now();
  await store.applyScan(root.id, result);
  const applyMs = performance.now() - t;
  const first = await normalizeLibrary(store.db, ruleset);
  const again = await normalizeLibrary(store.db, ruleset);

  // One alias added to the vocabulary: a designer layer over the default one.
  const layer = mkdtempSync(join(tmpdir(), 'stlmgr-bench-vocab-'));
  mkdirSync(layer, { recursive: true });
  writeFileSync(join(layer, 'designers_tokenmap.json'), JSON.stringify({ designers_map_version: 2, designers: { gith_forge: { aliases: ['gith'] } } }));
  const edited = loadRuleset([vocabDir, layer]);
  rmSync(layer, { recursive: true, force: true });
  const afterEdit = await normalizeLibrary(store.db, edited);
  await store.close();
  const share = afterEdit.normalized / afterEdit.variants;
  log(`database: ${first.variants} variants, ${files.length} files applied in ${applyMs.toFixed(0)} ms`);
  log(`pipeline first run: ${first.normalized} normalized in ${first.seconds.toFixed(2)} s = ${Math.round(first.normalized / first.seconds)} variants/s`);
  log(`pipeline unchanged re-run: ${again.skipped} skipped, ${again.normalized} normalized in ${again.seconds.toFixed(2)} s`);
  log(
    `one-alias edit (designer alias "gith"): ${afterEdit.changedTerms} terms changed, ${afterEdit.normalized} re-ran (${(share * 100).toFixed(2)} %), ` +
      `${afterEdit.carried} kept, in ${afterEdit.seconds.toFixed(2)} s`,
  );
  log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (args.json) {
    process.stdout.write(
      JSON.stringify({ vocabDir, vocabMs, variants: variants.length, passMs, perSecond, inferMs, inferPerSecond, siblingMs, applyMs, first, again, afterEdit, reranShare: share, loadavg: loadavg() }, null, 2) + '\n',
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:normalize failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
