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

/** Appends to `out` the terms of `stream` and of its adjacent-pair joins (`a b`, `a_b`) that `isHit` accepts. */
function collectHits(stream: readonly string[], d: Draft, isHit: (t: string) => boolean, seen: Set<string>, out: string[]): void {
  const stop = d.cues.stopwords;
  const first = d.cues.aliasBigramFirst;
  for (const t of stream) if (!seen.has(t) && isHit(t)) (seen.add(t), out.push(t));
  for (let i = 0; i + 1 < stream.length; i++) {
    const a = stream[i];
    if (!first.has(a)) continue;
    const b = stream[i + 1];
    if (stop.has(a) || stop.has(b) || !ALNUM.test(a) || !ALNUM.test(b)) continue;
    for (const j of [' ', '_']) {
      const t = a + j + b;
      if (t.length <= 40 && !seen.has(t) && isHit(t)) (seen.add(t), out.push(t));
    }
  }
}

export function computeContext(d: Draft): void {
  const { cues, tokens } = d;
  const hits: string[] = [];
  if (cues.charactersByAlias.size > 0 || cues.franchiseByAlias.size > 0) {
    const isHit = (t: string) => cues.charactersByAlias.has(t) || cues.franchiseByAlias.has(t);
    const seen = new Set<string>();
    collectHits(tokens, d, isHit, seen, hits);
    d.directCount = hits.length;
    const base: string[] = [...tokens];
    const inBase = new Set(tokens);
    const add = (p: string) => {
      if (!inBase.has(p)) (inBase.add(p), base.push(p));
    };
    for (const c of d.options.rawComponents ?? []) for (const p of splitMixed(c)) add(p);
    for (const t of tokens) {
      const parts = segmentGlued(t, cues.glued);
      if (parts.length > 1) for (const p of parts) add(p);
    }
    if (base.length > tokens.length) collectHits(base, d, isHit, seen, hits);
  }
  d.expanded = hits;
  d.franchisePresent = hits.some((t) => cues.franchiseByAlias.has(t));
  const designerEvidence = tokens.some((t) => cues.designerByToken.has(t));
  const characterEvidence = hits.some((t) => isValidCharacterAlias(d, t, d.franchisePresent));
  d.isTabletop = !designerEvidence && !d.franchisePresent && !characterEvidence && tokens.some((t) => cues.tabletopHints.has(t));
}
