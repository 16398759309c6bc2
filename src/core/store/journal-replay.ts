// On open: re-applies the edits of `<db>.journal` that the database file does not hold yet (seq > the file's
// journal seq), in order, with their recorded batch ids and times and without vocabulary checks (they passed them
// when first applied). A journal that does not continue this file is set aside whole; a bad line stops the replay
// there and the whole journal is kept aside as a copy. Nothing is deleted except a torn last line (an append that a
// crash cut short, so never confirmed to the user).
import type { Database } from 'sql.js';
import { revertAudit } from './audit';
import { journalPath, moveJournalAside, readJournal, setJournalAsideFrom, terminateJournal, truncateJournal, type JournalEntry } from './edit-journal';
import { applyOverrides, type EditContext } from './overrides';
import { fileId, journalSeq, writeMeta } from './store-meta';

export interface ReplayReport {
  replayed: number;
  warnings: string[];
}

/** Applies one journaled edit in its own transaction and records its seq in the same transaction. */
export function applyJournalEntry(db: Database, e: JournalEntry): void {
  const ctx: EditContext = { batchId: e.batchId, at: e.at, beforeCommit: () => writeMeta(db, 'journal_seq', e.seq) };
  if (e.op === 'override') applyOverrides(db, e.request, null, ctx);
  else revertAudit(db, e.target, e.actor, ctx);
}

export function replayJournal(db: Database, dbPath: string): ReplayReport {
  const path = journalPath(dbPath);
  const read = readJournal(path);
  const warnings: string[] = [];
  if (!read) return { replayed: 0, warnings };
  if (read.torn) {
    truncateJournal(path, read.torn.start);
    warnings.push(`the last line of the edit journal was cut short by a crash (${read.torn.bytes} bytes, an edit never confirmed); it was dropped`);
  } else if (read.unterminated) {
    terminateJournal(path);
  }
  const seq = journalSeq(db);
  const file = fileId(db);
  const pending = read.lines.filter((l) => l.entry.seq > seq);
  const foreign = pending.find((l, i) => l.entry.file !== file || l.entry.seq !== seq + 1 + i);
  if (foreign) {
    const kept = moveJournalAside(path);
    warnings.push(
      `the edit journal does not continue this database file (line ${foreign.lineNo}: seq ${foreign.entry.seq} of another saved state, ` +
        `e.g. a file replaced by its backup); nothing was replayed and it was kept as ${kept ?? path}`,
    );
    return { replayed: 0, warnings };
  }
  let stop = read.bad;
  let replayed = 0;
  for (const l of pending) {
    try {
      applyJournalEntry(db, l.entry);
      replayed++;
    } catch (err) {
      stop = { start: l.start, lineNo: l.lineNo, reason: `replaying it failed: ${err instanceof Error ? err.message : String(err)}` };
      break;
    }
  }
  if (stop) {
    const kept = setJournalAsideFrom(path, stop.start);
    warnings.push(
      `line ${stop.lineNo} of the edit journal is not a valid edit (${stop.reason}); the ${replayed} edit(s) before it were replayed, ` +
        `nothing from it on; the whole journal was kept as ${kept}`,
    );
  }
  return { replayed, warnings };
}
