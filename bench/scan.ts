// bench:scan — generates a realistic library tree in a temp folder and measures, in one run: `find -printf`
// (baseline), crawl + stat only, first full scan into the database incl. save, unchanged rescan, save, reopen,
// database size and peak RSS. `npm run bench:scan [-- --files N --json --keep]`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl } from '../src/core/scan/crawl';
import { scanRoot } from '../src/core/scan/scan-root';
import { scanLibrary } from '../src/core/store/scan-library';
import { SqlStore } from '../src/core/store/sql-store';
import { storedZip } from '../scripts/stored-zip.mjs';

interface Args {
  files: number;
  json: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: 200_000, json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--files') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 100) throw new Error(`--files needs a whole number >= 100, got ${argv[i]}`);
      args.files = n;
    } else throw new Error(`unknown argument ${a} (use --files N, --json, --keep)`);
  }
  return args;
}

/**
 * designer / model folders of 10 files: most models flat (stl parts, a .lys, preview jpgs, a readme), every 10th
 * split into supported/ + unsupported/, every 200th holding a small zip. Files are empty or a few bytes.
 */
function generate(root: string, totalFiles: number): { files: number; folders: number } {
  const models = Math.ceil(totalFiles / 10);
  const perDesigner = 100;
  const zip = storedZip([['part.stl', 'solid part\nendsolid part\n']]);
  let files = 0;
  let folders = 0;
  const put = (p: string, data: string | Buffer = '') => {
    writeFileSync(p, data);
    files++;
  };
  for (let m = 0; m < models && files < totalFiles; m++) {
    const designer = join(root, `Designer ${Math.floor(m / perDesigner)} Miniatures`);
    if (m % perDesigner === 0) {
      mkdirSync(designer);
      folders++;
    }
    const model = join(designer, `Model ${m} - Hero of the Realm (32mm)`);
    mkdirSync(model);
    folders++;
    if (m % 10 === 0) {
      const sup = join(model, 'Supported');
      const unsup = join(model, 'Unsupported');
      mkdirSync(sup);
      mkdirSync(unsup);
      folders += 2;
      for (let i = 0; i < 4; i++) put(join(sup, `part_${i}_supported.stl`), 'solid');
      put(join(sup, `model_${m}.lys`));
      for (let i = 0; i < 4; i++) put(join(unsup, `part_${i}.stl`));
      put(join(model, 'preview.jpg'), 'jpg');
    } else {
      for (let i = 0; i < 5; i++) put(join(model, `body_part_${i}.stl`), i === 0 ? 'solid' : '');
      put(join(model, `model_${m}.lys`));
      put(join(model, 'preview_1.jpg'));
      put(join(model, 'preview_2.png'));
      put(join(model, 'readme.txt'), 'printed at 0.05');
      if (m % 200 === 1) put(join(model, 'bits.zip'), zip);
      else put(join(model, 'license.pdf'));
    }
  }
  return { files, folders };
}

const ms = (t0: number) => performance.now() - t0;

function readVmHWM(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'stlmgr-bench-'));
  const root = join(work, 'library');
  const dbPath = join(work, 'bench.db');
  mkdirSync(root);
  try {
    const loadBefore = loadavg()[0];
    let t = performance.now();
    const tree = generate(root, args.files);
    const generateMs = ms(t);

    // baseline: find, output streamed through a pipe and discarded (not buffered), twice (the first warms the
    // cache as our runs will be warm), the faster kept; its CPU time (user+sys) from bash's `time`
    const findOnce = () =>
      new Promise<number>((resolvePromise, reject) => {
        const t0 = performance.now();
        const p = spawn('find', [root, '-type', 'f', '-printf', '%s %T@ %p\n'], { stdio: ['ignore', 'pipe', 'inherit'] });
        p.stdout.on('data', () => undefined);
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolvePromise(ms(t0)) : reject(new Error(`find exited ${code}`))));
      });
    const findMs = Math.min(await findOnce(), await findOnce());
    const timed = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time find "$0" -type f -printf '%s %T@ %p\n' > /dev/null`, root], { encoding: 'utf8' });
    const [fu, fs] = timed.stderr.trim().split(/\s+/).slice(-2).map(Number);
    const findCpuMs = (fu + fs) * 1000;
    const cpu = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const gc = () => global.gc?.();
    gc();

    let c = cpu();
    t = performance.now();
    const crawled = await crawl(root);
    const crawlMs = ms(t);
    const crawlCpuMs = cpu() - c;
    if (crawled.files.length !== tree.files) throw new Error(`crawl saw ${crawled.files.length} files, generated ${tree.files}`);
    crawled.files.length = 0;
    gc();

    const store = await SqlStore.open(dbPath);
    c = cpu();
    t = performance.now();
    const first = await scanLibrary(store, root);
    store.saveNow();
    const firstScanMs = ms(t);
    const firstCpuMs = cpu() - c;
    gc();

    // the rescan by hand (what scanLibrary does) to time the scanner and the store's apply apart
    c = cpu();
    t = performance.now();
    const rootRow = await store.addRoot(root);
    const scanned = await scanRoot(root, { archiveSignatures: await store.archiveSignatures(rootRow.id) });
    const rescanScanMs = ms(t);
    const rescanScanCpuMs = cpu() - c;
    const re = await store.applyScan(rootRow.id, scanned);
    const rescanMs = ms(t);
    const rescanCpuMs = cpu() - c;
    if (re.writes !== 0) throw new Error(`unchanged rescan wrote ${re.writes} rows`);

    t = performance.now();
    store.saveNow();
    const saveMs = ms(t);
    store.discard();
    const dbBytes = statSync(dbPath).size;

    t = performance.now();
    const reopened = await SqlStore.open(dbPath);
    const reopenMs = ms(t);
    const stats = await reopened.stats();
    reopened.discard();

    global.gc?.();
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const report = {
      files: tree.files,
      folders: tree.folders,
      variants: first.variants,
      archives: first.archives,
      archiveEntries: first.archiveEntries,
      storedFiles: stats.files,
      cpus: cpus().length,
      loadAvgBefore: loadBefore,
      loadAvgAfter: loadavg()[0],
      generateMs: Math.round(generateMs),
      findMs: Math.round(findMs),
      crawlStatMs: Math.round(crawlMs),
      firstScanWithSaveMs: Math.round(firstScanMs),
      rescanUnchangedMs: Math.round(rescanMs),
      rescanScanMs: Math.round(rescanScanMs),
      rescanApplyMs: Math.round(rescanMs - rescanScanMs),
      rescanScanCpuMs: Math.round(rescanScanCpuMs),
      rescanApplyCpuMs: Math.round(rescanCpuMs - rescanScanCpuMs),
      rescanWrites: re.writes,
      saveMs: Math.round(saveMs),
      reopenMs: Math.round(reopenMs),
      dbBytes,
      peakRssBytes: peakRss,
      vmHWMBytes: readVmHWM(),
      findCpuMs: Math.round(findCpuMs),
      crawlCpuMs: Math.round(crawlCpuMs),
      firstScanCpuMs: Math.round(firstCpuMs),
      rescanCpuMs: Math.round(rescanCpuMs),
      ratios: {
        crawlVsFind: +(crawlMs / findMs).toFixed(2),
        rescanVsFind: +(rescanMs / findMs).toFixed(2),
        firstScanVsFind: +(firstScanMs / findMs).toFixed(2),
      },
      cpuRatios: {
        crawlVsFind: +(crawlCpuMs / findCpuMs).toFixed(2),
        rescanVsFind: +(rescanCpuMs / findCpuMs).toFixed(2),
        firstScanVsFind: +(firstCpuMs / findCpuMs).toFixed(2),
      },
      targets: { crawlVsFind: 2, rescanVsFind: 2.5, firstScanVsFind: 8, saveMs: 1000, reopenMs: 1000, peakRssMB: 400 },
    };
    if (args.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return;
    }
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const rows: Array<[string, string, string]> = [
      ['tree', `${report.files.toLocaleString('en-US')} files, ${report.folders.toLocaleString('en-US')} folders`, ''],
      ['variants / archives / entries', `${report.variants} / ${report.archives} / ${report.archiveEntries}`, ''],
      ['find -printf (baseline)', `${report.findMs} ms`, `1.00x   (cpu ${report.findCpuMs} ms)`],
      ['crawl + stat', `${report.crawlStatMs} ms`, `${report.ratios.crawlVsFind}x (target <= 2x; cpu ${report.cpuRatios.crawlVsFind}x)`],
      ['first scan + store + save', `${report.firstScanWithSaveMs} ms`, `${report.ratios.firstScanVsFind}x (target <= 8x; cpu ${report.cpuRatios.firstScanVsFind}x)`],
      ['rescan, nothing changed', `${report.rescanUnchangedMs} ms`, `${report.ratios.rescanVsFind}x (target <= 2.5x; cpu ${report.cpuRatios.rescanVsFind}x), ${report.rescanWrites} writes`],
      ['  of which scanner / store apply', `${report.rescanScanMs} / ${report.rescanApplyMs} ms`, `cpu ${report.rescanScanCpuMs} / ${report.rescanApplyCpuMs} ms`],
      ['save', `${report.saveMs} ms`, 'target <= 1000 ms'],
      ['reopen', `${report.reopenMs} ms`, 'target <= 1000 ms'],
      ['database file', mb(report.dbBytes), ''],
      ['peak RSS', mb(report.peakRssBytes), 'target <= 400 MB'],
      ['load average before / after', `${report.loadAvgBefore.toFixed(2)} / ${report.loadAvgAfter.toFixed(2)}`, `${report.cpus} cpus`],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}\n`);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:scan failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
