// The edit journal, `<db>.journal`: JSON Lines, append-only. Every override and revert is appended and fsynced
// inside its transaction, before COMMIT, so a user's edit is on disk within milliseconds instead of at the next full
// save of the whole database; a full save empties the journal. Each line carries its seq, the id of the saved file
// it extends, and the batch id and time the edit was given, so replaying it writes the same rows.
// See docs/store.md "Edit journal" and journal-replay.ts.
import { closeSync, copyFileSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RevertTarget } from './audit';
import type { FieldChange, OverrideRequest } from './overrides';
import { corruptTarget, fsyncDir, moveAside } from './persist';

export const journalPath = (dbPath: string): string => `${dbPath}.journal`;

interface EntryBase {
  seq: number;
  /** store_meta `file_id` of the saved file this edit extends. */
  file: string;
  batchId: string;
  at: string;
}

export type JournalOp = { op: 'override'; request: OverrideRequest } | { op: 'revert'; target: RevertTarget; actor: string };

export type JournalEntry = EntryBase & JournalOp;

const base = { seq: z.number().int().positive(), file: z.string().min(1), batchId: z.string().min(1), at: z.string().min(1) };
const lineSchema = z.discriminatedUnion('op', [
  z.object({
    ...base,
    op: z.literal('override'),
    request: z.object({
      variantIds: z.array(z.number().int()),
      changes: z.array(z.union([z.object({ field: z.string(), clear: z.literal(true) }), z.object({ field: z.string(), value: z.unknown() })])),
      source: z.enum(['user', 'bulk']),
      actor: z.string().optional(),
    }),
  }),
  z.object({
    ...base,
    op: z.literal('revert'),
    actor: z.string(),
    target: z.union([z.object({ batchId: z.string() }), z.object({ entryId: z.number().int() })]),
  }),
]);

/** The request as journaled: only the keys applyOverrides reads. */
export function journalRequest(req: OverrideRequest): OverrideRequest {
  const changes: FieldChange[] = req.changes.map((c) => ('clear' in c ? { field: c.field, clear: true } : { field: c.field, value: c.value }));
  return { variantIds: [...req.variantIds], changes, source: req.source, ...(req.actor === undefined ? {} : { actor: req.actor }) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

type Parsed = { entry: JournalEntry } | { error: string; syntax: boolean };

function parseLine(bytes: Uint8Array): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err), syntax: true };
  }
  const r = lineSchema.safeParse(raw);
  if (!r.success) return { error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), syntax: false };
  // the schema's objects strip unknown keys, so the entry holds exactly the keys it declares
  return { entry: r.data };
}

export interface JournalLine {
  entry: JournalEntry;
  /** Byte offset of the line. */
  start: number;
  lineNo: number;
}

export interface JournalContents {
  /** The valid lines before the first problem. */
  lines: JournalLine[];
  /** The last line does not parse: an append cut short by a crash (the edit was never confirmed). */
  torn: { start: number; bytes: number } | null;
  /** A line that is not a valid entry (or out of seq order) with more after it, or an invalid last entry. */
  bad: { start: number; lineNo: number; reason: string } | null;
  /** The last line is complete but lacks its newline. */
  unterminated: boolean;
}

export function readJournal(path: string): JournalContents | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  const lines: JournalLine[] = [];
  let torn: JournalContents['torn'] = null;
  let bad: JournalContents['bad'] = null;
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    const stop = nl === -1 ? buf.length : nl;
    const next = nl === -1 ? buf.length : nl + 1;
    lineNo++;
    const p = parseLine(buf.subarray(start, stop));
    if ('error' in p) {
      // only a syntax error in the very last line is a torn append; anything else cannot be explained by a crash
      if (p.syntax && next >= buf.length) torn = { start, bytes: buf.length - start };
      else bad = { start, lineNo, reason: p.error };
      break;
    }
    const prev = lines[lines.length - 1];
    if (prev && p.entry.seq <= prev.entry.seq) {
      bad = { start, lineNo, reason: `seq ${p.entry.seq} does not follow ${prev.entry.seq}` };
      break;
    }
    lines.push({ entry: p.entry, start, lineNo });
    start = next;
  }
  const unterminated = torn === null && bad === null && buf.length > 0 && buf[buf.length - 1] !== 0x0a;
  return { lines, torn, bad, unterminated };
}

function withFd<T>(path: string, flags: string, work: (fd: number) => T): T {
  const fd = openSync(path, flags);
  try {
    return work(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends one entry and fsyncs it; returns the bytes written. On failure the journal is cut back to its previous
 * length (so a half line never sits before the next one) and the error goes on.
 */
export function appendJournal(path: string, entry: JournalEntry): number {
  const created = !existsSync(path);
  const bytes = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  withFd(path, 'a', (fd) => {
    const before = fstatSync(fd).size;
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } catch (err) {
      try {
        ftruncateSync(fd, before);
      } catch {
        // the cut is best effort; open treats a half last line as torn
      }
      throw err;
    }
  });
  if (created) fsyncDir(dirname(path));
  return bytes.length;
}

/** Cuts the journal to `length` bytes, durably. */
export function truncateJournal(path: string, length = 0): void {
  if (!existsSync(path)) return;
  withFd(path, 'r+', (fd) => {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  });
}

/** Adds the newline a complete last line lacks, so the next append starts a line of its own. */
export function terminateJournal(path: string): void {
  withFd(path, 'a', (fd) => {
    writeSync(fd, '\n');
    fsyncSync(fd);
  });
}

/** Keeps a copy of the whole journal as `<journal>.corrupt-<time>` and cuts the journal at `at` (the lines before
 *  it stay, so they are replayed again after a crash). Returns the copy's path. */
export function setJournalAsideFrom(path: string, at: number): string {
  const kept = corruptTarget(path);
  copyFileSync(path, kept);
  withFd(kept, 'r', (fd) => fsyncSync(fd));
  fsyncDir(dirname(path));
  truncateJournal(path, at);
  return kept;
}

/** Moves the whole journal to `<journal>.corrupt-<time>` (it does not belong to the database it sits beside). */
export function moveJournalAside(path: string): string | null {
  if (!existsSync(path)) return null;
  const kept = moveAside(path);
  fsyncDir(dirname(path));
  return kept;
}
