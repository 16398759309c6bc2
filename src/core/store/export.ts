// Export of effective values (`override ?? auto`) for every variant, as CSV or JSON: what `stlmgr export` and the
// "Export Library" command write.
import type { Database } from 'sql.js';
import { FIELDS, displayValue, readEffective, type FieldValue } from './effective';

export interface ExportRow {
  id: number;
  root: string;
  rel_path: string;
  missing: boolean;
  file_count: number;
  size_bytes: number;
  /** Effective values; fields without a value are absent. */
  fields: Record<string, FieldValue>;
}

export function exportRows(db: Database): ExportRow[] {
  const meta = new Map<number, Omit<ExportRow, 'fields'>>();
  const st = db.prepare(
    `SELECT v.id, r.path, d.rel_path, v.missing, v.file_count, v.size_bytes
     FROM variant v JOIN dir d ON d.id = v.dir_id JOIN library_root r ON r.id = v.root_id`,
  );
  try {
    while (st.step()) {
      const r = st.get();
      meta.set(r[0] as number, {
        id: r[0] as number,
        root: r[1] as string,
        rel_path: r[2] as string,
        missing: r[3] === 1,
        file_count: r[4] as number,
        size_bytes: r[5] as number,
      });
    }
  } finally {
    st.free();
  }
  const out: ExportRow[] = [];
  for (const e of readEffective(db)) {
    const m = meta.get(e.variantId);
    if (m) out.push({ ...m, fields: e.values });
  }
  return out.sort((a, b) => a.root.localeCompare(b.root) || a.rel_path.localeCompare(b.rel_path));
}

export type ExportFormat = 'csv' | 'json';

export function formatExport(rows: readonly ExportRow[], format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cols = ['id', 'root', 'rel_path', 'missing', 'file_count', 'size_bytes', ...FIELDS.map((f) => f.name)];
  const lines = [cols.join(',')];
  for (const r of rows) {
    const base = [r.id, r.root, r.rel_path, r.missing ? 'true' : 'false', r.file_count, r.size_bytes].map(String);
    lines.push([...base, ...FIELDS.map((f) => displayValue(r.fields[f.name] ?? null))].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvCell(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
