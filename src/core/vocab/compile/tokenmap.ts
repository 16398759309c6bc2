// The token map: sections merged across layers (objects merge key by key, a list or value replaces the earlier
// one), then compiled into lookup sets and JavaScript regexes.
import { aliasForm } from '../alias-form';
import { compilePattern } from '../pattern';
import { defaultTokenMap, type FactionId, type IntendedUseBucket, type TokenMap } from '../ruleset';
import type { TokenmapFile } from '../schemas/tokenmap';
import { fid, systemKeyOf } from './codex';
import type { Draft } from './draft';
import { intendedUse as intendedUseSchema } from '../schemas/common';

export function mergeTokenmap(draft: Draft, file: TokenmapFile): void {
  draft.tokenmap = deepMerge(draft.tokenmap, file) as TokenmapFile;
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (!isPlain(a) || !isPlain(b)) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const words = (list: readonly string[] | undefined): Set<string> => new Set((list ?? []).map(aliasForm));

function byValue<V extends string>(sections: Record<string, readonly string[]> | undefined): Map<string, V> {
  const out = new Map<string, V>();
  for (const [value, tokens] of Object.entries(sections ?? {})) for (const t of tokens) out.set(aliasForm(t), value as V);
  return out;
}

const buckets = new Set<string>(intendedUseSchema.options);

export function compileTokenMap(tm: TokenmapFile): TokenMap {
  const base = defaultTokenMap();
  const meta = tm.meta ?? {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const raw = tm as Record<string, unknown>;
  const pattern = (src: string | undefined, fallback: RegExp): RegExp => (src ? (compilePattern(src).regex ?? fallback) : fallback);

  const factionHints = new Map<string, FactionId[]>();
  for (const [sys, factions] of Object.entries(tm.factions ?? {})) {
    const system = systemKeyOf(sys);
    for (const [fk, aliases] of Object.entries(factions)) {
      for (const t of new Set([fk, ...aliases].map(aliasForm))) {
        const list = factionHints.get(t) ?? [];
        list.push(fid(system, fk));
        factionHints.set(t, list);
      }
    }
  }
  const patterns = new Map<string, RegExp>();
  for (const [name, src] of Object.entries(tm.token_patterns ?? {})) {
    const r = compilePattern(src).regex;
    if (r) patterns.set(name, r);
  }
  const intendedUse = new Map<string, IntendedUseBucket>();
  for (const [t, b] of byValue<string>(tm.intended_use)) if (buckets.has(b)) intendedUse.set(t, b as IntendedUseBucket);
  const axes = tm.variant_axes ?? {};

  return {
    ...base,
    version: tm.token_map_version ?? meta.token_map_version ?? tm.version ?? num(raw.version) ?? 0,
    minTokenLength: meta.min_token_length ?? num(raw.min_token_length) ?? base.minTokenLength,
    splitOn: meta.split_on ?? (raw.split_on as string[] | undefined) ?? base.splitOn,
    stripChars: meta.strip_chars ?? (raw.strip_chars as string[] | undefined) ?? base.stripChars,
    stopwords: words(tm.stopwords),
    noiseWords: words([...(tm.noise_words ?? []), ...(tm.stopwords_additions ?? [])]),
    segmentation: byValue(axes.segmentation),
    internalVolume: byValue(axes.internal_volume),
    supportState: byValue(axes.support_state),
    partPack: byValue(axes.part_pack_type),
    bustWords: words(axes.bust_indicators),
    scaleRatio: pattern(tm.scale_tokens?.ratio_pattern, base.scaleRatio),
    scaleMm: pattern(tm.scale_tokens?.mm_pattern, base.scaleMm),
    allowedDenominators: tm.scale_tokens?.allowed_denominators ? new Set(tm.scale_tokens.allowed_denominators) : base.allowedDenominators,
    suspectDenominators: tm.scale_tokens?.suspect_denominators ? new Set(tm.scale_tokens.suspect_denominators) : base.suspectDenominators,
    patterns,
    nsfwStrong: words(tm.nsfw_cues?.strong),
    nsfwWeak: words(tm.nsfw_cues?.weak),
    intendedUse,
    generalFaction: byValue(tm.general_faction),
    factionHints,
    pcPositive: words(tm.role_cues?.pc_positive),
    pcNegative: words(tm.role_cues?.pc_negative),
    monsterTerms: words(tm.role_cues?.monster_terms),
    tabletopHints: words(tm.tabletop_hints),
    ambiguousAliases: words(tm.ambiguous_aliases),
    designerSuffixes: words(tm.designer_suffixes),
    assetCategory: byValue(tm.asset_category),
    kitChildWords: words(tm.kits?.child_words),
    kitParentHints: (tm.kits?.parent_hints ?? []).map(aliasForm),
    kitLabelPreference: (tm.kits?.label_preference ?? []).map(aliasForm),
  };
}

/** lineage section: family → tokens, read as token → family. */
export function lineageTokens(tm: TokenmapFile): Map<string, string> {
  return byValue(tm.lineage);
}
