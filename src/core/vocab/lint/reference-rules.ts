// References that must resolve. Inside a codex file: base profiles, editions, availability groups, units and
// `available_to` / `excluded_from` (`faction`, `faction/*`, `faction/sub`, AoS `alliance/faction`), a faction's
// parent. Across files (through the effective ruleset): parts' factions, a collection's designer, a franchise's
// replacement.
import { fid, partsSystemOf, systemKeyOf } from '../compile/codex';
import type { Finding } from '../finding';
import type { Ruleset } from '../ruleset';
import { factionContainers, type CodexSystemNode } from '../schemas/codex-units';
import type { SourceDoc, ValuePath } from '../source-doc';
import type { VocabFile } from '../vocab-file';
import { franchiseKey } from '../compile/franchises';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

class Refs {
  readonly out: Finding[] = [];
  constructor(readonly file: VocabFile, readonly doc: SourceDoc) {}
  unknown(path: ValuePath, what: string, value: string, hint = ''): void {
    this.out.push({
      file: this.file.path, range: this.doc.rangeAt(path), code: 'unknown-reference', severity: 'error',
      message: `Unknown ${what} '${value}'${hint}`,
    });
  }
}

/** The original's codex format. */
function lintOriginalCodex(sysNode: CodexSystemNode, at: ValuePath, r: Refs): void {
  const profiles = new Set(Object.keys(sysNode.meta?.base_profiles ?? {}));
  const editions = new Set(sysNode.meta?.editions ?? []);
  const groups = new Set(Object.keys(sysNode.availability_groups ?? {}));
  const factions = new Map<string, Set<string>>(); // faction → sub-keys (chapters, legions…, AoS: factions of a GA)
  const units = new Set(Object.keys(sysNode.units ?? {}));
  const profileHint = profiles.size > 0 ? '' : ' (meta.base_profiles defines none)';

  for (const [fk, f] of Object.entries(sysNode.factions ?? {})) {
    const subs = new Set<string>();
    for (const c of factionContainers) for (const sk of Object.keys((f as Record<string, unknown> | null)?.[c] ?? {})) subs.add(sk);
    factions.set(fk, subs);
  }
  for (const [ga, g] of Object.entries(sysNode.grand_alliances ?? {})) {
    const subs = new Set(Object.keys(g?.factions ?? {}));
    factions.set(ga.toLowerCase(), subs);
    for (const fk of subs) factions.set(fk, new Set());
  }

  // Every unit defined anywhere (AoS unit_types, spells, regiments) and where its fields are.
  const unitNodes: { path: ValuePath; node: Record<string, unknown> }[] = [];
  const collect = (node: unknown, path: ValuePath, inUnits: boolean): void => {
    if (Array.isArray(node)) return node.forEach((x, i) => collect(x, [...path, i], inUnits));
    if (!isObj(node)) return;
    const last = path[path.length - 1];
    if (inUnits && typeof last === 'string' && ('name' in node || 'aliases' in node || 'base_profile' in node || 'legal_in_editions' in node)) {
      unitNodes.push({ path, node });
      units.add(last);
      return;
    }
    if (inUnits && typeof last === 'number' && typeof node.id === 'string') {
      unitNodes.push({ path, node });
      units.add(node.id);
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'meta' || k === 'defaults' || k === 'availability_groups') continue;
      collect(v, [...path, k], inUnits || k === 'units' || k === 'unit_types' || /^(shared_)?(endless_spells|manifestations|invocations|warscroll_terrain|terrain)$/.test(k) || k === 'regiments_of_renown');
    }
  };
  collect(sysNode, at, false);
  // Bare ids listed in AoS unit_types lists count as units too (they refer to units defined elsewhere).
  const listed = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach((x) => (typeof x === 'string' ? units.add(x) : listed(x)));
    else if (isObj(node)) Object.values(node).forEach(listed);
  };
  listed(sysNode.grand_alliances);

  const checkRefs = (path: ValuePath, list: unknown): void => {
    strs(list).forEach((ref, i) => {
      const [a, b] = ref.split('/');
      const top = factions.get(a!);
      if (!top) return r.unknown([...path, i], 'faction', a!, ` in '${ref}'`);
      if (b !== undefined && b !== '*' && !top.has(b) && !factions.has(b)) r.unknown([...path, i], `sub-faction of '${a}'`, b, ` in '${ref}'`);
    });
  };
  const checkEditions = (path: ValuePath, list: unknown): void => {
    if (editions.size === 0) return;
    strs(list).forEach((e, i) => {
      if (!editions.has(e)) r.unknown([...path, i], 'edition', e, ` (meta.editions: ${[...editions].join(', ')})`);
    });
  };

  for (const [gk, g] of Object.entries(sysNode.availability_groups ?? {})) {
    const gp = [...at, 'availability_groups', gk];
    if (g.default_base_profile && !profiles.has(g.default_base_profile)) r.unknown([...gp, 'default_base_profile'], 'base profile', g.default_base_profile, profileHint);
    checkEditions([...gp, 'legal_in_editions'], g.legal_in_editions);
    const seen = new Set<string>();
    (g.units ?? []).forEach((u, i) => {
      if (!units.has(u)) r.unknown([...gp, 'units', i], 'unit', u);
      if (seen.has(u)) r.out.push({ file: r.file.path, range: r.doc.rangeAt([...gp, 'units', i]), code: 'duplicate-alias', severity: 'warning', message: `The unit '${u}' is listed twice in availability group '${gk}'` });
      seen.add(u);
    });
  }
  for (const [fk, f] of Object.entries(sysNode.factions ?? {})) {
    const fp = [...at, 'factions', fk];
    const checkFaction = (node: unknown, p: ValuePath) => {
      if (!isObj(node)) return;
      strs(node.include_groups).forEach((g, i) => { if (!groups.has(g)) r.unknown([...p, 'include_groups', i], 'availability group', g); });
      strs(node.exclude_groups).forEach((g, i) => { if (!groups.has(g)) r.unknown([...p, 'exclude_groups', i], 'availability group', g); });
      strs(node.include_units).forEach((u, i) => { if (!units.has(u)) r.unknown([...p, 'include_units', i], 'unit', u); });
      strs(node.exclude_units).forEach((u, i) => { if (!units.has(u)) r.unknown([...p, 'exclude_units', i], 'unit', u); });
    };
    checkFaction(f, fp);
    for (const c of factionContainers) {
      for (const [sk, s] of Object.entries((f as Record<string, unknown> | null)?.[c] ?? {})) checkFaction(s, [...fp, c, sk]);
    }
  }
  for (const { path, node } of unitNodes) {
    const bp = typeof node.base_profile === 'string' ? node.base_profile : typeof node.base_profile_key === 'string' ? node.base_profile_key : undefined;
    if (bp !== undefined && !profiles.has(bp)) r.unknown([...path, node.base_profile !== undefined ? 'base_profile' : 'base_profile_key'], 'base profile', bp, profileHint);
    checkEditions([...path, 'legal_in_editions'], node.legal_in_editions);
    checkEditions([...path, 'legends_in_editions'], node.legends_in_editions);
    if (Array.isArray(node.available_to)) checkRefs([...path, 'available_to'], node.available_to);
    checkRefs([...path, 'excluded_from'], node.excluded_from);
    strs(node.units).forEach((u, i) => { if (!units.has(u)) r.unknown([...path, 'units', i], 'unit', u); });
  }
}

/** This project's codex format. */
function lintOwnCodex(file: VocabFile & { parsed: { kind: 'codex' } }, r: Refs): void {
  const v = file.parsed.value;
  const profiles = new Set(Object.keys(v.base_profiles ?? {}));
  const editions = new Set(v.editions ?? []);
  const factions = new Set(Object.keys(v.factions));
  for (const [fk, f] of Object.entries(v.factions)) {
    if (f.parent !== undefined && !factions.has(f.parent)) r.unknown(['factions', fk, 'parent'], 'parent faction', f.parent);
    for (const [uk, u] of Object.entries(f.units ?? {})) {
      if (typeof u === 'string') continue;
      const up = ['factions', fk, 'units', uk];
      if (u.base_profile !== undefined && !profiles.has(u.base_profile)) r.unknown([...up, 'base_profile'], 'base profile', u.base_profile);
      (u.available_to ?? []).forEach((ref, i) => {
        const key = ref.replace(/\/\*$/, '');
        if (!factions.has(key)) r.unknown([...up, 'available_to', i], 'faction', key);
      });
      if (editions.size > 0) {
        for (const field of ['legal_in_editions', 'legends_in_editions'] as const) {
          (u[field] ?? []).forEach((e, i) => { if (!editions.has(e)) r.unknown([...up, field, i], 'edition', e); });
        }
      }
    }
  }
}

export function lintReferencesInFile(file: VocabFile): Finding[] {
  if (!file.doc || !file.parsed) return [];
  const r = new Refs(file, file.doc);
  if (file.parsed.kind === 'codex-units') {
    for (const [sysName, node] of Object.entries(file.parsed.value.codex_units)) lintOriginalCodex(node, ['codex_units', sysName], r);
  } else if (file.parsed.kind === 'codex') {
    lintOwnCodex(file as VocabFile & { parsed: { kind: 'codex' } }, r);
  }
  return r.out;
}

/** References that cross files, checked against the effective ruleset. */
export function lintCrossReferences(files: readonly VocabFile[], ruleset: Ruleset): Finding[] {
  const out: Finding[] = [];
  for (const file of files) {
    const p = file.parsed;
    const doc = file.doc;
    if (!p || !doc) continue;
    const r = new Refs(file, doc);
    if (p.kind === 'parts') {
      const sys = partsSystemOf(p.value, file.relPath);
      if (!ruleset.codex.systems.has(sys)) {
        if (p.value.system && ruleset.codex.systems.size > 0) r.unknown(['system'], 'game system', p.value.system, ` (known: ${[...ruleset.codex.systems.keys()].join(', ')})`);
        out.push(...r.out);
        continue; // no codex for that system loaded: nothing more to check against
      }
      const has = (f: string) => ruleset.codex.factions.has(fid(sys, f.replace(/\/\*$/, '').split('/').pop() ?? f));
      for (const [k, w] of Object.entries(p.value.wargear ?? {})) {
        (w.available_to ?? []).forEach((f, i) => { if (!has(f)) r.unknown(['wargear', k, 'available_to', i], `faction of ${sys}`, f); });
      }
      for (const [k, b] of Object.entries(p.value.bodies ?? {})) if (b.faction && !has(b.faction)) r.unknown(['bodies', k, 'faction'], `faction of ${sys}`, b.faction);
    } else if (p.kind === 'collections') {
      if (ruleset.designers.byKey.size > 0 && !ruleset.designers.byKey.has(p.value.designer_key)) {
        out.push({ file: file.path, range: doc.rangeAt(['designer_key']), code: 'unknown-reference', severity: 'warning', message: `Unknown designer '${p.value.designer_key}': no designers file defines it, so these collections never match` });
      }
    } else if (p.kind === 'tokenmap') {
      for (const [sysName, factions] of Object.entries(p.value.factions ?? {})) {
        const sys = systemKeyOf(sysName);
        if (!ruleset.codex.systems.has(sys)) continue;
        for (const fk of Object.keys(factions)) {
          if (!ruleset.codex.factions.has(fid(sys, fk))) {
            out.push({
              file: file.path, range: doc.keyRangeAt(['factions', sysName, fk]), code: 'unknown-reference', severity: 'warning',
              message: `Unknown faction '${fk}' of ${sys}: its tokens hint at a faction no codex defines`,
            });
          }
        }
      }
    } else if (p.kind === 'franchise') {
      const to = p.value.provenance?.replaced_by;
      if (to && !ruleset.franchises.byKey.has(to)) r.unknown(['provenance', 'replaced_by'], 'franchise', to, ` (replacement of '${franchiseKey(p.value, file.relPath)}')`);
    }
    out.push(...r.out);
  }
  return out;
}
