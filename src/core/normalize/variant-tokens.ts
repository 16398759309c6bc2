// The token stream of one variant (SPEC §2.3): its folder path, then the names of its model files, then synthetic
// `<N>scale` / `<NN>mm` tokens read from the raw path text. Order-preserving and de-duplicated.
import { isSkippedName } from '../scan/skip-rules';
import { componentTokens, pathComponents } from './tokenize';

export const MODEL_EXTENSIONS: ReadonlySet<string> = new Set([
  'stl', 'obj', '3mf', 'gltf', 'glb', 'ztl', 'step', 'stp', 'lys', 'chitubox', 'ctb',
]);
export const SCALE_DENOMINATORS_SYNTHETIC: ReadonlySet<number> = new Set([4, 5, 6, 7, 8, 9, 10, 11, 12]);

const MACOSX_COMPONENT = /(^|[\\/])__macosx([\\/]|$)/i;

function isMacJunk(relPath: string): boolean {
  return MACOSX_COMPONENT.test(relPath);
}

function isSorted(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1] > list[i]) return false;
  return true;
}

const SEP = '[\\s_\\-:/\\\\.]*';
const RATIO_THEN_SCALE = new RegExp(`(?<![0-9])1${SEP}([0-9]{1,2})\\s*scale`, 'giu');
const SCALE_THEN_RATIO = new RegExp(`scale${SEP}(1?)${SEP}([0-9]{1,2})(?![0-9])`, 'giu');
const MM_RE = /\b([0-9]{2,3})\s*mm\b/giu;
// Literals each pattern needs, with the same flags (so the same case folding): most paths hold neither, and a
// plain scan for them is cheaper than the patterns' lookbehinds.
const HAS_SCALE = /scale/iu;
const HAS_MM = /mm/iu;

/** Synthetic tokens from raw text: `6scale` for `1-6 scale` / `scale 1 6`, `32mm` for `32 mm`. */
export function syntheticTokens(text: string): string[] {
  const out: string[] = [];
  if (HAS_SCALE.test(text)) scaleTokens(text, out);
  if (HAS_MM.test(text)) for (const m of text.matchAll(MM_RE)) out.push(`${m[1]}mm`);
  return out;
}

function scaleTokens(text: string, out: string[]): void {
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
}

/**
 * Tokens of a variant from its folder relPath and its member files' relPaths (`/` or `\`). Only model files
 * contribute (their name and the folders between the variant and them); `__MACOSX` content and
 * AppleDouble/`.DS_Store` never do.
 */
export function variantTokens(relPath: string, files: readonly string[]): string[] {
  return variantTokensOf(relPath, pathComponents(relPath), files);
}

/** The same, given the relPath's components (`pathComponents(relPath)`), which the caller needs anyway. */
export function variantTokensOf(relPath: string, components: readonly string[], files: readonly string[]): string[] {
  const variant = relPath.includes('\\') ? relPath.replace(/\\/g, '/') : relPath;
  // A `__MACOSX` folder anywhere in the variant's path (the folder the scan skips): its tokens never count.
  const junk = components.some((c) => isSkippedName(c, true));
  const tokens: string[] = [];
  const seen = new Set<string>();
  if (!junk) for (const c of components) addNew(componentTokens(c), seen, tokens);
  // The files' folder prefix is `<variant without trailing slashes>/`; compared in place rather than built.
  const base = variant.endsWith('/') ? variant.replace(/\/+$/, '') : variant;
  const prefixLength = variant === '' ? 0 : base.length + 1;
  const sorted = isSorted(files) ? files : [...files].sort();
  for (const raw of sorted) {
    const f = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;
    const slash = f.lastIndexOf('/');
    const dot = f.lastIndexOf('.');
    if (dot <= slash + 1 || f.length - dot > 10 || !MODEL_EXTENSIONS.has(f.slice(dot + 1).toLowerCase())) continue;
    if ((f.charCodeAt(slash + 1) === 0x2e && f.charCodeAt(slash + 2) === 0x5f) || (f.includes('__') && isMacJunk(f))) continue;
    // Folders between the variant and the file are part of the variant (grouping climbs `Supported/`, `LYS/`…).
    // `lastIndexOf(base, 0) === 0` is startsWith, several times faster in V8 on long strings.
    if (slash > prefixLength && (prefixLength === 0 || (f.charCodeAt(base.length) === 0x2f && f.lastIndexOf(base, 0) === 0))) {
      for (const folder of f.slice(prefixLength, slash).split('/')) if (folder.length > 0) addNew(componentTokens(folder), seen, tokens);
    }
    addNew(componentTokens(f.slice(slash + 1)), seen, tokens);
  }
  if (!junk) addNew(syntheticTokens(variant), seen, tokens);
  return tokens;
}

/** Appends the tokens not seen yet (the stream is de-duplicated in order as it is built). */
function addNew(list: readonly string[], seen: Set<string>, out: string[]): void {
  for (const t of list) {
    if (!seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
}
