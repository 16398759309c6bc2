// The edit journal on real sql.js databases on disk: overrides and reverts are durable without a full save, replay
// writes identical rows, a full save empties the journal, unjournaled changes are saved first, torn and corrupt
// journals, journals that belong to another file, a failed append, and a process killed right after an override.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath } from '../../../src/core/store/edit-journal';
import { loadSqlJs } from '../../../src/core/store/sql-wasm';
import { NormWriter } from '../../../src/core/store/normalized';
import { SqlStore, restoreBackup } from '../../../src/core/store/sql-store';
import { journalSeq } from '../../../src/core/store/store-meta';
import { file, library, result } from './scan-results';
import { inTransaction } from '../../../src/core/store/transaction';

type Rows = unknown[][];
const rows = (s: SqlStore, sql: string): Rows => s.db.exec(sql)[0]?.values ?? [];
/** Everything an edit writes: override rows and audit entries, with their ids, batch ids and times. */
const edits = (s: SqlStore) => ({
  overrides: rows(s, 'SELECT * FROM override ORDER BY id'),
  audit: rows(s, 'SELECT * FROM audit_log ORDER BY id'),
});
const variantIds = (s: SqlStore): number[] => rows(s, 'SELECT id FROM variant ORDER BY id').map((r) => r[0] as number);
const journalLines = (dbPath: string): string[] =>
  existsSync(journalPath(dbPath)) ? readFileSync(journalPath(dbPath), 'utf8').split('\n').filter((l) => l !== '') : [];

describe('store: edit journal', function () {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-journal-'));
    path = join(dir, 'library.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A saved library of 2 × 5 variants; counts the full saves made after it. */
  async function saved(): Promise<{ store: SqlStore; ids: number[]; saves: () => number }> {
    const store = await SqlStore.open(path);
    const root = await store.addRoot('/lib');
    await store.applyScan(root.id, result(library(2, 5)));
    store.saveNow();
    let n = 0;
    store.onSaved = () => n++;
    return { store, ids: variantIds(store), saves: () => n };
  }

  it('makes a bulk and a single override durable without a full save; reopening replays identical rows', async () => {
    const { store, ids, saves } = await saved();
    const fileBefore = readFileSync(path);
    const bulk = await store.applyOverrides({ variantIds: ids.slice(0, 6), changes: [{ field: 'designer', value: 'acme' }, { field: 'height_mm', value: '32' }], source: 'bulk' });
    const single = await store.applyOverrides({
      variantIds: [ids[7]!],
      changes: [{ field: 'tags', value: [' painted ', 'gift', 'gift'] }, { field: 'notes', value: 'two lines\nof notes ✓' }],
      source: 'user',
      actor: 'tester',
    });
    const cleared = await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'height_mm', clear: true }], source: 'user' });
    assert.deepEqual([bulk.entries, single.entries, cleared.entries], [12, 2, 1]);
    assert.equal(saves(), 0, 'no full save');
    assert.deepEqual(readFileSync(path), fileBefore, 'the database file is untouched');
    assert.equal(journalLines(path).length, 3);
    const before = edits(store);
    assert.equal(before.audit.length, 15);
    store.discard();

    const again = await SqlStore.open(path);
    assert.equal(again.openReport.journalReplayed, 3);
    assert.deepEqual(again.openReport.journalWarnings, []);
    assert.deepEqual(edits(again), before, 'same override rows and audit entries: ids, batch ids, times, actors');
    assert.equal(again.isDirty, true, 'replayed edits are saved by the next save');
    const detail = await again.getVariantDetail(ids[7]!);
    assert.deepEqual(detail?.fields.find((f) => f.field === 'tags')?.effective, ['painted', 'gift']);
    assert.equal((await again.searchVariants('acme', 20)).hits.length, 6, 'the search index follows replayed edits');
    again.discard();
  });

  it('journals a batch revert and replays it after the edit it reverts', async () => {
    const { store, ids } = await saved();
    const bulk = await store.applyOverrides({ variantIds: ids, changes: [{ field: 'support_state', value: 'presupported' }], source: 'bulk' });
    const rev = await store.revertAudit({ batchId: bulk.batchId });
    assert.equal(rev.entries, ids.length);
    const one = await store.applyOverrides({ variantIds: [ids[2]!], changes: [{ field: 'designer', value: 'x' }], source: 'user' });
    const entry = (await store.listAudit(ids[2]!, 0, 1)).items[0]!;
    assert.equal(entry.batchId, one.batchId);
    await store.revertAudit({ entryId: entry.id });
    const before = edits(store);
    store.discard();

    const again = await SqlStore.open(path);
    assert.equal(again.openReport.journalReplayed, 4);
    assert.deepEqual(edits(again), before);
    assert.equal(rows(again, 'SELECT count(*) FROM override')[0]![0], 0, 'both reverts undid everything');
    const sources = rows(again, `SELECT source, count(*) FROM audit_log GROUP BY source ORDER BY source`);
    assert.deepEqual(sources, [['bulk', ids.length], ['revert', ids.length + 1], ['user', 1]]);
    assert.equal(rows(again, `SELECT count(DISTINCT batch_id) FROM audit_log WHERE source = 'revert'`)[0]![0], 2);
    again.discard();
  });

  it('replays idempotently: reopening twice without a save gives the same state, no duplicate entries', async () => {
    const { store, ids } = await saved();
    await store.applyOverrides({ variantIds: ids.slice(0, 3), changes: [{ field: 'designer', value: 'a' }], source: 'bulk' });
    await store.applyOverrides({ variantIds: ids.slice(0, 3), changes: [{ field: 'designer', value: 'b' }], source: 'bulk' });
    store.discard();
    const first = await SqlStore.open(path);
    const state = edits(first);
    first.discard();
    const second = await SqlStore.open(path);
    assert.equal(second.openReport.journalReplayed, 2);
    assert.deepEqual(edits(second), state);
    assert.equal(state.audit.length, 6);
    second.discard();
  });

  it('empties the journal on a full save, skips lines the file already holds, and continues the seq across sessions', async () => {
    const { store, ids } = await saved();
    await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'designer', value: 'one' }], source: 'user' });
    await store.applyOverrides({ variantIds: [ids[1]!], changes: [{ field: 'designer', value: 'two' }], source: 'user' });
    const lines = readFileSync(journalPath(path));
    await store.close();
    assert.equal(statSync(journalPath(path)).size, 0, 'a full save empties the journal');

    // a crash between the save's rename and the journal's truncation leaves lines the file already holds
    writeFileSync(journalPath(path), lines);
    const b = await SqlStore.open(path);
    assert.equal(b.openReport.journalReplayed, 0);
    assert.equal(journalSeq(b.db), 2);
    assert.equal(rows(b, 'SELECT count(*) FROM audit_log')[0]![0], 2);
    await b.applyOverrides({ variantIds: [ids[2]!], changes: [{ field: 'designer', value: 'three' }], source: 'user' });
    assert.equal(JSON.parse(journalLines(path).at(-1)!).seq, 3);
    b.discard();

    const c = await SqlStore.open(path);
    assert.equal(c.openReport.journalReplayed, 1);
    assert.equal(journalSeq(c.db), 3);
    assert.equal(rows(c, 'SELECT count(*) FROM audit_log')[0]![0], 3);
    c.discard();
  });

  it('saves unjournaled changes (scan, normalization) in full before journaling an edit', async () => {
    const { store, ids, saves } = await saved();
    const root2 = await store.addRoot('/second');
    await store.applyScan(root2.id, result([file('Other/Dragon/dragon.stl')], { rootPath: '/second' }));
    const dragon = variantIds(store).find((id) => !ids.includes(id))!;
    await store.applyOverrides({ variantIds: [dragon], changes: [{ field: 'designer', value: 'wyrm' }], source: 'user' });
    assert.equal(saves(), 1, 'one full save, before the journal line');

    // normalization writes through store.db and marks the store dirty
    const w = new NormWriter(store.db);
    inTransaction(store.db, () => w.write({ variantId: ids[0]!, tokensKey: 'k', digest: 'd', fields: { designer: 'auto_designer' }, warnings: [], residual: [], confidence: 1 }));
    w.free();
    store.markDirty();
    await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'designer', value: 'manual' }], source: 'user' });
    assert.equal(saves(), 2);
    await store.applyOverrides({ variantIds: [ids[1]!], changes: [{ field: 'designer', value: 'manual' }], source: 'user' });
    assert.equal(saves(), 2, 'journaled edits alone need no full save');
    assert.equal(journalLines(path).length, 2, 'the second full save emptied the journal of the first edit');
    const before = edits(store);
    store.discard();

    // the file itself holds the scan and the normalization, without any replay
    const SQL = await loadSqlJs();
    const raw = new SQL.Database(readFileSync(path));
    assert.equal(raw.exec('SELECT count(*) FROM variant')[0]!.values[0]![0], ids.length + 1);
    assert.equal(raw.exec('SELECT count(*) FROM variant_norm')[0]!.values[0]![0], 1);
    assert.equal(raw.exec('SELECT count(*) FROM override')[0]!.values[0]![0], 1, 'the first edit was saved with the normalization');
    raw.close();
    const again = await SqlStore.open(path);
    assert.equal(again.openReport.journalReplayed, 2);
    assert.deepEqual(edits(again), before);
    assert.equal(rows(again, `SELECT original_auto_value FROM override WHERE variant_id = ${ids[0]!}`)[0]![0], '"auto_designer"');
    again.discard();
  });

  it('drops a torn last line with a warning and keeps appending cleanly after it', async () => {
    const reopensClean = async (replayed: number) => {
      const s = await SqlStore.open(path);
      assert.equal(s.openReport.journalReplayed, replayed);
      assert.deepEqual(s.openReport.journalWarnings, []);
      s.discard();
    };
    const { store, ids } = await saved();
    await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'designer', value: 'kept' }], source: 'user' });
    store.discard();
    const good = statSync(journalPath(path)).size;
    appendFileSync(journalPath(path), '{"seq":2,"file":"x","op":"over');
    const b = await SqlStore.open(path);
    assert.equal(b.openReport.journalReplayed, 1);
    assert.equal(b.openReport.journalWarnings.length, 1);
    assert.match(b.openReport.journalWarnings[0]!, /cut short by a crash \(30 bytes/);
    assert.equal(statSync(journalPath(path)).size, good, 'the fragment is cut off');
    await b.applyOverrides({ variantIds: [ids[1]!], changes: [{ field: 'designer', value: 'next' }], source: 'user' });
    b.discard();
    await reopensClean(2);

    // a complete last line whose newline did not make it is replayed, and the next append starts a line of its own
    writeFileSync(journalPath(path), readFileSync(journalPath(path), 'utf8').replace(/\n$/, ''));
    const d = await SqlStore.open(path);
    assert.equal(d.openReport.journalReplayed, 2);
    await d.applyOverrides({ variantIds: [ids[2]!], changes: [{ field: 'designer', value: 'third' }], source: 'user' });
    d.discard();
    await reopensClean(3);
  });

  it('stops at a corrupt middle line: replays the lines before it, keeps the whole journal aside, reports it', async () => {
    const { store, ids } = await saved();
    for (const v of ['a', 'b', 'c']) await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'designer', value: v }], source: 'user' });
    store.discard();
    const lines = journalLines(path);
    const broken = [lines[0], lines[1]!.replace('"seq":2', '"seq":"two"'), lines[2]].join('\n') + '\n';
    writeFileSync(journalPath(path), broken);
    const b = await SqlStore.open(path);
    assert.equal(b.openReport.journalReplayed, 1);
    assert.match(b.openReport.journalWarnings.join(' '), /line 2 of the edit journal is not a valid edit/);
    const kept = readdirSync(dir).filter((f) => f.startsWith('library.db.journal.corrupt-'));
    assert.equal(kept.length, 1);
    assert.equal(readFileSync(join(dir, kept[0]!), 'utf8'), broken, 'nothing deleted');
    assert.equal(readFileSync(journalPath(path), 'utf8'), `${lines[0]}\n`, 'the journal keeps the lines before the bad one');
    const designer = (await b.getVariantDetail(ids[0]!))?.fields.find((f) => f.field === 'designer');
    assert.equal(designer?.override, 'a', 'nothing after the bad line is replayed');
    b.discard();
  });

  it('never replays a journal onto a file it does not extend: a copied-in backup, restore-backup, a corrupt file', async () => {
    const { store, ids } = await saved();
    await store.applyOverrides({ variantIds: [ids[0]!], changes: [{ field: 'designer', value: 'one' }], source: 'user' });
    await store.close(); // now <db>.bak is the file before these edits
    const b = await SqlStore.open(path);
    await b.applyOverrides({ variantIds: [ids[1]!], changes: [{ field: 'designer', value: 'two' }], source: 'user' });
    b.discard();
    const journal = readFileSync(journalPath(path));

    // the extension's recovery copies the backup over the file itself
    copyFileSync(`${path}.bak`, path);
    const c = await SqlStore.open(path);
    assert.equal(c.openReport.journalReplayed, 0);
    assert.match(c.openReport.journalWarnings.join(' '), /does not continue this database file/);
    assert.equal(rows(c, 'SELECT count(*) FROM override')[0]![0], 0);
    assert.ok(!existsSync(journalPath(path)));
    c.discard();

    writeFileSync(journalPath(path), journal);
    const restored = restoreBackup(path);
    assert.ok(restored.journalMovedAside?.includes('.journal.corrupt-'));
    assert.deepEqual(readFileSync(restored.journalMovedAside!), journal);
    assert.ok(!existsSync(journalPath(path)));

    writeFileSync(journalPath(path), journal);
    writeFileSync(path, 'not a database at all, just text that is long enough to look like something');
    const d = await SqlStore.open(path);
    assert.ok(d.openReport.corrupt);
    assert.equal(d.openReport.journalReplayed, 0);
    assert.match(d.openReport.journalWarnings.join(' '), /unreadable file was kept as .*library\.db\.journal\.corrupt-/);
    assert.ok(!existsSync(journalPath(path)));
    d.discard();
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('library.db.journal.corrupt-')).length, 3, 'every journal kept');
  });

  it('rolls an edit back and throws when the journal cannot be written; in-memory stores have none', async () => {
    const { store, ids } = await saved();
    mkdirSync(journalPath(path)); // the append fails: the path is a folder
    const before = edits(store);
    await assert.rejects(store.applyOverrides({ variantIds: ids, changes: [{ field: 'designer', value: 'lost' }], source: 'bulk' }), /EISDIR/);
    assert.deepEqual(edits(store), before, 'nothing half-done');
    assert.equal(journalSeq(store.db), 0);
    store.discard();

    const mem = await SqlStore.open(null);
    const root = await mem.addRoot('/lib');
    await mem.applyScan(root.id, result(library(1, 2)));
    const r = await mem.applyOverrides({ variantIds: variantIds(mem), changes: [{ field: 'designer', value: 'm' }], source: 'bulk' });
    assert.equal(r.entries, 2);
    assert.equal(journalSeq(mem.db), 0);
    mem.discard();
  });

  it('keeps an override whose process is killed right after applying it (journal fsynced, no full save)', async function () {
    this.timeout(60_000);
    const child = join(__dirname, 'crash-saver.ts');
    const proc = spawn(process.execPath, ['--require', 'tsx/cjs', child, path, '10', 'override'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const applied = await new Promise<{ batchId: string; entries: number }>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /applied (\S+) (\d+)/.exec(out);
        if (m) resolve({ batchId: m[1]!, entries: Number(m[2]) });
      });
      proc.on('exit', () => reject(new Error(`child exited early: ${out}`)));
    });
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('close', r));
    assert.equal(applied.entries, 1000);
    const s = await SqlStore.open(path);
    assert.equal(s.openReport.journalReplayed, 1);
    assert.equal(rows(s, `SELECT count(*) FROM audit_log WHERE batch_id = '${applied.batchId}'`)[0]![0], 1000);
    assert.equal(rows(s, `SELECT count(*) FROM override WHERE manual_value = '"crash_designer"'`)[0]![0], 1000);
    s.discard();
  });
});
