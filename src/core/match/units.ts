// Game system / faction / unit from a path (SPEC §4.3, reduced: no mount or spell context). Unit phrases found as
// whole words in the path text are scored: 10 + min(5, len/10), ±system hint (+3 / −6), +2 when the unit's faction
// is named, +6 when the phrase is a whole path segment, −8 for a generic alias. The best ≥ 12 is accepted; units
// sharing its phrase within 3 points are co-accepted (then the system is left open when they differ).
import { normText } from '../vocab/norm-text';
import type { Ruleset, Unit } from '../vocab/ruleset';
import { cuesFor } from '../normalize/cues';
import { pathComponents } from '../normalize/tokenize';

export interface UnitMatch {
  unit: Unit;
  score: number;
  phrase: string;
  /** Null when co-accepted units belong to different systems. */
  gameSystem: string | null;
  faction: string | null;
}

const MIN_SCORE = 12;
const DELTA = 3;
const MAX_WORDS = 6;
const AOS_FACTIONS = [
  'flesh eater courts', 'soulblight gravelords', 'nighthaunt', 'stormcast eternals', 'seraphon', 'kharadron overlords',
  'gloomspite gitz', 'orruk warclans', 'ogor mawtribes', 'sylvaneth', 'cities of sigmar', 'skaven', 'slaves to darkness',
  'blades of khorne', 'disciples of tzeentch', 'maggotkin of nurgle', 'hedonites of slaanesh', 'beasts of chaos',
  'sons of behemat', 'fyreslayers', 'lumineth realm lords', 'daughters of khaine', 'idoneth deepkin', 'ossiarch bonereapers',
];
const NOISE_SEGMENTS = new Set(['stl', 'supported stl', 'unsupported', 'presupported', '__macosx', 'combined', 'lychee', 'one page rules', 'opr']);

export function systemHint(text: string): string | null {
  const padded = ` ${text} `;
  if (/w40k|40k|wh40k|warhammer 40/.test(text)) return 'w40k';
  if (/\baos\b|age of sigmar|sigmar|freeguild/.test(text) || AOS_FACTIONS.some((f) => padded.includes(` ${f} `))) return 'aos';
  if (/heresy|30k/.test(text)) return 'heresy';
  return null;
}

const mountChildren = new WeakMap<Ruleset, Map<string, Unit[]>>();
const phrasePrefixes = new WeakMap<Ruleset, Set<string>>();

/** Every leading run of words of every unit phrase (`space`, `space marine`, `space marine captain`): an n-gram
 * is only extended while it is one of these, so most positions stop after a word or two. */
function unitPhrasePrefixes(ruleset: Ruleset): Set<string> {
  let s = phrasePrefixes.get(ruleset);
  if (!s) {
    s = new Set<string>();
    for (const p of ruleset.codex.unitsByPhrase.keys()) {
      const words = p.split(' ');
      for (let k = 1; k <= words.length; k++) s.add(words.slice(0, k).join(' '));
    }
    phrasePrefixes.set(ruleset, s);
  }
  return s;
}

/** Units keyed `<base>_on_<mount>`, by `<system>:<base>`. */
function childrenOf(ruleset: Ruleset): Map<string, Unit[]> {
  let m = mountChildren.get(ruleset);
  if (!m) {
    m = new Map();
    for (const u of ruleset.codex.units.values()) {
      const at = u.key.indexOf('_on_');
      if (at <= 0) continue;
      const base = `${u.system}:${u.key.slice(0, at)}`;
      const list = m.get(base) ?? [];
      list.push(u);
      m.set(base, list);
    }
    mountChildren.set(ruleset, m);
  }
  return m;
}

/** `mounted` / `on …`: the mounted versions of the top base units join at base − 0.5 with a bias for the mount
 * named (terrorgheist/bat +4, dragon +3.5, other +1.5); unmounted units lose 1. */
function mountContext(ruleset: Ruleset, text: string, scored: { unit: Unit; score: number; phrase: string }[]): void {
  if (!/\bmount(ed)?\b|\bon\b/.test(text)) return;
  const terror = /terrorgh?eist|\bbats?\b/.test(text);
  const dragon = /(zombie )?dragg?on/.test(text);
  const children = childrenOf(ruleset);
  const top = [...scored].sort((a, b) => b.score - a.score).slice(0, 5);
  const bias = (u: Unit): number => {
    if (!u.key.includes('_on_')) return -1;
    if (terror && /terror|bat/.test(u.key)) return 4;
    if (dragon && /drag/.test(u.key)) return 3.5;
    return 1.5;
  };
  const injected = top.flatMap((b) => (children.get(b.unit.id) ?? []).map((u) => ({ unit: u, score: b.score - 0.5, phrase: b.phrase })));
  for (const s of scored) s.score += bias(s.unit);
  for (const s of injected) scored.push({ ...s, score: s.score + bias(s.unit) });
}

/** `components`: `pathComponents(relPath)`, when the caller has them already. */
export function matchUnit(
  relPath: string,
  extraText: readonly string[],
  ruleset: Ruleset,
  components?: readonly string[],
): UnitMatch | null {
  const index = ruleset.codex.unitsByPhrase;
  if (index.size === 0) return null;
  // Number-only tokens (part numbers 001, 002…) never start a unit phrase and multiply the n-grams: left out.
  const text = normText([relPath.replace(/[\\/]/g, ' '), ...extraText.filter((t) => /\p{L}/u.test(t))].join(' '));
  const words = text.split(' ').filter((w) => w.length > 0);
  const found = new Set<string>();
  const prefixes = unitPhrasePrefixes(ruleset);
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
      phrase = n === 0 ? words[i] : `${phrase} ${words[i + n]}`;
      if (!prefixes.has(phrase)) break;
      if (phrase.length >= 3 && index.has(phrase)) found.add(phrase);
    }
  }
  // A phrase inside a longer matched phrase does not count on its own.
  const all = [...found];
  const phrases = all.filter((p) => !all.some((q) => q !== p && ` ${q} `.includes(` ${p} `)));
  if (phrases.length === 0) return null;
  const segments = (components ?? pathComponents(relPath)).map((s) => normText(s)).filter((s) => s.length > 0 && !NOISE_SEGMENTS.has(s));
  const hint = systemHint(text);
  const generic = cuesFor(ruleset).ambiguousAliases;
  const padded = ` ${text} `;
  const scored: { unit: Unit; score: number; phrase: string }[] = [];
  for (const phrase of phrases) {
    for (const id of index.get(phrase) ?? []) {
      const unit = ruleset.codex.units.get(id);
      if (!unit) continue;
      const isGeneric = generic.has(phrase);
      let score = 10 + Math.min(5, phrase.length / 10);
      if (hint) score += unit.system === hint ? 3 : -6;
      const factionKey = unit.faction?.split(':')[1];
      if (factionKey && padded.includes(` ${factionKey.replace(/_/g, ' ')} `)) score += 2;
      if (!isGeneric && segments.includes(phrase)) score += 6;
      if (isGeneric) score -= 8;
      scored.push({ unit, score: Math.round(score * 100) / 100, phrase });
    }
  }
  mountContext(ruleset, text, scored);
  // Stable: among equal scores the unit loaded first (vocab order) wins, as in the original.
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < MIN_SCORE) return null;
  const co = scored.filter((s) => s.phrase === best.phrase && best.score - s.score <= DELTA);
  const systems = new Set(co.map((s) => s.unit.system));
  return {
    unit: best.unit,
    score: best.score,
    phrase: best.phrase,
    gameSystem: systems.size === 1 ? best.unit.system : null,
    faction: best.unit.faction?.split(':')[1] ?? null,
  };
}
