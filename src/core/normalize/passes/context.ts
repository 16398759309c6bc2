// Context computed before any pass (SPEC §3.1): the character / franchise alias hits of the lookup stream (tokens,
// their bigrams, then camelCase / glued splits and their bigrams), and the tabletop flag.
import type { Draft } from '../draft';
import { segmentGlued, splitMixed } from '../tokenize';

const SHORT_OR_NUMERIC = /^(\d+|.{1,2}|[a-z]\d|\d[a-z])$/u;
const ALNUM = /^[\p{L}\p{N}]+$/u;

export function isShortOrNumeric(alias: string): boolean {
  return SHORT_OR_NUMERIC.test(alias);
}

/** A character alias counts alone only when it is neither generic nor short/numeric, unless a franchise alias backs it. */
export function isValidCharacterAlias(d: Draft, alias: string, franchisePresent: boolean): boolean {
  if (!d.cues.charactersByAlias.has(alias)) return false;
  if (franchisePresent) return true;
  return !d.cues.ambiguousAliases.has(alias) && !isShortOrNumeric(alias);
}

const NONE: readonly never[] = [];

/** Appends to `out` the character / franchise aliases among the terms of `stream` and its adjacent-pair joins
 * (`a b`, `a_b`; at most 40 characters; alphanumeric non-stopword tokens only). */
function collectHits(stream: readonly string[], d: Draft, seen: Set<string>, out: string[], plain?: readonly boolean[]): void {
  const { stopwords: stop, aliasKeys, aliasPairs } = d.cues;
  for (let i = 0; i < stream.length; i++) {
    const t = stream[i];
    if (plain?.[i] !== true && aliasKeys.has(t) && !seen.has(t)) (seen.add(t), out.push(t));
  }
  for (let i = 0; i + 1 < stream.length; i++) {
    if (plain?.[i] === true) continue;
    const a = stream[i];
    const joined = aliasPairs.get(a)?.get(stream[i + 1]);
    if (joined === undefined) continue;
    const b = stream[i + 1];
    if (stop.has(a) || stop.has(b) || !ALNUM.test(a) || !ALNUM.test(b)) continue;
    for (const t of joined) if (!seen.has(t)) (seen.add(t), out.push(t));
  }
}

/** True when a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const FUZZY_MIN = 6;

/** Multi-word franchise aliases found as contiguous tokens; one long token may be misspelt by one edit. */
function franchisePhraseHits(d: Draft, seen: Set<string>, out: string[]): void {
  const { tokens, cues } = d;
  if (cues.franchisePhrasesByFirst.size === 0) return;
  const matches = (p: readonly string[], at: number): boolean => {
    if (at + p.length > tokens.length) return false;
    let fuzzy = 0;
    for (let j = 0; j < p.length; j++) {
      const t = tokens[at + j];
      if (t === p[j]) continue;
      if (fuzzy > 0 || p[j].length < FUZZY_MIN || !withinOneEdit(t, p[j])) return false;
      fuzzy++;
    }
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (d.plain[i]) continue;
    for (const ph of cues.franchisePhrasesByFirst.get(tokens[i]) ?? NONE) {
      if (!seen.has(ph.alias) && matches(ph.tokens, i)) (seen.add(ph.alias), out.push(ph.alias));
    }
  }
  // A misspelt first word: found through the second word.
  for (let i = 1; i < tokens.length; i++) {
    if (d.plain[i]) continue;
    for (const ph of cues.franchisePhrasesBySecond.get(tokens[i]) ?? NONE) {
      if (!seen.has(ph.alias) && tokens[i - 1] !== ph.tokens[0] && matches(ph.tokens, i - 1)) (seen.add(ph.alias), out.push(ph.alias));
    }
  }
}

export function computeContext(d: Draft): void {
  const { cues, tokens } = d;
  const hits: string[] = [];
  if (cues.charactersByAlias.size > 0 || cues.franchiseByAlias.size > 0) {
    const seen = new Set<string>();
    collectHits(tokens, d, seen, hits, d.plain);
    franchisePhraseHits(d, seen, hits);
    d.directCount = hits.length;
    // Split parts only matter where they hit: each component's / token's parts and their adjacent pairs.
    for (const c of d.options.rawComponents ?? []) {
      const parts = splitMixed(c);
      if (parts.length > 1) collectHits(parts, d, seen, hits);
    }
    for (const t of tokens) {
      const parts = segmentGlued(t, cues.glued);
      if (parts.length > 1) collectHits(parts, d, seen, hits);
    }
  }
  d.expanded = hits;
  d.franchisePresent = hits.some((t) => cues.franchiseByAlias.has(t));
  const designerEvidence = tokens.some((t, i) => !d.plain[i] && cues.designerByToken.has(t));
  const characterEvidence = hits.some((t) => isValidCharacterAlias(d, t, d.franchisePresent));
  d.isTabletop = !designerEvidence && !d.franchisePresent && !characterEvidence && tokens.some((t, i) => !d.plain[i] && cues.tabletopHints.has(t));
}
