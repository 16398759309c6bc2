// The token stream of one variant (SPEC §2.3): its folder path, then the names of its model files, then synthetic
// `<N>scale` / `<NN>mm` tokens read from the raw path text. Order-preserving and de-duplicated.
import { tokenizeComponent, tokenizePath, unique } from './tokenize';

export const MODEL_EXTENSIONS: ReadonlySet<string> = new Set([
  'stl', 'obj', '3mf', 'gltf', 'glb', 'ztl', 'step', 'stp', 'lys', 'chitubox', 'ctb',
]);
export const SCALE_DENOMINATORS_SYNTHETIC: ReadonlySet<number> = new Set([4, 5, 6, 7, 8, 9, 10, 11, 12]);

function isMacJunk(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((c) => c.toLowerCase() === '__macosx');
}

function baseName(relPath: string): string {
  const parts = relPath.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const SEP = '[\\s_\\-:/\\\\.]*';
const RATIO_THEN_SCALE = new RegExp(`(?<![0-9])1${SEP}([0-9]{1,2})\\s*scale`, 'giu');
const SCALE_THEN_RATIO = new RegExp(`scale${SEP}(1?)${SEP}([0-9]{1,2})(?![0-9])`, 'giu');
const MM_RE = /\b([0-9]{2,3})\s*mm\b/giu;

/** Synthetic tokens from raw text: `6scale` for `1-6 scale` / `scale 1 6`, `32mm` for `32 mm`. */
export function syntheticTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RATIO_THEN_SCALE)) {
    const n = Number(m[1]);
    if (SCALE_DENOMINATORS_SYNTHETIC.has(n)) out.push(`${n}scale`);
  }
  for (const m of text.matchAll(SCALE_THEN_RATIO)) {
    let n = Number(m[2]);
    // `scale 12` can read as `scale 1 2`; prefer the reading whose denominator is plausible.
    if (!SCALE_DENOMINATORS_SYNTHETIC.has(n) && m[1] === '1') n = Number(`1${m[2]}`);
    if (SCALE_DENOMINATORS_SYNTHETIC.has(n)) out.push(`${n}scale`);
  }
  for (const m of text.matchAll(MM_RE)) out.push(`${m[1]}mm`);
  return out;
}

/** Path components strictly between the variant folder and the file (none when the file is not below it). */
function innerFolders(variantRel: string, fileRel: string): string[] {
  const v = variantRel.replace(/\\/g, '/').replace(/\/+$/, '');
  const f = fileRel.replace(/\\/g, '/');
  if (v !== '' && !f.startsWith(`${v}/`)) return [];
  const parts = f.slice(v === '' ? 0 : v.length + 1).split('/').filter((c) => c.length > 0);
  return parts.slice(0, -1);
}

/**
 * Tokens of a variant from its folder relPath and its member files' relPaths (`/` or `\`). Only model files
 * contribute (their name and the folders between the variant and them); `__MACOSX` content and AppleDouble/`.DS_Store` never do.
 */
export function variantTokens(relPath: string, files: readonly string[]): string[] {
  const tokens: string[] = isMacJunk(relPath) ? [] : tokenizePath(relPath);
  const sorted = [...files].sort();
  for (const f of sorted) {
    if (isMacJunk(f)) continue;
    const name = baseName(f);
    if (name.startsWith('._') || name.toLowerCase() === '.ds_store') continue;
    if (!MODEL_EXTENSIONS.has(extensionOf(name))) continue;
    // Folders between the variant and the file are part of the variant (grouping climbs `Supported/`, `LYS/`…).
    for (const folder of innerFolders(relPath, f)) tokenizeComponent(folder, tokens);
    tokenizeComponent(name, tokens);
  }
  if (!isMacJunk(relPath)) tokens.push(...syntheticTokens(relPath));
  return unique(tokens);
}
