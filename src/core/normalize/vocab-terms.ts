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

/** The terms a vocabulary edit changed, compiled once per run for the per-variant test below. */
export interface ChangedTerms {
  size: number;
  structural: boolean;
  /** Every changed term, and each word (2+ characters) of the multi-word ones (phrases, bigrams, one-edit matches). */
  words: Set<string>;
  /** Letters-only terms of 2+ characters: a new alias can split a glued token (`ryukomatoi`) differently. */
  letterTerms: string[];
}

/** Terms whose meaning differs between two vocabularies (added, removed or changed). */
export function changedTerms(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): ChangedTerms {
  const out = new Set<string>();
  for (const [k, v] of after) if (before.get(k) !== v) out.add(k);
  for (const k of before.keys()) if (!after.has(k)) out.add(k);
  const words = new Set<string>();
  const letterTerms: string[] = [];
  for (const term of out) {
    words.add(term);
    const parts = term.split(/[ _-]+/u);
    if (parts.length > 1) for (const w of parts) if (w.length >= 2) words.add(w);
    if (term.length >= 2 && /^\p{L}+$/u.test(term)) letterTerms.push(term);
  }
  return { size: out.size, structural: out.has(STRUCTURAL), words, letterTerms };
}

/** True when a variant's lookup stream meets a changed term, so its result may differ under the new vocabulary. */
export function meetsChangedTerms(input: VariantInput, changed: ChangedTerms, cues: NormalizeCues): boolean {
  if (changed.structural) return true;
  const stream: string[] = [...input.tokens];
  for (const c of input.options.rawComponents ?? []) stream.push(...splitMixed(c));
  for (const t of input.tokens) stream.push(...segmentGlued(t, cues.glued));
  for (const s of stream) if (changed.words.has(s)) return true;
  for (const term of changed.letterTerms) {
    for (const t of input.tokens) if (t.length > term.length && t.includes(term)) return true;
  }
  return false;
}
