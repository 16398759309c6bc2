// Lineage families and their sublineages.
import type { Lineage } from '../ruleset';
import type { LineagesFile } from '../schemas/lineages';
import type { SourceDoc } from '../source-doc';
import { sourceRef, type Draft } from './draft';

export function addLineages(draft: Draft, file: LineagesFile, doc: SourceDoc | undefined): void {
  file.families.forEach((f, i) => {
    const family: Lineage = {
      familyKey: f.key, primaryKey: null, name: f.name, contextTags: f.context_tags ?? [],
      aliasesStrong: f.aliases_strong ?? [], aliasesWeak: f.aliases_weak ?? [],
      localeAliases: new Map(Object.entries(f.locale_aliases ?? {})), excludes: f.excludes ?? [],
      source: sourceRef(doc, ['families', i]),
    };
    const rows: Lineage[] = [family];
    (f.sublineages ?? []).forEach((s, j) => {
      rows.push({
        familyKey: f.key, primaryKey: s.key, name: s.name, contextTags: s.context_tags ?? family.contextTags,
        aliasesStrong: s.aliases_strong ?? [], aliasesWeak: s.aliases_weak ?? [], localeAliases: new Map(),
        excludes: s.excludes ?? [], source: sourceRef(doc, ['families', i, 'sublineages', j]),
      });
    });
    draft.lineageFamilies.set(f.key, rows);
  });
}
