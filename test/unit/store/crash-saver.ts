// Child process for the crash tests. Default mode: builds a large database, saves it, then keeps changing and saving
// it until killed; prints "ready <files>" after the first save and "saved <generation>" after each later one.
// Mode `override`: builds and saves the database, applies one bulk override to every variant (journaled, no full
// save), prints "applied <batchId> <entries>" and waits to be killed.
import { SqlStore } from '../../../src/core/store/sql-store';
import { library, result } from './scan-results';

async function main(): Promise<void> {
  const [dbPath, designers, mode] = process.argv.slice(2);
  const store = await SqlStore.open(dbPath);
  const root = await store.addRoot('/lib');
  await store.applyScan(root.id, result(library(Number(designers), 100)));
  store.saveNow();
  if (mode === 'override') {
    const ids = (store.db.exec('SELECT id FROM variant ORDER BY id')[0]?.values ?? []).map((r) => r[0] as number);
    const r = await store.applyOverrides({ variantIds: ids, changes: [{ field: 'designer', value: 'crash_designer' }], source: 'bulk' });
    process.stdout.write(`applied ${r.batchId} ${r.entries}\n`);
    setInterval(() => undefined, 1000);
    return;
  }
  const files = Number(store.db.exec('SELECT count(*) FROM file')[0].values[0][0]);
  process.stdout.write(`ready ${files}\n`);
  for (let gen = 1; ; gen++) {
    await store.addRoot(`/generation/${gen}`);
    store.saveNow();
    process.stdout.write(`saved ${gen}\n`);
    await new Promise((r) => setImmediate(r));
  }
}

void main();
