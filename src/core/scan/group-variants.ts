// Variant grouping (SPEC §1.2, the original's load_sample.py): a variant is the folder that holds model files,
// after climbing out of sub-folders that only say how the files were prepared (supported/, stl/, lys/, …).
import { isSkippedName } from './skip-rules';
import type { FileKind, VariantGroup } from './types';

/** Folder names that are climbed out of, compared case-insensitively. */
export const CLIMBED_FOLDER_NAMES: ReadonlySet<string> = new Set([
  'hands',
  'supported',
  'unsupported',
  'stl',
  'supported stl',
  'unsupported stl',
  'supported_stl',
  'unsupported_stl',
  'lys',
]);

/** Extensions that make a folder a variant besides model and archive kinds: the original's slicer projects. */
const VARIANT_MAKING_EXTS: ReadonlySet<string> = new Set(['lys', 'chitubox', 'ctb']);

export interface GroupableFile {
  relPath: string;
  ext: string;
  kind: FileKind;
  /** Set on archive entries: they join the variant of their archive and never make one themselves. */
  archivePath?: string;
}

/** The variant folder a root-relative file path belongs to, or `undefined` for loose root files and `__MACOSX`. */
export function variantFolderOf(relPath: string): string | undefined {
  const parts = relPath.replace(/\\/g, '/').split('/');
  if (parts.some((p) => isSkippedName(p, true))) return undefined;
  parts.pop();
  while (parts.length > 0 && CLIMBED_FOLDER_NAMES.has(parts[parts.length - 1].toLowerCase())) parts.pop();
  return parts.length > 0 ? parts.join('/') : undefined;
}

function makesVariant(f: GroupableFile): boolean {
  return f.kind === 'model' || f.kind === 'archive' || VARIANT_MAKING_EXTS.has(f.ext);
}

/** Groups files into variants, sorted by relPath; member files keep their input order. */
export function groupVariants(files: readonly GroupableFile[]): VariantGroup[] {
  const byFolder = new Map<string, { files: string[]; keep: boolean }>();
  const folderOfArchive = new Map<string, string>();
  const entries: GroupableFile[] = [];
  for (const f of files) {
    if (f.archivePath !== undefined) {
      entries.push(f);
      continue;
    }
    const folder = variantFolderOf(f.relPath);
    if (folder === undefined) continue;
    let group = byFolder.get(folder);
    if (!group) byFolder.set(folder, (group = { files: [], keep: false }));
    group.files.push(f.relPath);
    if (makesVariant(f)) group.keep = true;
    if (f.kind === 'archive') folderOfArchive.set(f.relPath, folder);
  }
  for (const e of entries) {
    const folder = folderOfArchive.get(e.archivePath!);
    if (folder !== undefined) byFolder.get(folder)!.files.push(e.relPath);
  }
  const variants: VariantGroup[] = [];
  for (const [relPath, group] of byFolder) if (group.keep) variants.push({ relPath, files: group.files });
  variants.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return variants;
}
