// Which kind of vocab file a path holds, from its name and folder (relative to a vocab folder, `/`-separated).
// Files no loader reads (the original's legacy Markdown unit lists, backups, docs) are `ignored`.
import type { VocabKind } from './schemas/kinds';

export type FileFormat = 'yaml' | 'json' | 'markdown-map' | 'text';

export type FileKindResult =
  | { kind: VocabKind; format: FileFormat }
  | { kind: 'ignored'; reason: string }
  | { kind: 'unknown' };

export function fileKindOf(relPath: string): FileKindResult {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1]!.toLowerCase();
  const dir = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : '';
  const ext = /\.([a-z0-9]+)$/.exec(base)?.[1] ?? '';
  const data: FileFormat | undefined =
    ext === 'yaml' || ext === 'yml' ? 'yaml' : ext === 'json' ? 'json' : undefined;

  if (base === 'tokenmap.md') return { kind: 'tokenmap', format: 'markdown-map' };
  if (base === 'designers_tokenmap.md') return { kind: 'designers', format: 'markdown-map' };
  if (base === 'characters_tokenmap.md') return { kind: 'characters', format: 'yaml' };
  if (ext === 'txt') return { kind: 'word-list', format: 'text' };
  if (!data) return { kind: 'ignored', reason: ext === 'md' ? 'documentation' : `not a vocab format (.${ext || 'none'})` };

  if (dir === 'franchises') return { kind: 'franchise', format: data };
  if (dir === 'collections') return { kind: 'collections', format: data };
  if (dir === 'i18n') return { kind: 'glossary', format: data };
  if (dir === 'codex') return { kind: 'codex', format: data };
  if (dir === 'parts') return { kind: 'parts', format: data };
  const stem = base.replace(/\.[^.]+$/, '');
  if (stem === 'designers' || stem === 'designers_tokenmap') return { kind: 'designers', format: data };
  if (stem === 'tokenmap') return { kind: 'tokenmap', format: data };
  if (stem === 'lineages') return { kind: 'lineages', format: data };
  if (stem === 'franchise_preferences') return { kind: 'franchise-preferences', format: data };
  if (stem === 'mmf_usernames') return { kind: 'mmf-usernames', format: data };
  if (stem === 'characters') return { kind: 'characters', format: data };
  if (stem.startsWith('codex_units_')) return { kind: 'codex-units', format: data };
  if (stem.startsWith('wargear_') || stem.startsWith('bodies_')) return { kind: 'parts', format: data };
  return { kind: 'unknown' };
}

/** Game system key a file name implies (`codex_units_aos.yaml`, `wargear_w40k.yaml`), if any. */
export function systemFromFileName(relPath: string): string | undefined {
  const stem = relPath.split('/').pop()!.toLowerCase().replace(/\.[^.]+$/, '');
  const tail = stem.replace(/^(codex_units|wargear|bodies)_/, '');
  return systemAliases.get(tail);
}

/** The original's system names (file names and `codex_units.<name>`) → this project's system keys. */
export const systemAliases: ReadonlyMap<string, string> = new Map([
  ['w40k', 'w40k'], ['40k', 'w40k'], ['warhammer_40k', 'w40k'], ['wh40k', 'w40k'],
  ['aos', 'aos'], ['age_of_sigmar', 'aos'],
  ['heresy', 'heresy'], ['horus_heresy', 'heresy'], ['warhammer_30k', 'heresy'], ['30k', 'heresy'],
  ['old_world', 'old_world'], ['oldworld', 'old_world'], ['the_old_world', 'old_world'], ['tow', 'old_world'],
]);
