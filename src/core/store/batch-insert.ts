// Inserts rows many at a time (one prepared multi-row INSERT per `batch` rows): in sql.js each statement
// execution crosses into WASM, so a 200k-row first scan is ~2x faster batched than row by row.
import type { Database, Statement } from 'sql.js';

type Cell = string | number | null;

export class BatchInsert {
  private readonly columns: number;
  private buffer: Cell[] = [];
  private many: Statement | undefined;
  private one: Statement | undefined;
  rows = 0;

  constructor(
    private readonly db: Database,
    private readonly sqlHead: string, // e.g. 'INSERT INTO file (a, b, c)'
    columns: number,
    private readonly batch = 64,
  ) {
    this.columns = columns;
  }

  private placeholders(n: number): string {
    const row = `(${Array(this.columns).fill('?').join(', ')})`;
    return Array(n).fill(row).join(', ');
  }

  add(row: Cell[]): void {
    for (const c of row) this.buffer.push(c);
    this.rows++;
    if (this.buffer.length === this.batch * this.columns) {
      this.many ??= this.db.prepare(`${this.sqlHead} VALUES ${this.placeholders(this.batch)}`);
      this.many.run(this.buffer);
      this.buffer = [];
    }
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.one ??= this.db.prepare(`${this.sqlHead} VALUES ${this.placeholders(1)}`);
    for (let i = 0; i < this.buffer.length; i += this.columns) this.one.run(this.buffer.slice(i, i + this.columns));
    this.buffer = [];
  }

  free(): void {
    this.many?.free();
    this.one?.free();
    this.many = this.one = undefined;
  }
}
