import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlStore, restoreBackup } from '../../../src/core/store/sql-store';
import { migrate, migrations, NewerSchemaError, schemaVersion, type Migration } from '../../../src/core/store/migrations';
import { loadSqlJs } from '../../../src/core/store/sql-wasm';
import { library, result } from './scan-results';

describe('store: persistence, migrations, corruption, crash safety', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the schema at the latest version with every table the spec asks for', async () => {
    const store = await SqlStore.open(null);
    assert.equal(schemaVersion(store.db), migrations.length);
    const tables = store.db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0].values.flat();
    for (const t of ['library_root', 'scan_run', 'variant', 'file', 'dir', 'scan_warning', 'override', 'audit_log']) assert.ok(tables.includes(t), t);
    const cols = (t: string) => store.db.exec(`PRAGMA table_info(${t})`)[0].values.map((r) => r[1]);
    assert.deepEqual(
      ['variant_id', 'field', 'manual_value', 'original_auto_value', 'applied_at', 'applied_by'].filter((c) => !cols('override').includes(c)),
      [],
    );
    assert.deepEqual(['resource_type', 'resource_id', 'field', 'old_value', 'new_value', 'actor', 'batch_id', 'ts'].filter((c) => !cols('audit_log').includes(c)), []);
    assert.ok(cols('file').includes('archive_file_id') && cols('file').includes('inner_path'));
    store.discard();
  });

  it('runs appended migrations once, in order, and refuses a database from a newer version', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    const extra: Migration = { version: migrations.length + 1, name: 'test: extra column', up: (d) => d.exec('ALTER TABLE variant ADD COLUMN designer TEXT') };
    assert.equal(migrate(db), migrations.length);
    assert.equal(migrate(db, [...migrations, extra]), 1);
    assert.equal(migrate(db, [...migrations, extra]), 0);
    assert.ok(db.exec('PRAGMA table_info(variant)')[0].values.some((r) => r[1] === 'designer'));
    assert.throws(() => migrate(db), NewerSchemaError);
    const broken: Migration = { version: migrations.length + 2, name: 'broken', up: (d) => d.exec('CREATE TABLE t (a); SELECT nope FROM nowhere') };
    assert.throws(() => migrate(db, [...migrations, extra, broken]));
    assert.equal(schemaVersion(db), migrations.length + 1, 'a failed migration rolls back');
    assert.equal(db.exec("SELECT count(*) FROM sqlite_master WHERE name = 't'")[0].values[0][0], 0);
    db.close();
  });

  it('saves atomically, keeps the previous file as .bak, and reopens what was saved', async () => {
    const path = join(dir, 'sub', 'library.db');
    const a = await SqlStore.open(path);
    assert.equal(a.openReport.created, true);
    const root = await a.addRoot('/lib');
    await a.applyScan(root.id, result(library(2, 3)));
    await a.save();
    assert.ok(existsSync(path));
    assert.ok(!existsSync(`${path}.bak`), 'no previous file, no backup');
    await a.addRoot('/second');
    await a.close();
    assert.ok(existsSync(`${path}.bak`));
    assert.deepEqual(readdirSync(join(dir, 'sub')).sort(), ['library.db', 'library.db.bak']);
    const b = await SqlStore.open(path);
    assert.equal(b.openReport.created, false);
    assert.equal((await b.listRoots()).length, 2);
    assert.equal((await b.stats()).files, 18);
    b.discard();
    const bak = await SqlStore.open(`${path}.bak`);
    assert.equal((await bak.listRoots()).length, 1, 'the .bak is the save before');
    bak.discard();
  });

  it('debounces saves after changes', async () => {
    const path = join(dir, 'debounced.db');
    const s = await SqlStore.open(path);
    let saves = 0;
    s.onSaved = () => saves++;
    await s.addRoot('/a');
    s.scheduleSave(30);
    await s.addRoot('/b');
    s.scheduleSave(30);
    assert.equal(saves, 0);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(saves, 1);
    assert.equal(s.isDirty, false);
    s.discard();
  });

  it('moves a corrupt file aside, reports it, starts empty, and can restore the backup', async () => {
    const path = join(dir, 'library.db');
    const s = await SqlStore.open(path);
    await s.addRoot('/lib');
    await s.save();
    await s.addRoot('/lib2');
    await s.close(); // library.db has 2 roots, .bak has 1
    writeFileSync(path, Buffer.from('this is not a database, it is a text file that got written over the library'));
    const c = await SqlStore.open(path);
    assert.ok(c.openReport.corrupt);
    assert.match(c.openReport.corrupt.reason, /not a database|malformed/);
    assert.match(c.openReport.corrupt.movedTo, /library\.db\.corrupt-/);
    assert.equal(c.openReport.corrupt.backupPath, `${path}.bak`);
    assert.ok(existsSync(c.openReport.corrupt.movedTo));
    assert.equal((await c.listRoots()).length, 0);
    c.discard();
    restoreBackup(path);
    const r = await SqlStore.open(path);
    assert.equal(r.openReport.corrupt, null);
    assert.equal((await r.listRoots()).length, 1);
    r.discard();
  });

  it('a sound SQLite file that cannot be migrated is refused and left untouched', async () => {
    const path = join(dir, 'foreign.db');
    const SQL = await loadSqlJs();
    const foreign = new SQL.Database();
    foreign.exec("CREATE TABLE file (whatever TEXT); INSERT INTO file VALUES ('not ours')");
    writeFileSync(path, foreign.export());
    foreign.close();
    await assert.rejects(SqlStore.open(path), { name: 'MigrationError' });
    assert.deepEqual(readdirSync(dir), ['foreign.db']);
  });

  it('detects a truncated database file', async () => {
    const path = join(dir, 'library.db');
    const s = await SqlStore.open(path);
    await s.applyScan((await s.addRoot('/lib')).id, result(library(5, 100)));
    await s.close();
    const full = statSync(path).size;
    const { openSync, ftruncateSync, closeSync } = await import('node:fs');
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, Math.floor(full / 2));
    closeSync(fd);
    const t = await SqlStore.open(path);
    assert.ok(t.openReport.corrupt, 'a half file must not open as a good database');
    t.discard();
  });

  it('a save killed at any moment leaves an intact database (old or new, never corrupt)', async function () {
    this.timeout(90_000);
    const path = join(dir, 'crash.db');
    const child = join(__dirname, 'crash-saver.ts');
    // several kill moments: right when the temp file appears, and at spread delays into the save loop
    const delays = [-1, 0, 7, 23, 61, 150];
    let previousRoots = 0;
    let killedMidSave = 0;
    for (const delay of delays) {
      const proc = spawn(process.execPath, ['--require', 'tsx/cjs', child, path, '40'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const ready = new Promise<number>((resolve, reject) => {
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /ready (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        proc.on('exit', () => reject(new Error(`child exited early: ${out}`)));
      });
      const files = await ready;
      assert.equal(files, 40 * 100 * 3);
      if (delay < 0) {
        // poll for the temp file of the next save and kill as soon as it exists
        const start = Date.now();
        while (!readdirSync(dir).some((f) => f.includes('.tmp-')) && Date.now() - start < 10_000) await new Promise((r) => setImmediate(r));
      } else {
        await new Promise((r) => setTimeout(r, delay));
      }
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('close', r));
      if (readdirSync(dir).some((f) => f.includes('.tmp-'))) killedMidSave++;
      const s = await SqlStore.open(path);
      assert.equal(s.openReport.corrupt, null, `corrupt after kill at ${delay} ms`);
      assert.equal((await s.stats()).files, files);
      const roots = (await s.listRoots()).length;
      assert.ok(roots >= 1);
      previousRoots = roots;
      assert.equal(s.db.exec('PRAGMA quick_check')[0].values[0][0], 'ok');
      s.discard();
      assert.ok(!readdirSync(dir).some((f) => f.includes('.tmp-')), 'stale temp files are cleaned on open');
    }
    assert.ok(previousRoots >= 1);
    assert.ok(killedMidSave >= 1, 'at least one kill must land inside a save (a temp file left behind)');
  });
});
