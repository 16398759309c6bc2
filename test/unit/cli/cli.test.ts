import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const project = resolve(__dirname, '../../..');
let cli = '';

/** Runs the built `stlmgr` as a child process. */
function stlmgr(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STLMGR_DB: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli: stlmgr', function () {
  this.timeout(60_000);
  let dir: string;
  let lib: string;
  let db: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-cli-'));
    // the CLI bundle as esbuild.mjs makes it, built alone into the temp dir with the .wasm files beside it
    cli = join(dir, 'bin', 'cli.js');
    await build({ entryPoints: [join(project, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'error' });
    copyFileSync(join(project, 'node_modules/sql.js/dist/sql-wasm.wasm'), join(dir, 'bin', 'sql-wasm.wasm'));
    copyFileSync(join(project, 'node_modules/7z-wasm/7zz.wasm'), join(dir, 'bin', '7zz.wasm'));
    lib = join(dir, 'lib');
    db = join(dir, 'db', 'library.db');
    for (const rel of ['Designer/Knight/supported/knight.stl', 'Designer/Knight/knight.lys', 'Designer/Knight/knight.jpg', 'Designer/Dragon/dragon.3mf', 'loose.txt']) {
      mkdirSync(dirname(join(lib, rel)), { recursive: true });
      writeFileSync(join(lib, rel), 'x');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scan prints a table, then --json; a rescan writes nothing', () => {
    const first = stlmgr(['scan', lib, '--db', db]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^files\s+5$/m);
    assert.match(first.out, /^variants\s+2$/m);
    assert.match(first.out, /^seconds\s+\d+\.\d\d$/m);
    const again = stlmgr(['scan', lib, '--db', db, '--json']);
    assert.equal(again.code, 0, again.err);
    const s = JSON.parse(again.out);
    assert.equal(s.writes, 0);
    assert.equal(s.unchanged, 5);
    assert.equal(s.kinds.slicer, 1);
    const excluded = stlmgr(['scan', lib, '--db', join(dir, 'excluded.db'), '--exclude', '**/Dragon', '--json']);
    assert.equal(excluded.code, 0, excluded.err);
    assert.deepEqual([JSON.parse(excluded.out).files, JSON.parse(excluded.out).variants], [4, 1]);
  });

  it('stats and list read the same database; STLMGR_DB is the default', () => {
    const stats = stlmgr(['stats', '--json'], { STLMGR_DB: db });
    assert.equal(stats.code, 0, stats.err);
    assert.deepEqual([JSON.parse(stats.out).variants, JSON.parse(stats.out).files], [2, 5]);
    const list = stlmgr(['list', '--db', db, '--limit', '1', '--offset', '1', '--json']);
    assert.equal(list.code, 0, list.err);
    const page = JSON.parse(list.out);
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((v: { relPath: string }) => v.relPath), ['Designer/Knight']);
    const table = stlmgr(['list', '--db', db]);
    assert.match(table.out, /Designer\/Dragon/);
    assert.match(table.out, /1-2 of 2 variants/);
  });

  it('bad input: missing folder (3), bad number or flag (2), no database yet (3)', () => {
    const missing = stlmgr(['scan', join(dir, 'nope'), '--db', db]);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /folder not found/);
    const badNumber = stlmgr(['list', '--db', db, '--limit', 'ten']);
    assert.equal(badNumber.code, 2);
    assert.match(badNumber.err, /whole number/);
    const badFlag = stlmgr(['stats', '--db', db, '--frobnicate']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.err, /unknown option/);
    const noDb = stlmgr(['stats', '--db', join(dir, 'none.db')]);
    assert.equal(noDb.code, 3);
    assert.match(noDb.err, /no database/);
    assert.equal(stlmgr(['--help']).code, 0);
  });

  it('a corrupt database: exit 4, the file is moved aside and the backup is named', () => {
    const path = join(dir, 'corrupt', 'library.db');
    assert.equal(stlmgr(['scan', lib, '--db', path]).code, 0);
    assert.equal(stlmgr(['scan', lib, '--db', path]).code, 0); // second save leaves a .bak
    writeFileSync(path, 'garbage, not sqlite');
    const r = stlmgr(['stats', '--db', path]);
    assert.equal(r.code, 4);
    assert.match(r.err, /unreadable/);
    assert.match(r.err, /library\.db\.bak/);
    assert.ok(!existsSync(path), 'nothing written in its place');
    assert.ok(readdirSync(dirname(path)).some((f) => f.startsWith('library.db.corrupt-')));
    const restored = stlmgr(['restore-backup', '--db', path]);
    assert.equal(restored.code, 0, restored.err);
    const stats = stlmgr(['stats', '--db', path, '--json']);
    assert.equal(stats.code, 0, stats.err);
    assert.equal(JSON.parse(stats.out).variants, 2);
    assert.equal(stlmgr(['restore-backup', '--db', join(dir, 'nothing.db')]).code, 3);
  });

  it('restore-backup keeps the edit journal of the replaced file aside and says where', () => {
    const path = join(dir, 'journaled', 'library.db');
    assert.equal(stlmgr(['scan', lib, '--db', path]).code, 0);
    assert.equal(stlmgr(['scan', lib, '--db', path]).code, 0);
    writeFileSync(`${path}.journal`, '{"unsaved": "edits of the current file"}\n');
    const restored = stlmgr(['restore-backup', '--db', path]);
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /previous file kept as .*library\.db\.replaced-/);
    assert.match(restored.out, /its edit journal kept as .*library\.db\.journal\.corrupt-/);
    assert.ok(!existsSync(`${path}.journal`), 'no journal left to replay onto the backup');
  });
});
