// 7z, rar and cbr: listed by 7-Zip compiled to WASM (package 7z-wasm), run in one reusable worker thread.
// `7zz l -slt` prints one `Key = Value` block per entry; nothing is extracted. A listing that takes longer than
// the timeout terminates the worker (the next archive gets a fresh one) and yields `archive_timeout`.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { archiveEntry } from './archive-entry';
import { hasEncryptedHeaders } from './archive-encryption';
import { listedRead, type ArchiveRead } from './archive-read';
import { SEVEN_ZIP_MOUNT, type SevenZipReply, type SevenZipRequest } from './seven-zip-protocol';
import type { ScannedFile } from './types';

export interface SevenZipOptions {
  /** Per-archive limit; default 30 s. */
  timeoutMs?: number;
}

/** Passed on every call: 7-Zip must never prompt (the WASM build aborts on a prompt). Any value works. */
const DUMMY_PASSWORD = 'stlmgr-no-password';

interface Pending {
  worker: Worker;
  resolve: (r: SevenZipReply | undefined) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Finds the worker script and 7zz.wasm beside the bundle (dist/), else in the sources and node_modules (tests). */
function workerFiles(): { script: string; execArgv: string[]; wasmPath: string } | undefined {
  const bundled = join(__dirname, 'seven-zip-worker.js');
  const source = join(__dirname, 'seven-zip-worker.ts');
  const wasmBeside = join(__dirname, '7zz.wasm');
  let wasmPath = wasmBeside;
  if (!existsSync(wasmBeside)) {
    try {
      wasmPath = join(dirname(require.resolve('7z-wasm')), '7zz.wasm');
    } catch {
      return undefined;
    }
  }
  if (existsSync(bundled)) return { script: bundled, execArgv: [], wasmPath };
  if (existsSync(source)) return { script: source, execArgv: ['--require', 'tsx/cjs'], wasmPath };
  return undefined;
}

function startWorker(): Worker | undefined {
  const files = workerFiles();
  if (!files) return undefined;
  const { script, execArgv, wasmPath } = files;
  const w = new Worker(script, { workerData: { wasmPath }, execArgv });
  w.on('message', (reply: SevenZipReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if (![...pending.values()].some((q) => q.worker === w)) w.unref();
    p.resolve(reply);
  });
  const fail = () => {
    if (worker === w) worker = undefined;
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      clearTimeout(p.timer);
      pending.delete(id);
      p.resolve(undefined);
    }
  };
  w.on('error', fail);
  w.on('exit', fail);
  return w;
}

function runSevenZip(absPath: string, timeoutMs: number): Promise<SevenZipReply | 'timeout' | 'missing' | undefined> {
  worker ??= startWorker();
  const w = worker;
  if (!w) return Promise.resolve('missing');
  w.ref();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      if (worker === w) worker = undefined;
      void w.terminate();
      resolve('timeout');
    }, timeoutMs);
    pending.set(id, { worker: w, resolve, timer });
    const req: SevenZipRequest = { id, folder: dirname(absPath), name: basename(absPath), password: DUMMY_PASSWORD };
    w.postMessage(req);
  });
}

/** Stops the 7-Zip worker (it is unref'ed when idle, so this is only needed to free its memory early). */
export async function closeSevenZip(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}

export async function listWithSevenZip(absPath: string, relPath: string, options: SevenZipOptions = {}): Promise<ArchiveRead> {
  const reply = await runSevenZip(absPath, options.timeoutMs ?? 30_000);
  if (reply === 'timeout') {
    return { status: 'failed', entries: [], warning: { code: 'archive_timeout', message: `listing took longer than ${options.timeoutMs ?? 30_000} ms; skipped` } };
  }
  if (reply === 'missing') {
    return { status: 'unsupported', entries: [], warning: { code: 'archive_unsupported', message: '7-Zip reader (seven-zip-worker.js, 7zz.wasm) not found beside the program' } };
  }
  if (reply === undefined) {
    return { status: 'failed', entries: [], warning: { code: 'archive_corrupt', message: '7-Zip worker stopped while listing' } };
  }
  const read = parseSevenZipListing(reply, relPath);
  if (read.status === 'failed' && read.warning?.code === 'archive_corrupt' && (await hasEncryptedHeaders(absPath))) {
    // 7-Zip (WASM) aborts instead of reporting a wrong password when the names themselves are encrypted.
    return { status: 'failed', entries: [], warning: { code: 'archive_encrypted', message: ENCRYPTED_NAMES } };
  }
  if (read.warning) read.warning.message = read.warning.message.replaceAll(`${SEVEN_ZIP_MOUNT}/`, '');
  return read;
}

const ENCRYPTED_NAMES = 'archive headers are encrypted: names cannot be listed without the password';

/** Parses `7zz l -slt` output into entries, or a failure with the reason 7-Zip printed. */
export function parseSevenZipListing(reply: Pick<SevenZipReply, 'lines' | 'exitCode' | 'aborted'>, relPath: string): ArchiveRead {
  const errors = reply.lines.filter((l) => /ERROR|Error:|Wrong password|Can not open|Cannot open|Unexpected end/i.test(l));
  const text = errors.join(' ').trim();
  if (/wrong password|encrypted archive/i.test(text)) {
    return { status: 'failed', entries: [], warning: { code: 'archive_encrypted', message: ENCRYPTED_NAMES } };
  }
  const sepAt = reply.lines.indexOf('----------');
  if (sepAt < 0 || reply.aborted || reply.exitCode !== 0) {
    const reason = text || (reply.aborted ? '7-Zip aborted' : `7-Zip exit code ${reply.exitCode}`);
    return { status: 'failed', entries: [], warning: { code: 'archive_corrupt', message: `cannot list archive: ${reason}` } };
  }
  const entries: ScannedFile[] = [];
  let encrypted = 0;
  let block = new Map<string, string>();
  const flush = () => {
    const path = block.get('Path');
    if (path !== undefined && block.get('Folder') !== '+' && !(block.get('Attributes') ?? '').startsWith('D')) {
      if (block.get('Encrypted') === '+') encrypted++;
      const f = archiveEntry(relPath, path, Number(block.get('Size') || 0), parseModified(block.get('Modified')));
      if (f) entries.push(f);
    }
    block = new Map();
  };
  for (let i = sepAt + 1; i < reply.lines.length; i++) {
    const line = reply.lines[i];
    if (line === '') {
      flush();
      continue;
    }
    const eq = line.indexOf(' = ');
    if (eq > 0) block.set(line.slice(0, eq), line.slice(eq + 3));
    else if (line.endsWith(' =')) block.set(line.slice(0, -2), '');
  }
  flush();
  return listedRead(entries, encrypted);
}

/** `2025-08-19 13:49:48.3599740` (7-Zip prints the archive's time as is; read as UTC) → epoch ms, 0 when absent. */
function parseModified(value: string | undefined): number {
  const m = value && /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/.exec(value);
  if (!m) return 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}
