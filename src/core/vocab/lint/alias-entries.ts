// Every alias list in a parsed vocab file, with the entry it names, its domain and where it sits: the common input
// of the alias rules (duplicates, sharing across entries, empty lists, unsafe aliases).
import { characterKey, franchiseKey } from '../compile/franchises';
import { partsSystemOf, systemKeyOf } from '../compile/codex';
import { factionContainers } from '../schemas/codex-units';
import type { ValuePath } from '../source-doc';
import type { VocabFile } from '../vocab-file';

export type AliasDomain = 'designer' | 'franchise' | 'character' | 'faction' | 'unit' | 'part' | 'lineage' | 'collection' | 'preference';

export interface AliasEntry {
  domain: AliasDomain;
  /** Narrows the domain where keys are only unique inside it: the system for factions, units and parts. */
  scope: string;
  key: string;
  /** Path of the alias list in the file's value. */
  path: ValuePath;
  aliases: readonly unknown[];
  /** Path of the entry itself, where its key also matches as an alias (the ruleset adds it to the alias map). */
  keyPath?: ValuePath;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const cache = new WeakMap<VocabFile, AliasEntry[]>();

/** Cached per parsed file, so re-checking sharing after an edit only walks the edited file. */
export function aliasEntries(file: VocabFile): AliasEntry[] {
  let out = cache.get(file);
  if (!out) cache.set(file, (out = collect(file)));
  return out;
}

function collect(file: VocabFile): AliasEntry[] {
  const p = file.parsed;
  const out: AliasEntry[] = [];
  if (!p) return out;
  const add = (domain: AliasDomain, scope: string, key: string, path: ValuePath, list: unknown, keyPath?: ValuePath) => {
    if (Array.isArray(list)) out.push({ domain, scope, key, path, aliases: list, ...(keyPath ? { keyPath } : {}) });
  };
  switch (p.kind) {
    case 'designers':
      for (const [k, e] of Object.entries(p.value.designers)) {
        if (Array.isArray(e)) add('designer', '', k, ['designers', k], e, ['designers', k]);
        else add('designer', '', k, ['designers', k, 'aliases'], e.aliases, ['designers', k]);
      }
      break;
    case 'franchise': {
      const fk = franchiseKey(p.value, file.relPath);
      add('franchise', '', fk, ['aliases'], p.value.aliases);
      (p.value.characters ?? []).forEach((c, i) => add('character', '', characterKey(c) ?? `#${i}`, ['characters', i, 'aliases'], c.aliases));
      break;
    }
    case 'characters':
      for (const [k, list] of Object.entries(p.value)) add('character', '', k, ['characters', k], list);
      break;
    case 'franchise-preferences':
      for (const [k, e] of Object.entries(p.value.franchises)) add('preference', '', k, ['franchises', k, 'aliases'], e.aliases);
      break;
    case 'codex': {
      const sys = systemKeyOf(p.value.system);
      for (const [fk, f] of Object.entries(p.value.factions)) {
        add('faction', sys, fk, ['factions', fk, 'aliases'], f.aliases, ['factions', fk]);
        for (const [uk, u] of Object.entries(f.units ?? {})) {
          if (typeof u !== 'string') add('unit', sys, uk, ['factions', fk, 'units', uk, 'aliases'], u.aliases);
        }
      }
      break;
    }
    case 'codex-units':
      for (const [sysName, node] of Object.entries(p.value.codex_units)) {
        const sys = systemKeyOf(sysName);
        walkOriginalCodex(node, ['codex_units', sysName], sys, add);
      }
      break;
    case 'parts': {
      const sys = partsSystemOf(p.value, file.relPath);
      for (const [k, w] of Object.entries(p.value.wargear ?? {})) add('part', sys, k, ['wargear', k, 'aliases'], w.aliases, ['wargear', k]);
      for (const [k, b] of Object.entries(p.value.bodies ?? {})) add('part', sys, k, ['bodies', k, 'aliases'], b.aliases, ['bodies', k]);
      break;
    }
    case 'collections':
      (p.value.collections ?? []).forEach((c, i) => add('collection', p.value.designer_key, c.id, ['collections', i, 'aliases'], c.aliases));
      break;
    case 'lineages':
      p.value.families.forEach((f, i) => {
        add('lineage', '', f.key, ['families', i, 'aliases_strong'], f.aliases_strong);
        (f.sublineages ?? []).forEach((s, j) => add('lineage', '', `${f.key}/${s.key}`, ['families', i, 'sublineages', j, 'aliases_strong'], s.aliases_strong));
      });
      break;
    default:
      break;
  }
  return out;
}

type Add = (domain: AliasDomain, scope: string, key: string, path: ValuePath, list: unknown) => void;

const unitHolders = new Set(['units', 'unit_types', 'endless_spells', 'manifestations', 'invocations', 'warscroll_terrain', 'shared_endless_spells', 'shared_manifestations', 'shared_invocations', 'shared_terrain']);
const containers = new Set<string>(factionContainers);

/** Finds factions (under `factions` or a faction container) and units (anywhere under a unit holder) by shape. */
function walkOriginalCodex(node: unknown, path: ValuePath, sys: string, add: Add, inUnits = false, parentKey = ''): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkOriginalCodex(item, [...path, i], sys, add, inUnits, parentKey));
    return;
  }
  if (!isObj(node)) return;
  const last = path[path.length - 1];
  if (Array.isArray(node.aliases) && typeof last !== 'undefined') {
    const key = typeof last === 'number' ? String(node.id ?? node.name ?? last) : String(last);
    if (inUnits) add('unit', sys, key, [...path, 'aliases'], node.aliases);
    else if (parentKey === 'factions' || containers.has(parentKey)) add('faction', sys, key, [...path, 'aliases'], node.aliases);
  }
  if (path[path.length - 2] === 'meta' || last === 'meta' || last === 'defaults') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'aliases') continue;
    walkOriginalCodex(v, [...path, k], sys, add, inUnits || unitHolders.has(k), k);
  }
}
