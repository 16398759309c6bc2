// Compares ways to list + stat a big library: `find -printf` (the floor), the project's crawler, fdir + stats,
// and a plain sequential fs.opendir walk + stats. Generates a tree of empty files in a temp dir and removes it.
// Usage: npx tsx bench/crawl-compare.ts [--files 200000] [--folders 20000] [--runs 3]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fdir } from 'fdir';
import { crawl } from '../src/core/scan/crawl';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FILES = arg('files', 200_000);
const FOLDERS = arg('folders', 20_000);
const RUNS = arg('runs', 3);

function generate(root: string): void {
  const top = Math.max(1, Math.round(Math.sqrt(FOLDERS)));
  const perFolder = Math.ceil(FILES / FOLDERS);
  let made = 0;
  for (let d = 0; d < FOLDERS; d++) {
    const dir = join(root, `Designer ${d % top}`, `Model ${d} supported`);
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < perFolder && made < FILES; f++, made++) fs.writeFileSync(join(dir, `part_${f}.stl`), '');
  }
}

function findPrintf(root: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('find', [root, '-type', 'f', '-printf', '%s %T@ %p\n']);
    let lines = 0;
    child.stdout.on('data', (b: Buffer) => {
      for (let i = 0; i < b.length; i++) if (b[i] === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', () => resolve(lines));
  });
}

/** Stats paths with `limit` requests in flight (the same batching the crawler uses). */
function statAll(paths: string[], limit = 48): Promise<number> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    let total = 0;
    if (paths.length === 0) return resolve(0);
    const one = () => {
      const p = paths[next++];
      fs.stat(p, (err, st) => {
        if (!err) total += st.size >= 0 ? 1 : 0;
        if (++done === paths.length) resolve(total);
        else if (next < paths.length) one();
      });
    };
    for (let i = 0; i < Math.min(limit, paths.length); i++) one();
  });
}

async function fdirAndStat(root: string): Promise<number> {
  const paths = (await new fdir().withFullPaths().crawl(root).withPromise()) as string[];
  return statAll(paths);
}

async function opendirWalk(root: string): Promise<number> {
  const paths: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for await (const e of await fs.promises.opendir(dir)) {
      const p = dir + sep + e.name;
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) paths.push(p);
    }
  }
  return statAll(paths);
}

function fdirSyncAndStatSync(root: string): number {
  let n = 0;
  for (const p of new fdir().withFullPaths().crawl(root).sync() as string[]) if (fs.statSync(p, { throwIfNoEntry: false })) n++;
  return n;
}

interface Method {
  name: string;
  run: () => Promise<number> | number;
  times: number[];
  files: number;
}

/** Runs the methods round-robin (so a burst of load on the shared machine hits all of them), median per method. */
async function measure(methods: Method[]): Promise<void> {
  for (let i = 0; i < RUNS; i++) {
    for (const m of methods) {
      const t = performance.now();
      m.files = await m.run();
      m.times.push(performance.now() - t);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const root = fs.mkdtempSync(join(tmpdir(), 'stlmgr-crawl-bench-'));
  try {
    const g = performance.now();
    generate(root);
    console.log(`generated ${FILES} files in ${FOLDERS} folders in ${((performance.now() - g) / 1000).toFixed(1)} s; median of ${RUNS} warm runs, round-robin:`);
    await findPrintf(root); // warm the cache once for everyone
    const m = (name: string, run: () => Promise<number> | number): Method => ({ name, run, times: [], files: 0 });
    const methods = [
      m('find -printf', () => findPrintf(root)),
      m('crawl() (project)', async () => (await crawl(root)).files.length),
      m('fdir async + stat batches', () => fdirAndStat(root)),
      m('fdir sync + statSync', () => fdirSyncAndStatSync(root)),
      m('opendir walk + stat batches', () => opendirWalk(root)),
    ];
    await measure(methods);
    const floor = median(methods[0].times);
    for (const r of methods) {
      const ms = median(r.times);
      console.log(`  ${r.name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${String(r.files).padStart(7)} files  ${(ms / floor).toFixed(2)}x find`);
    }
    console.log(`  (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
