// Path tokenizer (SPEC §2.1) and the lookup-side expansions (§2.4): camelCase / letter-digit splits, glued words
// split against a dictionary, bigrams. Pure and total: any string in, an array of strings out, never a throw.
import { BoundedCache } from './bounded-cache';

/** Extensions dropped from the last dot of a path component. */
const KNOWN_EXTENSIONS = new Set([
  'stl', 'obj', '3mf', 'gltf', 'glb', 'lys', 'chitubox', 'ctb', 'step', 'ztl', 'zip', 'rar', '7z', 'cbz', 'cbr',
  'png', 'jpg', 'jpeg', 'webp', 'pdf', 'txt',
]);
const SHORT_ALPHA_SUFFIX = /^[A-Za-z]{1,5}$/;
const SPLIT_RE = /[\s_\-]+/u;
const EDGE_STRIP_RE = /^[()[\]{}+]+|[()[\]{}+]+$/gu;
export const MIN_TOKEN_LENGTH = 2;

/** Every UTF-16 code unit below 0x80 (the empty string included). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Length in code points (what the original's Python `len` counts), so one astral character is one. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Drops the part after the last dot when it is a known extension or 1–5 letters (the `5. Calix` quirk included). */
export function stripComponentExtension(component: string): string {
  const dot = component.lastIndexOf('.');
  if (dot <= 0) return component;
  // A component made only of leading dots before the last one (`..x`) has no extension either, like os.path.splitext.
  if (/^\.+$/.test(component.slice(0, dot))) return component;
  const suffix = component.slice(dot + 1);
  const trimmed = suffix.trim();
  if (KNOWN_EXTENSIONS.has(suffix.toLowerCase()) || SHORT_ALPHA_SUFFIX.test(trimmed)) return component.slice(0, dot);
  return component;
}

const componentCache = new BoundedCache<string, readonly string[]>();

/** Tokens of one path component (no separators inside), in order, duplicates kept; appended to `out`. */
export function tokenizeComponent(component: string, out: string[] = []): string[] {
  for (const t of componentTokens(component)) out.push(t);
  return out;
}

/** The same, as the shared cached list (not to be modified). */
export function componentTokens(component: string): readonly string[] {
  const tokens = componentCache.get(component);
  return tokens !== undefined ? tokens : componentCache.set(component, tokenizeComponentUncached(component));
}

function tokenizeComponentUncached(component: string): string[] {
  const out: string[] = [];
  const stripped = stripComponentExtension(component);
  // NFC only matters (and only costs) outside ASCII.
  const base = (isAscii(stripped) ? stripped : stripped.normalize('NFC')).toLowerCase();
  for (const raw of base.split(SPLIT_RE)) {
    if (codePointLength(raw) < MIN_TOKEN_LENGTH) continue;
    let t = raw.replace(EDGE_STRIP_RE, '');
    if (t.startsWith('@')) t = t.slice(1);
    if (t.endsWith('.stl')) t = t.slice(0, -4);
    if (codePointLength(t) >= MIN_TOKEN_LENGTH) out.push(t);
  }
  return out;
}

/** Path → tokens: `\` and `/` both separate, every level is tokenized. No de-duplication, no stopword removal. */
export function tokenizePath(path: string): string[] {
  const out: string[] = [];
  for (const component of path.replace(/\\/g, '/').split('/')) {
    if (component.length > 0) tokenizeComponent(component, out);
  }
  return out;
}

/** Raw path components (separators normalized, empties dropped), for the case-aware expansions. */
export function pathComponents(path: string): string[] {
  const parts = (path.includes('\\') ? path.replace(/\\/g, '/') : path).split('/');
  return parts.includes('') ? parts.filter((c) => c.length > 0) : parts;
}

const mixedCache = new BoundedCache<string, readonly string[]>();

const MIXED_BOUNDARY_RE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/**
 * camelCase and letter↔digit splits of a raw-case word (`RyukoMatoiV2` → `ryuko`, `matoi`): parts lower-cased, parts
 * shorter than 2 code points dropped (so the `v2` suffix is lost, as in the original).
 */
export function splitMixed(word: string): readonly string[] {
  return mixedCache.get(word) ?? mixedCache.set(word, splitMixedUncached(word));
}

function splitMixedUncached(word: string): string[] {
  const out: string[] = [];
  for (const piece of word.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (piece.length === 0) continue;
    for (const part of piece.split(MIXED_BOUNDARY_RE)) {
      const p = part.toLowerCase();
      if (codePointLength(p) >= MIN_TOKEN_LENGTH) out.push(p);
    }
  }
  return out;
}

/** A word list for glued-word splitting: the words and the longest one (bounds the prefix search). */
export interface GluedDictionary {
  words: ReadonlySet<string>;
  maxLength: number;
  /** Results per token (the dictionary is immutable, so they never go stale). */
  cache: BoundedCache<string, readonly string[]>;
}

export function gluedDictionary(words: Iterable<string>): GluedDictionary {
  const set = new Set<string>();
  let maxLength = 0;
  for (const w of words) {
    if (!/^\p{L}+$/u.test(w) || w.length < MIN_TOKEN_LENGTH) continue;
    set.add(w);
    if (w.length > maxLength) maxLength = w.length;
  }
  return { words: set, maxLength, cache: new BoundedCache() };
}

export const MIN_GLUED_LENGTH = 6;

/**
 * Splits a purely alphabetic token of ≥ 6 letters into dictionary words, longest prefix first with backtracking;
 * returns `[token]` when it cannot be fully segmented (`ryukomatoi` → `ryuko`, `matoi`).
 */
export function segmentGlued(token: string, dict: GluedDictionary): readonly string[] {
  if (token.length < MIN_GLUED_LENGTH || dict.maxLength === 0) return [token];
  return dict.cache.get(token) ?? dict.cache.set(token, segmentGluedUncached(token, dict));
}

function segmentGluedUncached(token: string, dict: GluedDictionary): string[] {
  if (!/^\p{L}+$/u.test(token)) return [token];
  const memo = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (start === token.length) return [];
    const cached = memo.get(start);
    if (cached !== undefined) return cached;
    let found: string[] | null = null;
    for (let end = Math.min(token.length, start + dict.maxLength); end > start + 1 && !found; end--) {
      const head = token.slice(start, end);
      if (!dict.words.has(head)) continue;
      const rest = from(end);
      if (rest) found = [head, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  const parts = from(0);
  return parts && parts.length > 1 ? parts : [token];
}

/** Adjacent-pair joins (`a b`, `a_b`, `ab`) of alphanumeric tokens, skipping stopwords, left to right. */
export function bigrams(tokens: readonly string[], stopwords: ReadonlySet<string>, joins: readonly string[] = [' ', '_', '']): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (stopwords.has(a) || stopwords.has(b)) continue;
    if (!/^[\p{L}\p{N}]+$/u.test(a) || !/^[\p{L}\p{N}]+$/u.test(b)) continue;
    for (const j of joins) {
      const joined = a + j + b;
      if (joined.length >= 2 && joined.length <= 40) out.push(joined);
    }
  }
  return out;
}
