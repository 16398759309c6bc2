// Everything the passes look up, compiled once per ruleset: the ruleset's token map unioned with the builtin lists,
// designer / franchise / character alias tables, and the glued-word dictionary. Cached per Ruleset object.
import { aliasTokens } from '../vocab/alias-form';
import type { CharacterRef, IntendedUseBucket, Ruleset } from '../vocab/ruleset';
import * as B from './builtin-cues';
import { gluedDictionary, type GluedDictionary } from './tokenize';

export interface DesignerPhrase {
  tokens: readonly string[];
  key: string;
}

export interface NormalizeCues {
  digest: string;
  /** Digests of the vocab read beyond these cues (codex, collections, glossary): any change re-runs everything. */
  matcherDigest: string;
  tokenMapVersion: number;
  stopwords: ReadonlySet<string>;
  /** Single-token designer alias → designer keys (more than one = collision). */
  designerByToken: ReadonlyMap<string, readonly string[]>;
  /** Multi-token designer aliases, longest first. */
  designerPhrases: readonly DesignerPhrase[];
  /** The same by first token, each with its rank in `designerPhrases` (lower wins). */
  designerPhrasesByFirst: ReadonlyMap<string, readonly { phrase: DesignerPhrase; rank: number }[]>;
  designerNeverAssign: ReadonlySet<string>;
  designerIntendedUse: ReadonlyMap<string, IntendedUseBucket>;
  /** Tokens that are some designer's alias even when not assigned (explained, so never residual). */
  designerTokens: ReadonlySet<string>;
  franchiseByAlias: ReadonlyMap<string, readonly string[]>;
  charactersByAlias: ReadonlyMap<string, readonly CharacterRef[]>;
  /** Franchise-preference phrases (as token sequences) → franchise key, longest first. */
  franchisePreference: readonly DesignerPhrase[];
  franchiseIntendedUse: ReadonlyMap<string, IntendedUseBucket>;
  lineageFamilyByToken: ReadonlyMap<string, readonly string[]>;
  factionHints: ReadonlySet<string>;
  segmentation: ReadonlyMap<string, 'split' | 'merged'>;
  internalVolume: ReadonlyMap<string, 'hollowed' | 'solid'>;
  supportState: ReadonlyMap<string, 'presupported' | 'supported' | 'unsupported'>;
  partPack: ReadonlyMap<string, 'bust_only' | 'base_only' | 'accessory'>;
  bustWords: ReadonlySet<string>;
  scaleRatio: RegExp;
  scaleMm: RegExp;
  allowedDenominators: ReadonlySet<number>;
  suspectDenominators: ReadonlySet<number>;
  versionPattern: RegExp;
  posePattern: RegExp;
  nsfwStrong: ReadonlySet<string>;
  nsfwWeak: ReadonlySet<string>;
  intendedUse: ReadonlyMap<string, IntendedUseBucket>;
  generalFaction: ReadonlyMap<string, string>;
  pcPositive: ReadonlySet<string>;
  pcNegative: ReadonlySet<string>;
  monsterTerms: ReadonlySet<string>;
  tabletopHints: ReadonlySet<string>;
  ambiguousAliases: ReadonlySet<string>;
  assetCategory: ReadonlyMap<string, string>;
  /** Franchise aliases of 2+ words as token sequences (`isekai_meikyuu_de_harem_wo`), by first token; `alias` is the
   * table key. Matched on contiguous tokens, one token of ≥ 6 letters may be one edit off (`acadamia`). */
  franchisePhrasesByFirst: ReadonlyMap<string, readonly { tokens: readonly string[]; alias: string }[]>;
  /** The same by second token, for a misspelt first word. */
  franchisePhrasesBySecond: ReadonlyMap<string, readonly { tokens: readonly string[]; alias: string }[]>;
  /** Every character and franchise alias (one lookup where both tables would be asked). */
  aliasKeys: ReadonlySet<string>;
  /** Two-word character / franchise aliases by their words: `poison` → `ivy` → [`poison ivy`, `poison_ivy`] (those
   * that exist, `a b` before `a_b`, ≤ 40 characters), so adjacent tokens are checked without joining them. */
  aliasPairs: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Franchise + character alias words, for splitting glued tokens (`ryukomatoi`). */
  glued: GluedDictionary;
}

const union = <T>(...sets: ReadonlySet<T>[]): ReadonlySet<T> => {
  const out = new Set<T>();
  for (const s of sets) for (const v of s) out.add(v);
  return out;
};
const merge = <K, V>(...maps: ReadonlyMap<K, V>[]): ReadonlyMap<K, V> => {
  const out = new Map<K, V>();
  for (const m of maps) for (const [k, v] of m) out.set(k, v);
  return out;
};

const cache = new WeakMap<Ruleset, NormalizeCues>();

export function cuesFor(ruleset: Ruleset): NormalizeCues {
  let c = cache.get(ruleset);
  if (!c) {
    c = compileCues(ruleset);
    cache.set(ruleset, c);
  }
  return c;
}

function compileCues(r: Ruleset): NormalizeCues {
  const t = r.tokens;
  const designerByToken = new Map<string, string[]>();
  const designerTokens = new Set<string>(B.BUILTIN_DESIGNER_TOKENS);
  const neverAssign = new Set<string>(B.NEVER_ASSIGNED_DESIGNERS);
  for (const [alias, keys] of r.designers.byAlias) {
    // Aliases with separators can only match as phrases (the tokenizer splits on them).
    if (/[\s_\-]/.test(alias)) continue;
    designerByToken.set(alias, [...keys]);
    designerTokens.add(alias);
  }
  const designerIntendedUse = new Map<string, IntendedUseBucket>();
  for (const d of r.designers.byKey.values()) {
    if (d.neverAssign) neverAssign.add(d.key);
    if (d.intendedUse) designerIntendedUse.set(d.key, d.intendedUse);
  }
  const designerPhrases = r.designers.phrases
    .filter((p) => p.tokens.length > 1)
    .map((p) => ({ tokens: [...p.tokens], key: p.key }));

  const designerPhrasesByFirst = new Map<string, { phrase: DesignerPhrase; rank: number }[]>();
  designerPhrases.forEach((phrase, rank) => {
    const list = designerPhrasesByFirst.get(phrase.tokens[0]) ?? [];
    list.push({ phrase, rank });
    designerPhrasesByFirst.set(phrase.tokens[0], list);
  });

  const lineage = new Map<string, string[]>();
  for (const [tok, fam] of B.BUILTIN_LINEAGE_FAMILY) lineage.set(tok, [fam]);
  for (const [tok, fam] of r.lineages.familyByToken) {
    const list = lineage.get(tok) ?? [];
    if (!list.includes(fam)) list.push(fam);
    lineage.set(tok, list);
  }

  const franchiseIntendedUse = new Map<string, IntendedUseBucket>();
  for (const f of r.franchises.byKey.values()) if (f.defaultIntendedUse) franchiseIntendedUse.set(f.key, f.defaultIntendedUse);
  for (const [k, b] of r.franchises.preferenceBuckets ?? []) franchiseIntendedUse.set(k, b);
  const franchisePreference = [...r.franchises.preferencePhrases]
    .map(([alias, key]) => ({ tokens: aliasTokens(alias), key }))
    .filter((p) => p.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);

  const franchisePhrasesByFirst = new Map<string, { tokens: string[]; alias: string }[]>();
  const franchisePhrasesBySecond = new Map<string, { tokens: string[]; alias: string }[]>();
  for (const alias of r.franchises.byAlias.keys()) {
    const toks = aliasTokens(alias);
    if (toks.length < 2) continue;
    const entry = { tokens: toks, alias };
    for (const [map, key] of [[franchisePhrasesByFirst, toks[0]], [franchisePhrasesBySecond, toks[1]]] as const) {
      const list = map.get(key) ?? [];
      list.push(entry);
      map.set(key, list);
    }
  }
  const aliasKeys = new Set<string>([...r.franchises.byAlias.keys(), ...r.franchises.charactersByAlias.keys()]);
  const aliasPairs = new Map<string, Map<string, string[]>>();
  for (const a of aliasKeys) {
    const m = /^([^ _]+)[ _]([^ _]+)$/u.exec(a);
    if (!m) continue;
    const second = aliasPairs.get(m[1]) ?? new Map<string, string[]>();
    aliasPairs.set(m[1], second);
    // The joins a bigram is looked up as, in that order.
    second.set(m[2], [`${m[1]} ${m[2]}`, `${m[1]}_${m[2]}`].filter((k) => k.length <= 40 && aliasKeys.has(k)));
  }
  const gluedWords: string[] = [];
  for (const a of r.franchises.byAlias.keys()) gluedWords.push(...a.split(/[\s_\-]+/));
  for (const a of r.franchises.charactersByAlias.keys()) gluedWords.push(...a.split(/[\s_\-]+/));

  return {
    digest: r.digest,
    matcherDigest: `${r.domainDigests?.codex ?? ''}/${r.domainDigests?.collections ?? ''}/${r.domainDigests?.glossary ?? ''}`,
    tokenMapVersion: t.version,
    stopwords: union(B.BUILTIN_STOPWORDS, t.stopwords),
    designerByToken,
    designerPhrases,
    designerPhrasesByFirst,
    designerNeverAssign: neverAssign,
    designerIntendedUse,
    designerTokens,
    franchiseByAlias: r.franchises.byAlias,
    charactersByAlias: r.franchises.charactersByAlias,
    franchisePreference,
    franchiseIntendedUse,
    lineageFamilyByToken: lineage,
    // The normalizer's faction-hint branch keeps the original's embedded list: the token map's faction sections
    // hold generic words (cities, rat, order…) that would flood franchise_hints; the units matcher uses those.
    factionHints: B.BUILTIN_FACTION_HINTS,
    segmentation: merge(B.BUILTIN_SEGMENTATION, t.segmentation),
    internalVolume: merge(B.BUILTIN_INTERNAL_VOLUME, t.internalVolume),
    supportState: merge(B.BUILTIN_SUPPORT_STATE, t.supportState),
    partPack: merge(B.BUILTIN_PART_PACK, t.partPack),
    bustWords: union(B.BUILTIN_BUST_WORDS, t.bustWords),
    scaleRatio: t.scaleRatio,
    scaleMm: t.scaleMm,
    allowedDenominators: t.allowedDenominators.size ? t.allowedDenominators : B.ALLOWED_DENOMINATORS,
    suspectDenominators: t.suspectDenominators.size ? t.suspectDenominators : B.SUSPECT_DENOMINATORS,
    versionPattern: t.patterns.get('version') ?? /^v(\d{1,2})$/,
    posePattern: t.patterns.get('pose') ?? /^(pose|alt|variant)[-_]?([a-z0-9]{1,3})$/,
    nsfwStrong: union(B.BUILTIN_NSFW_STRONG, t.nsfwStrong),
    nsfwWeak: union(B.BUILTIN_NSFW_WEAK, t.nsfwWeak),
    intendedUse: merge(B.BUILTIN_INTENDED_USE, t.intendedUse),
    generalFaction: merge(B.BUILTIN_GENERAL_FACTION, t.generalFaction),
    pcPositive: union(B.BUILTIN_PC_POSITIVE, t.pcPositive),
    pcNegative: union(B.BUILTIN_PC_NEGATIVE, t.pcNegative),
    monsterTerms: union(B.BUILTIN_MONSTER_TERMS, t.monsterTerms),
    tabletopHints: union(B.BUILTIN_TABLETOP_HINTS, t.tabletopHints),
    ambiguousAliases: union(B.BUILTIN_AMBIGUOUS_ALIASES, t.ambiguousAliases),
    assetCategory: t.assetCategory,
    aliasKeys,
    aliasPairs,
    franchisePhrasesByFirst,
    franchisePhrasesBySecond,
    glued: gluedDictionary(gluedWords),
  };
}
