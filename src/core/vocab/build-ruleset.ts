// Assembles the effective ruleset from parsed vocab files, in layer order (the shipped default first, then the
// user's folders): a later layer's entry replaces an earlier one with the same key. Files that failed to parse or
// validate have no data and are skipped. Then every lookup table is built and the digests computed.
import { aliasForm, aliasTokens } from './alias-form';
import { addCodex, addCodexUnits, addParts } from './compile/codex';
import { addCollections } from './compile/collections';
import { newDraft, type Draft } from './compile/draft';
import { addDesigners } from './compile/designers';
import { addFranchise, addLooseCharacters, addPreferences } from './compile/franchises';
import { addGlossary } from './compile/glossary';
import { addLineages } from './compile/lineages';
import { compileTokenMap, lineageTokens, mergeTokenmap } from './compile/tokenmap';
import { digestOf } from './digest';
import { normText } from './norm-text';
import { rulesetDomains, withDigests, type CharacterRef, type Collection, type IntendedUseBucket, type Lineage, type Phrase, type Ruleset, type RulesetDomain } from './ruleset';
import type { VocabFile } from './vocab-file';

/** Files in the order they apply: by layer, then codex files of the original format before this project's, then path. */
export function applyOrder(files: readonly VocabFile[]): VocabFile[] {
  return [...files].sort((a, b) => a.layer - b.layer || (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Files that a sibling supersedes: the original prefers designers_tokenmap.json over the Markdown map in the
 * same folder, so the Markdown one is not loaded (nor checked against the others). */
export function supersededFiles(files: readonly VocabFile[]): Set<VocabFile> {
  const jsonLayers = new Set(files.filter((f) => f.relPath === 'designers_tokenmap.json' && f.parsed).map((f) => f.layer));
  return new Set(files.filter((f) => f.relPath === 'designers_tokenmap.md' && jsonLayers.has(f.layer)));
}

/** The ruleset domains each file kind feeds. */
export const domainsOfKind: Readonly<Record<VocabFile['kind'], readonly RulesetDomain[]>> = {
  designers: ['designers'],
  franchise: ['franchises'],
  characters: ['franchises'],
  'franchise-preferences': ['franchises'],
  codex: ['codex'],
  'codex-units': ['codex'],
  parts: ['codex'],
  collections: ['collections'],
  lineages: ['lineages'],
  tokenmap: ['tokens', 'lineages'],
  glossary: ['glossary'],
  'mmf-usernames': ['lists'],
  'word-list': ['lists'],
  unknown: [],
  ignored: [],
};

/** Build the ruleset from `ordered`: the files that make it up, in the order they apply (applyOrder, superseded
 * files left out). With `previous`, only the domains fed by the `changed` kinds are rebuilt (from all files of
 * those kinds); the other domains, with their digests, are taken from the previous ruleset as they are. */
export function buildRuleset(ordered: readonly VocabFile[], previous?: { ruleset: Ruleset; changed: readonly VocabFile['kind'][] }): Ruleset {
  const draft = newDraft();
  const domains = previous ? new Set(previous.changed.flatMap((k) => domainsOfKind[k])) : new Set(Object.keys(domainBuilders) as RulesetDomain[]);
  for (const f of ordered) if (domainsOfKind[f.kind].some((d) => domains.has(d))) addFile(draft, f);
  const pieces: Partial<RulesetContent> = {};
  for (const d of Object.keys(domainBuilders) as RulesetDomain[]) {
    Object.assign(pieces, domains.has(d) || !previous ? domainBuilders[d](draft) : pick(previous.ruleset, d));
  }
  const content = {
    ...(pieces as Omit<RulesetContent, 'sources'>),
    sources: ordered.filter((f) => f.parsed).map((f) => ({ file: f.path, kind: f.kind, digest: fileDigest(f) })),
  };
  return withDigests(content, previous ? { from: previous.ruleset, keep: (Object.keys(domainBuilders) as RulesetDomain[]).filter((d) => !domains.has(d)) } : undefined);
}

type RulesetContent = Omit<Ruleset, 'digest' | 'domainDigests'>;

function pick(r: Ruleset, d: RulesetDomain): Partial<RulesetContent> {
  return Object.fromEntries(rulesetDomains[d].map((k) => [k, r[k]]));
}

function addFile(draft: Draft, f: VocabFile): void {
  const p = f.parsed;
  if (!p) return;
  const doc = f.doc;
  switch (p.kind) {
    case 'designers': return addDesigners(draft, p.value, doc);
    case 'franchise': return addFranchise(draft, p.value, f.relPath, doc);
    case 'characters': return addLooseCharacters(draft, p.value, doc);
    case 'franchise-preferences': return addPreferences(draft, p.value);
    case 'codex': return addCodex(draft, p.value, doc);
    case 'codex-units': return addCodexUnits(draft, p.value, doc);
    case 'parts': return addParts(draft, p.value, f.relPath, doc);
    case 'collections': return addCollections(draft, p.value, doc);
    case 'lineages': return addLineages(draft, p.value, doc);
    case 'glossary': return addGlossary(draft, p.value);
    case 'tokenmap': return mergeTokenmap(draft, p.value);
    case 'mmf-usernames': for (const [k, v] of Object.entries(p.value)) draft.mmfUsernames.set(k, v); return;
    case 'word-list': {
      const name = f.relPath.split('/').pop()!;
      const target = name.startsWith('oc_whitelist') ? draft.ocWhitelist : name.startsWith('ignored_tokens') ? draft.ignoredTokens : undefined;
      for (const w of target ? p.value : []) target!.add(w);
      return;
    }
  }
}

const fileDigests = new WeakMap<VocabFile, string>();

/** Per file version: an edit re-hashes only the edited file. */
function fileDigest(f: VocabFile): string {
  let d = fileDigests.get(f);
  if (d === undefined) fileDigests.set(f, (d = digestOf(f.doc?.value)));
  return d;
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

const domainBuilders: Record<RulesetDomain, (d: Draft) => Partial<RulesetContent>> = {
  designers: (d) => {
    const designerAlias = new Map<string, string[]>();
    const phrases: Phrase[] = [];
    for (const des of d.designers.values()) {
      const seen = new Set<string>();
      for (const a of [des.key, ...des.aliases]) {
        push(designerAlias, aliasForm(a), des.key);
        const tokens = aliasTokens(a);
        const t = tokens.join(' ');
        if (tokens.length > 1 && !seen.has(t)) {
          seen.add(t);
          phrases.push({ tokens, key: des.key });
        }
      }
    }
    // Longest first; equal lengths in a fixed order so that reordering a file changes nothing.
    const phraseText = (p: Phrase) => `${p.tokens.join(' ')}\u0000${p.key}`;
    phrases.sort((a, b) => b.tokens.length - a.tokens.length || (phraseText(a) < phraseText(b) ? -1 : 1));
    return { designers: { byKey: d.designers, byAlias: designerAlias, phrases } };
  },

  franchises: (d) => {
    const franchiseAlias = new Map<string, string[]>();
    const charactersByAlias = new Map<string, CharacterRef[]>();
    const preferencePhrases = new Map<string, string>();
    for (const f of d.franchises.values()) {
      const pref = d.preferences.get(f.key);
      if (pref?.bucket) f.defaultIntendedUse = pref.bucket;
      if (f.deprecated) continue;
      const stop = new Set([...f.stopConflicts].map(aliasForm));
      for (const a of [f.key, ...f.aliases]) if (!stop.has(aliasForm(a))) push(franchiseAlias, aliasForm(a), f.key);
    }
    const characters = [...d.looseCharacters.values(), ...[...d.franchises.values()].flatMap((f) => f.characters)];
    for (const c of characters) {
      const ref: CharacterRef = { franchise: c.franchise, character: c.key };
      for (const a of new Set([c.key, ...c.aliases].map(aliasForm))) {
        const list = charactersByAlias.get(a) ?? [];
        list.push(ref);
        charactersByAlias.set(a, list);
      }
    }
    for (const [key, p] of d.preferences) for (const a of p.aliases) preferencePhrases.set(aliasForm(a), key);
    const preferenceBuckets = new Map<string, IntendedUseBucket>();
    for (const [key, p] of d.preferences) if (p.bucket) preferenceBuckets.set(key, p.bucket);
    return { franchises: { byKey: d.franchises, byAlias: franchiseAlias, charactersByAlias, preferencePhrases, preferenceBuckets } };
  },

  codex: (d) => {
    const factionsByAlias = new Map<string, string[]>();
    for (const f of d.factions.values()) for (const a of [f.key, f.name, ...f.aliases]) push(factionsByAlias, aliasForm(a), f.id);
    const unitsByPhrase = new Map<string, string[]>();
    for (const u of d.units.values()) {
      for (const p of [u.name, u.key.replace(/_/g, ' '), ...u.aliases]) {
        const n = normText(p);
        if (n.length >= 3) push(unitsByPhrase, n, u.id);
      }
    }
    const partsByAlias = new Map<string, string[]>();
    for (const p of d.parts.values()) for (const a of [p.key, ...p.aliases]) push(partsByAlias, aliasForm(a), p.id);
    return {
      codex: { systems: d.systems, factions: d.factions, units: d.units, parts: d.parts, factionsByAlias, unitsByPhrase, partsByAlias },
    };
  },

  collections: (d) => {
    const collections = new Map<string, Collection[]>();
    for (const c of d.collections.values()) push(collections, c.designer, c);
    return { collections };
  },

  lineages: (d) => {
    const rows: Lineage[] = [...d.lineageFamilies.values()].flat();
    const families = new Map(rows.filter((r) => r.primaryKey === null).map((r) => [r.familyKey, r]));
    return { lineages: { rows, families, familyByToken: lineageTokens(d.tokenmap) } };
  },

  tokens: (d) => ({ tokens: compileTokenMap(d.tokenmap) }),

  glossary: (d) => {
    const merged = new Map<string, string>();
    for (const m of d.glossary.values()) for (const [k, v] of m) merged.set(k, v);
    return { glossary: { merged, byLocale: d.glossary } };
  },

  lists: (d) => ({ ocWhitelist: d.ocWhitelist, ignoredTokens: d.ignoredTokens, mmfUsernames: d.mmfUsernames }),
};
