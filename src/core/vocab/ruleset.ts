// The effective compiled ruleset: what the loader builds from the shipped default vocab plus the user's layers, and
// what normalization and the matchers read. Lookup-friendly: every alias table is keyed by `aliasForm()` (NFKC,
// lower case, trimmed), so a lookup is one Map.get. Entries keep the spelling the vocab author wrote.
//
// Ids that must be unique across systems are `<system>:<key>` (FactionId, UnitId, PartId).
// Lists whose order matters (candidates in load order, later layers last) are arrays; pure membership is a Set.

import { digestOf } from './digest';

/** Where an entry was defined: file path (absolute) and 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export type IntendedUseBucket = 'tabletop_intent' | 'display_large' | 'mixed';

// ---------------------------------------------------------------------------------------------------------------
// Designers
// ---------------------------------------------------------------------------------------------------------------

export interface Designer {
  key: string;
  displayName: string;
  /** Aliases as written (the key itself is always also an alias in the lookup tables). */
  aliases: readonly string[];
  intendedUse?: IntendedUseBucket;
  /** A distribution channel, not a designer (e.g. moxomor): recognised as an alias but never assigned. */
  neverAssign: boolean;
  source?: SourceRef;
}

/** A multi-token alias, as the tokenizer would split it (`acme forge` → [acme, forge]). */
export interface Phrase {
  tokens: readonly string[];
  key: string;
}

export interface DesignerTable {
  byKey: ReadonlyMap<string, Designer>;
  /** aliasForm(alias) → designer keys that claim it, in load order (length > 1 = collision, reported by the linter). */
  byAlias: ReadonlyMap<string, readonly string[]>;
  /** Multi-token aliases, longest first (then load order): for exact contiguous token matching. */
  phrases: readonly Phrase[];
}

// ---------------------------------------------------------------------------------------------------------------
// Franchises and characters
// ---------------------------------------------------------------------------------------------------------------

export interface Character {
  /** Canonical character key (`captain_vela`). */
  key: string;
  franchise: string | null;
  aliases: readonly string[];
  actorLikeness?: string;
  infoUrl?: string;
  source?: SourceRef;
}

export interface Franchise {
  key: string;
  displayName: string;
  aliases: readonly string[];
  strongSignals: ReadonlySet<string>;
  weakSignals: ReadonlySet<string>;
  /** Tokens that must not count as an alias of this franchise (generic words). */
  stopConflicts: ReadonlySet<string>;
  characters: readonly Character[];
  deprecated: boolean;
  replacedBy?: string;
  defaultIntendedUse?: IntendedUseBucket;
  source?: SourceRef;
}

export interface CharacterRef {
  franchise: string | null;
  character: string;
}

export interface FranchiseTable {
  byKey: ReadonlyMap<string, Franchise>;
  /** aliasForm(alias) → franchise keys, stop_conflicts already excluded; deprecated stubs excluded. */
  byAlias: ReadonlyMap<string, readonly string[]>;
  /** aliasForm(alias or canonical) → every character that claims it, in load order. The original is single-valued
   * with "last manifest wins": use `.at(-1)` for parity. */
  charactersByAlias: ReadonlyMap<string, readonly CharacterRef[]>;
  /** Franchise-preference phrases (intended use by franchise), aliasForm → franchise key. */
  preferencePhrases: ReadonlyMap<string, string>;
  /** franchise key → default intended-use bucket from franchise_preferences.json, also for keys that have no manifest
   * (`warhammer`). Optional so hand-built rulesets may omit it. */
  preferenceBuckets?: ReadonlyMap<string, IntendedUseBucket>;
}

// ---------------------------------------------------------------------------------------------------------------
// Game systems → factions → units, and parts
// ---------------------------------------------------------------------------------------------------------------

/** Canonical system keys. The loader maps the original's `warhammer_40k`, `age_of_sigmar`, `warhammer_30k` here. */
export type GameSystemKey = 'w40k' | 'aos' | 'heresy' | 'old_world' | (string & {});

export type FactionId = string; // `<system>:<faction key>`
export type UnitId = string; // `<system>:<unit key>`
export type PartId = string; // `<system>:<part key>`

export interface BaseProfile {
  key: string;
  shape: 'round' | 'oval' | 'square' | 'rectangle' | 'none' | (string & {});
  diameterMm?: number;
  widthMm?: number;
  lengthMm?: number;
  flyingStem?: boolean;
}

export interface GameSystem {
  key: GameSystemKey;
  name: string;
  defaultScaleDen: number;
  defaultScaleName: string;
  editions: readonly string[];
  baseProfiles: ReadonlyMap<string, BaseProfile>;
  source?: SourceRef;
}

export type FactionKind =
  | 'super-faction'
  | 'faction'
  | 'grand_alliance'
  | 'chapter'
  | 'subfaction'
  | 'legion'
  | (string & {});

export interface Faction {
  id: FactionId;
  system: GameSystemKey;
  key: string;
  name: string;
  kind: FactionKind;
  /** Parent faction id (chapter → space_marines, AoS faction → its grand alliance), null at the top. */
  parent: FactionId | null;
  /** Keys from the top down, e.g. `["order", "cities_of_sigmar"]`, `["space_marines", "blood_angels"]`. */
  fullPath: readonly string[];
  aliases: readonly string[];
  source?: SourceRef;
}

export type UnitCategory =
  | 'unit'
  | 'endless_spell'
  | 'manifestation'
  | 'invocation'
  | 'terrain'
  | 'regiment'
  | (string & {});

export interface Unit {
  id: UnitId;
  system: GameSystemKey;
  key: string;
  name: string;
  /** Primary faction (the unit's home), null for shared units (availability only via availableTo). */
  faction: FactionId | null;
  /** `leader`, `battleline`, `troops`, `infantry`, `cavalry`, `monster`… as written by the vocab. */
  role?: string;
  category: UnitCategory;
  aliases: readonly string[];
  /** Availability references as written: `faction`, `faction/sub`, `faction/*`, AoS `ga/faction`. */
  availableTo: readonly string[];
  legalInEditions: readonly string[];
  legendsInEditions: readonly string[];
  baseProfile?: string;
  unique: boolean;
  source?: SourceRef;
}

export type PartType = 'wargear' | 'body' | 'decor' | (string & {});

export interface Part {
  id: PartId;
  system: GameSystemKey;
  key: string;
  name: string;
  partType: PartType;
  /** wargear: weapon_ranged|weapon_melee|pistol|heavy_weapon|shield|accessory|support_system; body: its class. */
  category?: string;
  slot?: string;
  slots: readonly string[];
  faction: FactionId | null;
  aliases: readonly string[];
  availableTo: readonly string[];
  legalInEditions: readonly string[];
  source?: SourceRef;
}

export interface CodexTable {
  systems: ReadonlyMap<GameSystemKey, GameSystem>;
  factions: ReadonlyMap<FactionId, Faction>;
  units: ReadonlyMap<UnitId, Unit>;
  parts: ReadonlyMap<PartId, Part>;
  /** aliasForm(alias or key) → faction ids. */
  factionsByAlias: ReadonlyMap<string, readonly FactionId[]>;
  /** normText(phrase) (name, key with `_`→space, aliases; ≥ 3 chars) → unit ids, load order. See `norm-text.ts`. */
  unitsByPhrase: ReadonlyMap<string, readonly UnitId[]>;
  /** aliasForm(alias or key) → part ids. */
  partsByAlias: ReadonlyMap<string, readonly PartId[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Collections and lineages
// ---------------------------------------------------------------------------------------------------------------

export interface Collection {
  id: string;
  designer: string;
  name: string;
  /** `YYYY-MM`, or null when the vocab leaves it empty. */
  cycle: string | null;
  theme?: string;
  publisher?: string;
  releaseDate?: string;
  aliases: readonly string[];
  sourceUrls: readonly string[];
  /** Compiled from `match.path_patterns` (Python `(?i)` already turned into the `i` flag); invalid ones dropped. */
  pathPatterns: readonly RegExp[];
  /** Compiled from `match.sequence_number_regex`; group 1 is the number. */
  sequencePatterns: readonly RegExp[];
  source?: SourceRef;
}

export interface Lineage {
  familyKey: string;
  /** null for the family row itself; the sublineage key otherwise. */
  primaryKey: string | null;
  name: string;
  contextTags: readonly string[];
  aliasesStrong: readonly string[];
  aliasesWeak: readonly string[];
  /** locale (`es`, `zh`…) → aliases; family rows only. */
  localeAliases: ReadonlyMap<string, readonly string[]>;
  excludes: readonly string[];
  source?: SourceRef;
}

export interface LineageTable {
  /** Family rows and sublineage rows in file order (a family row precedes its sublineages). */
  rows: readonly Lineage[];
  families: ReadonlyMap<string, Lineage>;
  /** Single-token lineage cue for the normalizer (`elves` → `elf`), from the token map's lineage section. */
  familyByToken: ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------------------------
// Token map
// ---------------------------------------------------------------------------------------------------------------

export type Segmentation = 'split' | 'merged';
export type InternalVolume = 'hollowed' | 'solid';
export type SupportState = 'presupported' | 'supported' | 'unsupported';
export type PartPackType = 'bust_only' | 'base_only' | 'accessory';

export interface TokenMap {
  version: number;
  minTokenLength: number;
  splitOn: readonly string[];
  stripChars: readonly string[];
  /** Classified, kept in the raw stream, never residual. */
  stopwords: ReadonlySet<string>;
  /** Noise seen in residuals (preview, render, readme…): not stopwords for classification, hidden from suggestions. */
  noiseWords: ReadonlySet<string>;
  segmentation: ReadonlyMap<string, Segmentation>;
  internalVolume: ReadonlyMap<string, InternalVolume>;
  supportState: ReadonlyMap<string, SupportState>;
  partPack: ReadonlyMap<string, PartPackType>;
  bustWords: ReadonlySet<string>;
  /** Ratio token, group 1 = denominator (`1-6`, `1:10`). */
  scaleRatio: RegExp;
  /** Height token, group 1 = millimetres (`32mm`). */
  scaleMm: RegExp;
  allowedDenominators: ReadonlySet<number>;
  suspectDenominators: ReadonlySet<number>;
  /** Named structural patterns: version, pose, pose_index, base_size… (compiled). */
  patterns: ReadonlyMap<string, RegExp>;
  nsfwStrong: ReadonlySet<string>;
  nsfwWeak: ReadonlySet<string>;
  intendedUse: ReadonlyMap<string, IntendedUseBucket>;
  /** token → general faction bucket (chaos/order/death/destruction). */
  generalFaction: ReadonlyMap<string, string>;
  /** token → faction ids it hints at (token map faction sections; e.g. `stormcast` → `aos:stormcast_eternals`). */
  factionHints: ReadonlyMap<string, readonly FactionId[]>;
  pcPositive: ReadonlySet<string>;
  pcNegative: ReadonlySet<string>;
  monsterTerms: ReadonlySet<string>;
  tabletopHints: ReadonlySet<string>;
  /** Generic character aliases that never count alone (angel, knight, queen…). */
  ambiguousAliases: ReadonlySet<string>;
  /** Stripped from a token before designer lookup (studio, miniatures…). */
  designerSuffixes: ReadonlySet<string>;
  /** token → asset category (terrain, scenery → terrain; base → base_set…). */
  assetCategory: ReadonlyMap<string, string>;
  /** Kit detection: child-folder words, parent hints, child label preference (first wins). */
  kitChildWords: ReadonlySet<string>;
  kitParentHints: readonly string[];
  kitLabelPreference: readonly string[];
}

export interface Glossary {
  /** NFKC-lowercased phrase → English, all locales merged (later layers win). */
  merged: ReadonlyMap<string, string>;
  /** locale → (phrase → English). */
  byLocale: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole ruleset
// ---------------------------------------------------------------------------------------------------------------

/** One vocab file that contributed to the ruleset. */
export interface RulesetSource {
  file: string;
  kind: string;
  /** SHA-256 of the file's canonical content (the same canonical form as the ruleset digest). */
  digest: string;
}

export interface Ruleset {
  designers: DesignerTable;
  franchises: FranchiseTable;
  codex: CodexTable;
  /** designer key → its collections in file order. */
  collections: ReadonlyMap<string, readonly Collection[]>;
  lineages: LineageTable;
  tokens: TokenMap;
  glossary: Glossary;
  /** Approved original-character names (lower case). */
  ocWhitelist: ReadonlySet<string>;
  /** Tokens the residual explorer hides. */
  ignoredTokens: ReadonlySet<string>;
  /** designer key → MyMiniFactory user name. */
  mmfUsernames: ReadonlyMap<string, string>;
  sources: readonly RulesetSource[];
  /** SHA-256 (hex) over the canonical content of everything above except `sources`: order- and formatting-independent. */
  digest: string;
  /** The same per domain, so a change can be traced to what it affects (a collections edit leaves `codex` alone). */
  domainDigests: Readonly<Record<RulesetDomain, string>>;
}

export type RulesetDomain = 'designers' | 'franchises' | 'codex' | 'collections' | 'lineages' | 'tokens' | 'glossary' | 'lists';

/** The parts of a ruleset each domain digest covers. */
export const rulesetDomains: Readonly<Record<RulesetDomain, readonly Exclude<keyof Ruleset, 'digest' | 'domainDigests'>[]>> = {
  designers: ['designers'],
  franchises: ['franchises'],
  codex: ['codex'],
  collections: ['collections'],
  lineages: ['lineages'],
  tokens: ['tokens'],
  glossary: ['glossary'],
  lists: ['ocWhitelist', 'ignoredTokens', 'mmfUsernames'],
};

/** Fill `digest` and `domainDigests` of a ruleset from its content. With `reuse`, the domains in `keep` are known
 * to be unchanged since `from`, whose digests they keep. */
export function withDigests(
  r: Omit<Ruleset, 'digest' | 'domainDigests'>,
  reuse?: { from: Ruleset; keep: readonly RulesetDomain[] },
): Ruleset {
  const kept = new Set(reuse?.keep ?? []);
  const domainDigests = Object.fromEntries(
    Object.entries(rulesetDomains).map(([d, keys]) => [
      d,
      kept.has(d as RulesetDomain) ? reuse!.from.domainDigests[d as RulesetDomain] : digestOf(Object.fromEntries(keys.map((k) => [k, r[k]]))),
    ]),
  ) as Record<RulesetDomain, string>;
  // The whole digest hashes the domain digests: the content is canonicalized once.
  return { ...r, digest: digestOf(domainDigests), domainDigests };
}

const none = <K, V>(): ReadonlyMap<K, V> => new Map<K, V>();

/** The token map before any vocabulary: structural patterns only (the spec's §2.6 defaults); fresh sets each call. */
export function defaultTokenMap(): TokenMap {
  return {
    version: 0,
    minTokenLength: 2,
    splitOn: ['_', '-', ' '],
    stripChars: ['(', ')', '[', ']', ',', ';', '{', '}'],
    stopwords: new Set(),
    noiseWords: new Set(),
    segmentation: none(),
    internalVolume: none(),
    supportState: none(),
    partPack: none(),
    bustWords: new Set(),
    scaleRatio: /^1[-_:/](\d{1,3})$/,
    scaleMm: /^(\d{2,3})mm$/,
    allowedDenominators: new Set([4, 6, 7, 9, 10, 12]),
    suspectDenominators: new Set([5, 8, 11]),
    patterns: none(),
    nsfwStrong: new Set(),
    nsfwWeak: new Set(),
    intendedUse: none(),
    generalFaction: none(),
    factionHints: none(),
    pcPositive: new Set(),
    pcNegative: new Set(),
    monsterTerms: new Set(),
    tabletopHints: new Set(),
    ambiguousAliases: new Set(),
    designerSuffixes: new Set(),
    assetCategory: none(),
    kitChildWords: new Set(),
    kitParentHints: [],
    kitLabelPreference: [],
  };
}

/** A ruleset with no vocabulary: structural patterns only (the spec's §2.6 defaults). */
export function emptyRuleset(): Ruleset {
  return withDigests({
    designers: { byKey: none(), byAlias: none(), phrases: [] },
    franchises: { byKey: none(), byAlias: none(), charactersByAlias: none(), preferencePhrases: none() },
    codex: {
      systems: none(),
      factions: none(),
      units: none(),
      parts: none(),
      factionsByAlias: none(),
      unitsByPhrase: none(),
      partsByAlias: none(),
    },
    collections: none(),
    lineages: { rows: [], families: none(), familyByToken: none() },
    tokens: defaultTokenMap(),
    glossary: { merged: none(), byLocale: none() },
    ocWhitelist: new Set(),
    ignoredTokens: new Set(),
    mmfUsernames: none(),
    sources: [],
  });
}
