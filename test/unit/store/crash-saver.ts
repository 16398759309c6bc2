// Child process for the crash test: builds a large database, saves it, then keeps changing and saving it until
// killed. Prints "ready <files>" after the first save and "saved <generation>" after each later one.
import { SqlStore } from '../../../src/core/store/sql-store';
import { library, result } from './scan-results';

async function main(): Promise<void> {
  const [dbPath, designers] = process.argv.slice(2);
  const store = await SqlStore.open(dbPath);
  const root = await store.addRoot('/lib');
  await store.applyScan(root.id, result(library(Number(designers), 100)));
  store.saveNow();
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
