// The ruleset while it is being assembled: entries by key, in layer order (a later layer's entry with the same key
// replaces the earlier one), before the lookup tables are built from them.
import type {
  Character, Collection, Designer, Faction, FactionId, Franchise, GameSystem, IntendedUseBucket, Lineage, Part,
  PartId, SourceRef, Unit, UnitId,
} from '../ruleset';
import type { TokenmapFile } from '../schemas/tokenmap';
import type { SourceDoc, ValuePath } from '../source-doc';

export interface Draft {
  designers: Map<string, Designer>;
  franchises: Map<string, Franchise>;
  /** characters_tokenmap.md: characters with no franchise. */
  looseCharacters: Map<string, Character>;
  /** franchise key → preference entry (franchise_preferences.json). */
  preferences: Map<string, { aliases: string[]; bucket?: IntendedUseBucket }>;
  systems: Map<string, GameSystem>;
  factions: Map<FactionId, Faction>;
  units: Map<UnitId, Unit>;
  parts: Map<PartId, Part>;
  /** collection id → collection. */
  collections: Map<string, Collection>;
  /** family key → family row and its sublineage rows. */
  lineageFamilies: Map<string, Lineage[]>;
  /** Token map sections merged by path, later layers replacing whole sections. */
  tokenmap: TokenmapFile;
  /** locale ('' = generic flat keys) → phrase → English. */
  glossary: Map<string, Map<string, string>>;
  ocWhitelist: Set<string>;
  ignoredTokens: Set<string>;
  mmfUsernames: Map<string, string>;
}

export function newDraft(): Draft {
  return {
    designers: new Map(), franchises: new Map(), looseCharacters: new Map(), preferences: new Map(),
    systems: new Map(), factions: new Map(), units: new Map(), parts: new Map(), collections: new Map(),
    lineageFamilies: new Map(), tokenmap: {}, glossary: new Map(), ocWhitelist: new Set(), ignoredTokens: new Set(),
    mmfUsernames: new Map(),
  };
}

export function sourceRef(doc: SourceDoc | undefined, path: ValuePath): SourceRef | undefined {
  return doc ? { file: doc.file, line: doc.keyRangeAt(path).start.line + 1 } : undefined;
}

/** `lord_celestant` → `Lord Celestant`. */
export function titleCase(key: string): string {
  return key.split(/[_\s]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
