// bench:search — a library of N variants (default 100,000; 3 files each) stored through applyScan, automatic values
// written as normalization writes them, then: first index build, search-as-you-type (every prefix of realistic
// queries; p50/p95/max), facet count refreshes (no filter, one facet selected, text + NSFW hidden), and a bulk
// override of 1,000 variants and its batch revert: each is durable once its edit-journal line is fsynced (`applyMs`,
// the durable point), and the full atomic save of the database file that follows is measured apart (`fullSaveMs`).
// `npm run bench:search [-- --variants N --json]`. Targets: search p95 ≤ 50 ms, facets ≤ 100 ms, bulk override
// durable ≤ 1 s.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScannedFile, ScanResult } from '../src/core/scan/types';
import { journalPath } from '../src/core/store/edit-journal';
import { NormWriter } from '../src/core/store/normalized';
import { refreshSearchIndex } from '../src/core/store/search-index';
import { SqlStore } from '../src/core/store/sql-store';
import { inTransaction } from '../src/core/store/transaction';

const argv = process.argv.slice(2);
const variants = Number(argv[argv.indexOf('--variants') + 1]) || 100_000;
const json = argv.includes('--json');

const DESIGNERS = Array.from({ length: 400 }, (_, i) => `designer_${i.toString(36)}_${['forge', 'miniatures', 'studio', 'sculpts'][i % 4]}`);
const FACTIONS = ['w40k:space_marines', 'w40k:orks', 'aos:stormcast_eternals', 'aos:skaven', 'w40k:necrons', 'aos:nighthaunt'];
const WORDS = ['knight', 'dragon', 'ranger', 'elf', 'orc', 'goblin', 'wizard', 'paladin', 'captain', 'marine', 'witch', 'ogre', 'troll', 'golem', 'archer', 'samurai'];

function library(n: number): ScanResult {
  const files: ScannedFile[] = [];
  const groups: { relPath: string; files: string[] }[] = [];
  for (let i = 0; i < n; i++) {
    const d = DESIGNERS[i % DESIGNERS.length]!;
    const w = WORDS[i % WORDS.length]!;
    const w2 = WORDS[(i * 7) % WORDS.length]!;
    const rel = `${d}/${2020 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}/${w} ${w2} ${i}`;
    const members = [`${rel}/${w}_supported.stl`, `${rel}/${w}_unsupported.stl`, `${rel}/preview.jpg`];
    files.push(
      { relPath: members[0]!, size: 2_000_000 + i, mtimeMs: 1_700_000_000_000, ext: 'stl', kind: 'model' },
      { relPath: members[1]!, size: 1_900_000 + i, mtimeMs: 1_700_000_000_000, ext: 'stl', kind: 'model' },
      { relPath: members[2]!, size: 50_000, mtimeMs: 1_700_000_000_000, ext: 'jpg', kind: 'image' },
    );
    groups.push({ relPath: rel, files: members });
  }
  return { rootPath: '/bench', files, archives: [], variants: groups, warnings: [], cancelled: false, crawlMs: 0 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stlmgr-bench-search-'));
  const out: Record<string, unknown> = { variants, loadavg: loadavg()[0]!.toFixed(1), cpus: cpus().length };
  try {
    const dbPath = join(dir, 'library.db');
    const journalBytes = () => statSync(journalPath(dbPath)).size;
    const store = await SqlStore.open(dbPath);
    const root = await store.addRoot('/bench');
    let t = performance.now();
    await store.applyScan(root.id, library(variants));
    out.applyScanMs = Math.round(performance.now() - t);

    // automatic values, as the normalization pipeline writes them
    const ids = (store.db.exec('SELECT id FROM variant ORDER BY id')[0]?.values ?? []).map((r) => r[0] as number);
    const w = new NormWriter(store.db);
    inTransaction(store.db, () => ids.forEach((id, i) => {
      const fields: Record<string, unknown> = {
        designer: DESIGNERS[i % DESIGNERS.length],
        support_state: ['presupported', 'supported', 'unsupported'][i % 3],
        faction: FACTIONS[i % FACTIONS.length],
      };
      if (i % 5 === 0) fields.segmentation = 'split';
      if (i % 4 === 0) fields.scale_ratio_den = [6, 10, 12][i % 3];
      else fields.height_mm = [28, 32, 54, 75][i % 4];
      if (i % 17 === 0) fields.content_flag = 'nsfw';
      w.write({ variantId: id, tokensKey: 'k', digest: 'd', fields, warnings: [], residual: [], confidence: 5 });
    }));
    w.free();

    t = performance.now();
    const built = refreshSearchIndex(store.db);
    out.indexBuild = { variants: built.variants, ms: Math.round(performance.now() - t) };
    t = performance.now();
    await store.save();
    out.firstSaveMs = Math.round(performance.now() - t);
    out.dbMB = r1(statSync(join(dir, 'library.db')).size / 1e6);

    // search as you type: every prefix of each query, as a quick pick would send it
    const queries = ['knight', 'dragon ranger', 'designer_a forge', 'stormcast', 'presup elf', 'samurai 4242', 'split ogre', 'zzz nothing'];
    const times: number[] = [];
    let found = 0;
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const s = performance.now();
        const r = await store.searchVariants(q.slice(0, i), 100);
        times.push(performance.now() - s);
        found += r.hits.length;
      }
    }
    out.search = { calls: times.length, p50: r1(pct(times, 50)), p95: r1(pct(times, 95)), max: r1(Math.max(...times)), hits: found };

    t = performance.now();
    await store.facetCounts({});
    out.facetCacheBuildMs = Math.round(performance.now() - t); // once per session, before the first count

    const facetTimes: Record<string, number> = {};
    for (const [name, filter] of [
      ['none', {}],
      ['designer', { values: { designer: [DESIGNERS[3]!] } }],
      ['faction+support', { values: { faction: ['aos:skaven'], support_state: ['presupported'] } }],
      ['text+nsfwHidden', { text: 'knight', nsfw: 'hide' as const }],
    ] as const) {
      const s = performance.now();
      await store.facetCounts(filter);
      facetTimes[name] = r1(performance.now() - s);
    }
    out.facetsMs = facetTimes;

    // bulk override of 1,000 variants: durable when it returns (journal line fsynced); then the full save of the
    // whole file, which the extension does 2 s later to keep the journal short
    const picked = ids.filter((_, i) => i % Math.floor(variants / 1000) === 0).slice(0, 1000);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await store.applyOverrides({ variantIds: picked, changes: [{ field: 'designer', value: 'bulk_designer' }], source: 'bulk' });
    const applyMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const bulkJournal = journalBytes();
    t = performance.now();
    await store.save();
    out.bulkOverride = {
      variants: r.variants,
      entries: r.entries,
      applyMs: Math.round(applyMs),
      applyCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      journalBytes: bulkJournal,
      fullSaveMs: Math.round(performance.now() - t),
      journalBytesAfterSave: journalBytes(),
    };
    t = performance.now();
    const counts = await store.facetCounts({ values: { designer: ['bulk_designer'] } });
    out.facetsAfterBulk = { matching: counts.total, ms: r1(performance.now() - t) };
    t = performance.now();
    const rev = await store.revertAudit({ batchId: r.batchId });
    const revertMs = performance.now() - t;
    const revertJournal = journalBytes();
    t = performance.now();
    await store.save();
    out.revertBatch = { entries: rev.entries, applyMs: Math.round(revertMs), journalBytes: revertJournal, fullSaveMs: Math.round(performance.now() - t) };
    // how much of the file the search index and facet table take (they are saved with everything else)
    store.db.exec('VACUUM');
    const whole = store.db.export().length;
    store.db.exec('DROP TABLE variant_fts; DROP TABLE variant_facet; DROP TABLE search_dirty; VACUUM');
    out.searchTablesMB = r1((whole - store.db.export().length) / 1e6);
    store.discard();

    const search = out.search as { p95: number };
    out.targets = {
      searchP95: search.p95 <= 50,
      facets: Object.values(facetTimes).every((ms) => ms <= 100),
      bulkOverrideDurable: applyMs <= 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (json) process.stdout.write(JSON.stringify(out) + '\n');
  else for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(22)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
}

void main();
