// The one spelling every alias table is keyed by, so lookups from tokens and from vocab agree.

/** NFKC, lower case, trimmed: `Acme Forge ` → `acme forge`. Separators are kept (`acme_forge` ≠ `acme forge`). */
export function aliasForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** The tokens the path tokenizer would make of an alias: split on whitespace, `_` and `-`, empties dropped. */
export function aliasTokens(text: string): string[] {
  return aliasForm(text).split(/[\s_\-]+/).filter((t) => t.length > 0);
}
