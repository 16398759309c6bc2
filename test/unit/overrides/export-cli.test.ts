// `stlmgr export` on a real database file: effective values (an override wins), CSV and JSON, usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/program';
import { normalizeLibrary } from '../../../src/core/normalize/pipeline';
import { SqlStore } from '../../../src/core/store/sql-store';
import { result } from '../store/scan-results';
import { FILES, ruleset } from './library-fixture';

describe('cli: stlmgr export', function () {
  let dir: string;
  let db: string;
  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-export-'));
    db = join(dir, 'library.db');
    const store = await SqlStore.open(db);
    const root = await store.addRoot('/lib');
    await store.applyScan(root.id, result(FILES));
    await normalizeLibrary(store.db, ruleset);
    const knight = (await store.searchVariants('knight', 5)).hits[0]!.id;
    await store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }, { field: 'tags', value: ['painted', 'gift'] }], source: 'user' });
    await store.close();
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes effective values as JSON and CSV', async function () {
    const json = join(dir, 'out.json');
    assert.equal(await runCli(['export', '--db', db, '--format', 'json', '--out', json]), 0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as { rel_path: string; fields: Record<string, unknown> }[];
    assert.equal(rows.length, 5);
    const knight = rows.find((r) => r.rel_path === 'Acme Forge/Knight')!;
    assert.deepEqual([knight.fields.designer, knight.fields.tags, knight.fields.support_state], ['dragonsmith', ['painted', 'gift'], 'supported']);
    const csv = join(dir, 'out.csv');
    assert.equal(await runCli(['export', '--db', db, '--out', csv]), 0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 6);
    const header = lines[0]!.split(',');
    const row = lines.find((l) => l.includes('Acme Forge/Knight'))!;
    assert.equal(row.split(',')[header.indexOf('designer')], 'dragonsmith');
    assert.ok(row.includes('"painted, gift"'));
  });

  it('rejects an unknown format and a missing database', async function () {
    const errWrite = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      assert.equal(await runCli(['export', '--db', db, '--format', 'xml']), 2);
      assert.notEqual(await runCli(['export', '--db', join(dir, 'none.db')]), 0);
    } finally {
      process.stderr.write = errWrite;
    }
  });
});
