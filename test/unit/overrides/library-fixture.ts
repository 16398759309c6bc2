// A small scanned + normalized library in an in-memory SqlStore, for the override, audit and search tests.
import { normalizeLibrary } from '../../../src/core/normalize/pipeline';
import { SqlStore } from '../../../src/core/store/sql-store';
import { aliasTokens } from '../../../src/core/vocab/alias-form';
import { emptyRuleset, withDigests, type Designer, type Ruleset } from '../../../src/core/vocab/ruleset';
import { file, result } from '../store/scan-results';
import type { ScannedFile } from '../../../src/core/scan/types';

export function rulesetWithDesigners(designers: Record<string, string[]>): Ruleset {
  const byKey = new Map<string, Designer>();
  const byAlias = new Map<string, string[]>();
  const phrases: { tokens: string[]; key: string }[] = [];
  for (const [key, aliases] of Object.entries(designers)) {
    byKey.set(key, { key, displayName: key.replace(/_/g, ' '), aliases, neverAssign: false });
    for (const a of [key, ...aliases]) {
      byAlias.set(a, [...(byAlias.get(a) ?? []), key]);
      const toks = aliasTokens(a);
      if (toks.length > 1) phrases.push({ tokens: toks, key });
    }
  }
  phrases.sort((a, b) => b.tokens.length - a.tokens.length);
  const { digest: _d, domainDigests: _dd, ...rest } = emptyRuleset();
  return withDigests({ ...rest, designers: { byKey, byAlias, phrases } });
}

export const ruleset = rulesetWithDesigners({ acme_forge: ['acme forge'], dragonsmith: ['dragonsmith'], ranger_works: [] });

export const FILES: ScannedFile[] = [
  file('Acme Forge/Knight/supported/knight_32mm.stl'),
  file('Acme Forge/Archer/archer_presupported.stl'),
  file('Acme Forge/Archer/preview.jpg'),
  file('Dragonsmith/Split Dragon/dragon_split_parts.stl'),
  file('Misc/Elves Ranger 1-10/ranger.stl'),
  file('Misc/Nymph nsfw/nymph.stl'),
];

export interface Fixture {
  store: SqlStore;
  rootId: number;
  /** variant id by relPath */
  id: (relPath: string) => number;
  scan: (files?: ScannedFile[]) => Promise<void>;
}

export async function openFixture(): Promise<Fixture> {
  const store = await SqlStore.open(null);
  const rootId = (await store.addRoot('/lib')).id;
  const scan = async (files = FILES) => {
    await store.applyScan(rootId, result(files));
    await normalizeLibrary(store.db, ruleset);
  };
  await scan();
  const id = (relPath: string): number => {
    const r = store.db.exec('SELECT v.id FROM variant v JOIN dir d ON d.id = v.dir_id WHERE d.rel_path = ?', [relPath])[0]?.values[0]?.[0];
    if (typeof r !== 'number') throw new Error(`no variant ${relPath}`);
    return r;
  };
  return { store, rootId, id, scan };
}
