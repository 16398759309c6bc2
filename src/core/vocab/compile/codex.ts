// Game systems, factions and units from both codex formats, and parts (wargear, bodies).
import { systemAliases, systemFromFileName } from '../file-kind';
import type { BaseProfile, Faction, GameSystem, Part, Unit } from '../ruleset';
import type { CodexFile } from '../schemas/codex';
import {
  factionContainers, type AosFaction, type CodexSystemNode, type CodexUnitsFile, type UnitGroup, type UnitNode,
} from '../schemas/codex-units';
import type { PartsFile } from '../schemas/parts';
import type { SourceDoc, ValuePath } from '../source-doc';
import { sourceRef, strings, titleCase, type Draft } from './draft';

const systemNames: Record<string, string> = {
  w40k: 'Warhammer 40,000',
  aos: 'Warhammer Age of Sigmar',
  heresy: 'Warhammer: The Horus Heresy',
  old_world: 'Warhammer: The Old World',
};

/** The original's games all use heroic 28 mm, 1:56. */
const gwScale = { den: 56, name: '28mm heroic' };

/** `aos` → faction id form. */
export const fid = (system: string, key: string): string => `${system}:${key}`;

export function systemKeyOf(name: string): string {
  return systemAliases.get(name.toLowerCase()) ?? name.toLowerCase();
}

/** The game system a parts file belongs to: its `system`, else its file name (`wargear_aos.yaml`), else 40K. */
export function partsSystemOf(file: PartsFile, relPath: string): string {
  return file.system ? systemKeyOf(file.system) : (systemFromFileName(relPath) ?? 'w40k');
}

function baseProfiles(raw: Record<string, { shape: string; diameter_mm?: number | undefined; width_mm?: number | undefined; length_mm?: number | undefined; flying_stem?: boolean | undefined }> | undefined): Map<string, BaseProfile> {
  const out = new Map<string, BaseProfile>();
  for (const [key, p] of Object.entries(raw ?? {})) {
    const bp: BaseProfile = { key, shape: p.shape };
    if (p.diameter_mm !== undefined) bp.diameterMm = p.diameter_mm;
    if (p.width_mm !== undefined) bp.widthMm = p.width_mm;
    if (p.length_mm !== undefined) bp.lengthMm = p.length_mm;
    if (p.flying_stem !== undefined) bp.flyingStem = p.flying_stem;
    out.set(key, bp);
  }
  return out;
}

function mergeSystem(draft: Draft, sys: GameSystem): void {
  const prev = draft.systems.get(sys.key);
  if (!prev) {
    draft.systems.set(sys.key, sys);
    return;
  }
  // Two files of one system (a user layer adding units): editions and base profiles add up.
  draft.systems.set(sys.key, {
    ...prev,
    ...sys,
    editions: [...new Set([...prev.editions, ...sys.editions])],
    baseProfiles: new Map([...prev.baseProfiles, ...sys.baseProfiles]),
  });
}

// ---- the original's format -----------------------------------------------------------------------------------

const singular: Record<string, string> = {
  subfactions: 'subfaction', chapters: 'chapter', orders: 'order', septs: 'sept', dynasties: 'dynasty', hives: 'hive',
  temples: 'temple', legions: 'legion',
};

const groupCategory: Record<string, string> = {
  endless_spells: 'endless_spell', manifestations: 'manifestation', invocations: 'invocation', warscroll_terrain: 'terrain',
  shared_endless_spells: 'endless_spell', shared_manifestations: 'manifestation', shared_invocations: 'invocation',
  shared_terrain: 'terrain',
};

/** AoS unit_types buckets → the role a unit gets when it names none. */
const roleOfType: Record<string, string> = {
  leaders: 'leader', battleline: 'battleline', infantry: 'infantry', cavalry: 'cavalry', monsters: 'monster',
  behemoths: 'behemoth', artillery: 'artillery', chariots: 'chariot', swarms: 'swarm',
};

export function addCodexUnits(draft: Draft, file: CodexUnitsFile, doc: SourceDoc | undefined): void {
  for (const [sysName, node] of Object.entries(file.codex_units)) {
    const system = systemKeyOf(sysName);
    addOriginalSystem(draft, system, node, ['codex_units', sysName], doc);
  }
}

function unitFrom(
  system: string, key: string, n: UnitNode | null, defaults: { faction: string | null; role?: string; category?: string; availableTo?: string[] },
  source: ReturnType<typeof sourceRef>,
): Unit {
  const availableTo = n?.available_to === undefined ? (defaults.availableTo ?? []) : Array.isArray(n.available_to) ? n.available_to : Object.keys(n.available_to);
  const u: Unit = {
    id: fid(system, key),
    system,
    key,
    name: n?.name ?? titleCase(key),
    faction: defaults.faction,
    category: n?.category ?? defaults.category ?? 'unit',
    aliases: n?.aliases ?? [],
    availableTo,
    legalInEditions: n?.legal_in_editions ?? [],
    legendsInEditions: n?.legends_in_editions ?? [],
    unique: n?.unique ?? false,
    source,
  };
  const role = n?.role ?? defaults.role;
  if (role) u.role = role;
  const bp = n?.base_profile ?? n?.base_profile_key;
  if (bp) u.baseProfile = bp;
  return u;
}

/** The faction a 40K/Heresy unit belongs to: its first `available_to` reference, `x/*` and `x/y` read as x or y. */
function homeFaction(system: string, availableTo: readonly string[], draft: Draft): string | null {
  const first = availableTo[0];
  if (!first) return null;
  const [a, b] = first.split('/');
  if (b && b !== '*' && draft.factions.has(fid(system, b))) return fid(system, b);
  return draft.factions.has(fid(system, a!)) ? fid(system, a!) : null;
}

function addOriginalSystem(draft: Draft, system: string, node: CodexSystemNode, at: ValuePath, doc: SourceDoc | undefined): void {
  mergeSystem(draft, {
    key: system,
    name: systemNames[system] ?? titleCase(system),
    defaultScaleDen: gwScale.den,
    defaultScaleName: gwScale.name,
    editions: node.meta?.editions ?? [],
    baseProfiles: baseProfiles(node.meta?.base_profiles),
    source: sourceRef(doc, at),
  });

  for (const [fk, f] of Object.entries(node.factions ?? {})) {
    const faction: Faction = {
      id: fid(system, fk), system, key: fk, name: f?.name ?? f?.display_name ?? titleCase(fk), kind: f?.kind ?? 'faction',
      parent: null, fullPath: [fk], aliases: f?.aliases ?? [], source: sourceRef(doc, [...at, 'factions', fk]),
    };
    draft.factions.set(faction.id, faction);
    for (const c of factionContainers) {
      const subs = (f as Record<string, unknown> | null)?.[c] as Record<string, { name?: string; aliases?: string[] } | null> | undefined;
      for (const [sk, s] of Object.entries(subs ?? {})) {
        draft.factions.set(fid(system, sk), {
          id: fid(system, sk), system, key: sk, name: s?.name ?? titleCase(sk), kind: singular[c] ?? c,
          parent: faction.id, fullPath: [fk, sk], aliases: s?.aliases ?? [], source: sourceRef(doc, [...at, 'factions', fk, c, sk]),
        });
      }
    }
  }
  for (const [uk, n] of Object.entries(node.units ?? {})) {
    const u = unitFrom(system, uk, n, { faction: null }, sourceRef(doc, [...at, 'units', uk]));
    u.faction = homeFaction(system, u.availableTo, draft);
    draft.units.set(u.id, u);
  }

  for (const [ga, g] of Object.entries(node.grand_alliances ?? {})) {
    const gaKey = ga.toLowerCase();
    const gaId = fid(system, gaKey);
    draft.factions.set(gaId, {
      id: gaId, system, key: gaKey, name: ga, kind: 'grand_alliance', parent: null, fullPath: [gaKey], aliases: [],
      source: sourceRef(doc, [...at, 'grand_alliances', ga]),
    });
    for (const [fk, f] of Object.entries(g?.factions ?? {})) {
      const fat = [...at, 'grand_alliances', ga, 'factions', fk];
      const id = fid(system, fk);
      draft.factions.set(id, {
        id, system, key: fk, name: f?.display_name ?? f?.name ?? titleCase(fk), kind: 'faction', parent: gaId,
        fullPath: [gaKey, fk], aliases: f?.aliases ?? [], source: sourceRef(doc, fat),
      });
      addAosFactionUnits(draft, system, id, `${gaKey}/${fk}`, f, fat, doc);
    }
  }
  for (const g of ['shared_endless_spells', 'shared_manifestations', 'shared_invocations', 'shared_terrain'] as const) {
    addGroup(draft, system, node[g] ?? null, { faction: null, category: groupCategory[g]! }, [...at, g], doc);
  }
  (node.regiments_of_renown ?? []).forEach((r, i) => {
    const u = unitFrom(system, r.id, { name: r.name ?? titleCase(r.id), available_to: r.available_to ?? [], legal_in_editions: r.legal_in_editions ?? [] }, { faction: null, category: 'regiment' }, sourceRef(doc, [...at, 'regiments_of_renown', i]));
    draft.units.set(u.id, u);
  });
}

function addAosFactionUnits(draft: Draft, system: string, factionId: string, ref: string, f: AosFaction, at: ValuePath, doc: SourceDoc | undefined): void {
  if (!f) return;
  for (const [type, group] of Object.entries(f.unit_types ?? {})) {
    const d: { faction: string; role?: string; availableTo: string[] } = { faction: factionId, availableTo: [ref] };
    if (roleOfType[type]) d.role = roleOfType[type];
    addGroup(draft, system, group, d, [...at, 'unit_types', type], doc);
  }
  for (const g of ['endless_spells', 'manifestations', 'invocations', 'warscroll_terrain'] as const) {
    addGroup(draft, system, f[g] ?? null, { faction: factionId, category: groupCategory[g]!, availableTo: [ref] }, [...at, g], doc);
  }
}

function addGroup(
  draft: Draft, system: string, group: UnitGroup, d: { faction: string | null; role?: string; category?: string; availableTo?: string[] },
  at: ValuePath, doc: SourceDoc | undefined,
): void {
  if (!group) return;
  const put = (key: string, n: UnitNode | null, path: ValuePath) => {
    const id = fid(system, key);
    // A bare id in a list refers to a unit defined elsewhere: it must not replace that definition.
    if (n === null && draft.units.has(id)) return;
    draft.units.set(id, unitFrom(system, key, n, d, sourceRef(doc, path)));
  };
  if (Array.isArray(group)) {
    group.forEach((item, i) => {
      if (typeof item === 'string') put(item, null, [...at, i]);
      else if (typeof (item as UnitNode).name === 'string' && typeof (item as { id?: unknown }).id === 'string') put((item as { id: string }).id, item as UnitNode, [...at, i]);
      else for (const [k, n] of Object.entries(item as Record<string, UnitNode | null>)) put(k, n, [...at, i, k]);
    });
  } else {
    for (const [k, n] of Object.entries(group)) put(k, n, [...at, k]);
  }
}

// ---- this project's format -----------------------------------------------------------------------------------

export function addCodex(draft: Draft, file: CodexFile, doc: SourceDoc | undefined): void {
  const system = systemKeyOf(file.system);
  mergeSystem(draft, {
    key: system,
    name: file.name,
    defaultScaleDen: file.default_scale?.den ?? gwScale.den,
    defaultScaleName: file.default_scale?.name ?? gwScale.name,
    editions: file.editions ?? [],
    baseProfiles: baseProfiles(file.base_profiles),
    source: sourceRef(doc, ['system']),
  });
  const path = (fk: string): string[] => {
    const chain: string[] = [];
    for (let k: string | undefined = fk; k && !chain.includes(k); k = file.factions[k]?.parent) chain.unshift(k);
    return chain;
  };
  for (const [fk, f] of Object.entries(file.factions)) {
    const id = fid(system, fk);
    draft.factions.set(id, {
      id, system, key: fk, name: f.name, kind: f.kind ?? 'faction', parent: f.parent ? fid(system, f.parent) : null,
      fullPath: path(fk), aliases: f.aliases ?? [], source: sourceRef(doc, ['factions', fk]),
    });
    for (const [uk, u] of Object.entries(f.units ?? {})) {
      const n = typeof u === 'string' ? { name: u } : u;
      const unit: Unit = {
        id: fid(system, uk), system, key: uk, name: n.name, faction: id, category: 'unit',
        aliases: 'aliases' in n ? (n.aliases ?? []) : [], availableTo: [fk, ...strings('available_to' in n ? n.available_to : [])],
        legalInEditions: 'legal_in_editions' in n ? (n.legal_in_editions ?? []) : [],
        legendsInEditions: 'legends_in_editions' in n ? (n.legends_in_editions ?? []) : [],
        unique: 'unique' in n ? (n.unique ?? false) : false,
        source: sourceRef(doc, ['factions', fk, 'units', uk]),
      };
      if ('category' in n && n.category) unit.category = n.category;
      if ('role' in n && n.role) unit.role = n.role;
      if ('base_profile' in n && n.base_profile) unit.baseProfile = n.base_profile;
      draft.units.set(unit.id, unit);
    }
  }
}

// ---- parts ---------------------------------------------------------------------------------------------------

export function addParts(draft: Draft, file: PartsFile, relPath: string, doc: SourceDoc | undefined): void {
  const system = partsSystemOf(file, relPath);
  for (const [key, w] of Object.entries(file.wargear ?? {})) {
    const p: Part = {
      id: fid(system, key), system, key, name: w.name ?? titleCase(key), partType: 'wargear', slots: [], faction: null,
      aliases: w.aliases ?? [], availableTo: w.available_to ?? [], legalInEditions: w.legal_in_editions ?? [],
      source: sourceRef(doc, ['wargear', key]),
    };
    if (w.category) p.category = w.category;
    if (w.slot) p.slot = w.slot;
    draft.parts.set(p.id, p);
  }
  for (const [key, b] of Object.entries(file.bodies ?? {})) {
    const p: Part = {
      id: fid(system, key), system, key, name: b.name ?? titleCase(key), partType: 'body', slots: b.slots ?? [],
      faction: b.faction ? fid(system, b.faction) : null, aliases: b.aliases ?? [], availableTo: b.faction ? [b.faction] : [],
      legalInEditions: [], source: sourceRef(doc, ['bodies', key]),
    };
    if (b.class) p.category = b.class;
    draft.parts.set(p.id, p);
  }
}
