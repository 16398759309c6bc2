// Context computed before any pass (SPEC §3.1): the lookup stream with expansions, and the tabletop flag.
import type { Draft } from '../draft';
import { bigrams, segmentGlued, splitMixed, unique } from '../tokenize';

const SHORT_OR_NUMERIC = /^(\d+|.{1,2}|[a-z]\d|\d[a-z])$/u;

export function isShortOrNumeric(alias: string): boolean {
  return SHORT_OR_NUMERIC.test(alias);
}

export function franchiseAliasPresent(d: Draft): boolean {
  return d.expanded.some((t) => d.cues.franchiseByAlias.has(t));
}

/** A character alias counts alone only when it is neither generic nor short/numeric, unless a franchise alias backs it. */
export function isValidCharacterAlias(d: Draft, alias: string, franchisePresent: boolean): boolean {
  if (!d.cues.charactersByAlias.has(alias)) return false;
  if (franchisePresent) return true;
  return !d.cues.ambiguousAliases.has(alias) && !isShortOrNumeric(alias);
}

export function computeContext(d: Draft): void {
  const { cues, tokens } = d;
  const extra: string[] = [];
  for (const c of d.options.rawComponents ?? []) extra.push(...splitMixed(c));
  for (const t of tokens) {
    const parts = segmentGlued(t, cues.glued);
    if (parts.length > 1) extra.push(...parts);
  }
  const base = unique([...tokens, ...extra]);
  const direct = unique([...tokens, ...bigrams(tokens, cues.stopwords, [' ', '_'])]);
  d.directCount = direct.length;
  d.expanded = unique([...direct, ...base, ...bigrams(base, cues.stopwords, [' ', '_'])]);

  const franchisePresent = franchiseAliasPresent(d);
  const designerEvidence = tokens.some((t) => cues.designerByToken.has(t));
  const characterEvidence = d.expanded.some((t) => isValidCharacterAlias(d, t, franchisePresent));
  d.isTabletop = tokens.some((t) => cues.tabletopHints.has(t)) && !designerEvidence && !franchisePresent && !characterEvidence;
}
