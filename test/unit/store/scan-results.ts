// Hand-made ScanResults for store tests (the real scanner is exercised in the scan-library and CLI tests).
import type { FileKind, ScannedFile, ScanResult, VariantGroup } from '../../../src/core/scan/types';

const kindOf = (ext: string): FileKind =>
  ['stl', 'obj', '3mf'].includes(ext) ? 'model' : ext === 'lys' ? 'slicer' : ['jpg', 'png'].includes(ext) ? 'image' : ['zip', '7z', 'rar'].includes(ext) ? 'archive' : 'other';

export function file(relPath: string, size = 10, mtimeMs = 1_700_000_000_000, archivePath?: string): ScannedFile {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return { relPath, size, mtimeMs, ext, kind: kindOf(ext), ...(archivePath ? { archivePath } : {}) };
}

/** Groups by parent folder (climbing out of `supported`/`unsupported`), keeping folders with a model or archive. */
export function result(files: ScannedFile[], extra: Partial<ScanResult> = {}): ScanResult {
  const groups = new Map<string, string[]>();
  const variantOf = (f: ScannedFile): string => {
    const base = f.archivePath ?? f.relPath;
    let dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
    while (/(^|\/)(supported|unsupported)$/i.test(dir)) dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')));
    return dir;
  };
  for (const f of files) {
    const v = variantOf(f);
    if (v === '') continue;
    groups.set(v, [...(groups.get(v) ?? []), f.relPath]);
  }
  const kindByPath = new Map(files.map((f) => [f.relPath, f.kind]));
  const variants: VariantGroup[] = [...groups]
    .filter(([, members]) => members.some((m) => ['model', 'archive'].includes(kindByPath.get(m) ?? 'other')))
    .map(([relPath, members]) => ({ relPath, files: members }));
  return { rootPath: '/lib', files, archives: [], variants, warnings: [], cancelled: false, crawlMs: 1, ...extra };
}

/** A library of `designers` × `models` variants, each with a supported stl, an unsupported stl and a jpg. */
export function library(designers: number, models: number): ScannedFile[] {
  const out: ScannedFile[] = [];
  for (let d = 0; d < designers; d++) {
    for (let m = 0; m < models; m++) {
      const base = `Designer ${d}/Model ${m}`;
      out.push(file(`${base}/supported/model.stl`, 100 + m), file(`${base}/unsupported/model.stl`, 90 + m), file(`${base}/preview.jpg`, 5));
    }
  }
  return out;
}
