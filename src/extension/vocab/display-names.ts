// Display names of vocabulary keys for the views (tree, Filtered view, search results, facet pickers), from the
// ruleset the vocabulary session holds now. A key the vocabulary does not know shows as itself.
import { vocabChoices, type VocabChoices } from '../../core/store/overrides';
import type { VocabDomain } from '../../core/store/effective';
import type { Ruleset } from '../../core/vocab/ruleset';

export type DisplayName = (key: string) => string;

export class VocabDisplayNames {
  private cached: { digest: string; choices: VocabChoices } | undefined;

  constructor(private readonly ruleset: () => Ruleset) {}

  private choices(): VocabChoices {
    const r = this.ruleset();
    if (this.cached?.digest !== r.digest) this.cached = { digest: r.digest, choices: vocabChoices(r) };
    return this.cached.choices;
  }

  name(domain: VocabDomain, key: string): string {
    const known = this.choices()[domain].get(key);
    if (known !== undefined) return known;
    // the choices leave out keys that may not be picked (never-assign designers, deprecated franchises): still named
    const r = this.ruleset();
    if (domain === 'designer') return r.designers.byKey.get(key)?.displayName ?? key;
    if (domain === 'franchise') return r.franchises.byKey.get(key)?.displayName ?? key;
    return key;
  }

  /** One domain's lookup, as the views take it. */
  of(domain: VocabDomain): DisplayName {
    return (key) => this.name(domain, key);
  }
}
