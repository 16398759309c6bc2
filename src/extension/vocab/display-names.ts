// Display names of vocabulary keys for the views (tree, Filtered view, search results, facet pickers), from the
// ruleset the vocabulary session holds now. A key the vocabulary does not know shows as itself.
import type { VocabDomain } from '../../core/store/effective';
import type { Ruleset } from '../../core/vocab/ruleset';

export type DisplayName = (key: string) => string;

export class VocabDisplayNames {
  constructor(private readonly ruleset: () => Ruleset) {}

  /** Named from the ruleset's own maps (the names the override choices show), including keys the choices leave
   *  out because they may not be picked (never-assign designers, deprecated franchises). */
  name(domain: VocabDomain, key: string): string {
    const r = this.ruleset();
    switch (domain) {
      case 'designer':
        return r.designers.byKey.get(key)?.displayName ?? key;
      case 'franchise':
        return r.franchises.byKey.get(key)?.displayName ?? key;
      case 'game_system':
        return r.codex.systems.get(key)?.name ?? key;
      case 'faction':
        return r.codex.factions.get(key)?.name ?? key;
      case 'unit':
        return r.codex.units.get(key)?.name ?? key;
      case 'lineage':
        return r.lineages.families.get(key)?.name ?? key;
    }
  }

  /** One domain's lookup, as the views take it. */
  of(domain: VocabDomain): DisplayName {
    return (key) => this.name(domain, key);
  }
}
