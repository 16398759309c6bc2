// What a vocabulary says about each term (token or bigram) normalization may look up, as one string per term.
// Diffing two of these gives the terms a vocab edit changed; only variants whose lookup stream meets one of them
// (or holds a glued token containing one) need to re-run. Settings that are not per-term (patterns, denominators)
// go under STRUCTURAL: when that changes, everything re-runs.
import type { NormalizeCues } from './cues';
import type { VariantInput } from './normalize';
import { segmentGlued, splitMixed } from './tokenize';

export const STRUCTURAL = '\u0000structural';

export type TermMap = Map<string, string>;

export function vocabTerms(c: NormalizeCues): TermMap {
  const m: TermMap = new Map();
  const add = (term: string, tag: string): void => {
    const prev = m.get(term);
    m.set(term, prev === undefined ? tag : `${prev}|${tag}`);
  };
  for (const w of c.stopwords) add(w, 'stop');
  for (const [t, keys] of c.designerByToken) add(t, `d:${keys.map((k) => `${k}/${c.designerIntendedUse.get(k) ?? ''}`).join(',')}`);
  for (const p of c.designerPhrases) {
    const tag = `dp:${p.tokens.join(' ')}>${p.key}/${c.designerIntendedUse.get(p.key) ?? ''}`;
    for (const t of p.tokens) add(t, tag);
  }
  for (const t of c.designerTokens) add(t, 'dt');
  for (const k of c.designerNeverAssign) add(k, 'never');
  for (const [t, keys] of c.franchiseByAlias) add(t, `f:${keys.join(',')}`);
  for (const [t, refs] of c.charactersByAlias) add(t, `c:${refs.map((r) => `${r.franchise ?? ''}/${r.character}`).join(',')}`);
  for (const p of c.franchisePreference) {
    const tag = `fp:${p.tokens.join(' ')}>${p.key}/${c.franchiseIntendedUse.get(p.key) ?? ''}`;
    for (const t of p.tokens) add(t, tag);
  }
  for (const [t, fams] of c.lineageFamilyByToken) add(t, `l:${fams.join(',')}`);
  for (const t of c.factionHints) add(t, 'fh');
  const maps: [string, ReadonlyMap<string, string>][] = [
    ['seg', c.segmentation],
    ['vol', c.internalVolume],
    ['sup', c.supportState],
    ['pack', c.partPack],
    ['iu', c.intendedUse],
    ['gf', c.generalFaction],
    ['cat', c.assetCategory],
  ];
  for (const [tag, map] of maps) for (const [t, v] of map) add(t, `${tag}:${v}`);
  const sets: [string, ReadonlySet<string>][] = [
    ['bust', c.bustWords],
    ['ns', c.nsfwStrong],
    ['nw', c.nsfwWeak],
    ['pc+', c.pcPositive],
    ['pc-', c.pcNegative],
    ['mon', c.monsterTerms],
    ['tt', c.tabletopHints],
    ['amb', c.ambiguousAliases],
  ];
  for (const [tag, set] of sets) for (const t of set) add(t, tag);
  m.set(
    STRUCTURAL,
    JSON.stringify([
      c.matcherDigest,
      c.scaleRatio.source,
      c.scaleMm.source,
      [...c.allowedDenominators].sort(),
      [...c.suspectDenominators].sort(),
      c.versionPattern.source,
      c.posePattern.source,
    ]),
  );
  return m;
}

/** Terms whose meaning differs between two vocabularies (added, removed or changed). */
export function changedTerms(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of after) if (before.get(k) !== v) out.add(k);
  for (const k of before.keys()) if (!after.has(k)) out.add(k);
  return out;
}

/** True when a variant's lookup stream meets a changed term, so its result may differ under the new vocabulary. */
export function meetsChangedTerms(input: VariantInput, changed: ReadonlySet<string>, cues: NormalizeCues): boolean {
  if (changed.has(STRUCTURAL)) return true;
  const base: string[] = [...input.tokens];
  for (const c of input.options.rawComponents ?? []) base.push(...splitMixed(c));
  for (const t of input.tokens) base.push(...segmentGlued(t, cues.glued));
  const stream = new Set(base);
  for (const term of changed) {
    if (stream.has(term)) return true;
    // Multi-word aliases (phrases, bigrams, one-edit phrase matches): any of their words in the stream.
    const words = term.split(/[ _-]+/u);
    if (words.length > 1 && words.some((w) => w.length >= 2 && stream.has(w))) return true;
  }
  // A new alias can split a glued token (`ryukomatoi`) differently: letters-only terms found inside a token.
  for (const term of changed) {
    if (term.length < 2 || !/^\p{L}+$/u.test(term)) continue;
    for (const t of input.tokens) if (t.length > term.length && t.includes(term)) return true;
  }
  return false;
}
