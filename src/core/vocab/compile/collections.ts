// Per-designer collections, their path and sequence-number patterns compiled (invalid ones dropped; the linter
// reports them).
import { compilePattern } from '../pattern';
import type { Collection } from '../ruleset';
import type { CollectionsFile } from '../schemas/collections';
import type { SourceDoc } from '../source-doc';
import { sourceRef, type Draft } from './draft';

const compiled = (patterns: readonly string[] | undefined): RegExp[] =>
  (patterns ?? []).map((p) => compilePattern(p).regex).filter((r): r is RegExp => r !== undefined);

export function addCollections(draft: Draft, file: CollectionsFile, doc: SourceDoc | undefined): void {
  (file.collections ?? []).forEach((c, i) => {
    const col: Collection = {
      id: c.id,
      designer: file.designer_key,
      name: c.name,
      cycle: c.cycle ? c.cycle : null,
      aliases: c.aliases ?? [],
      sourceUrls: c.source_urls ?? [],
      pathPatterns: compiled(c.match?.path_patterns),
      sequencePatterns: compiled(c.match?.sequence_number_regex),
      source: sourceRef(doc, ['collections', i]),
    };
    if (c.theme) col.theme = c.theme;
    const publisher = c.publisher ?? file.publisher;
    if (publisher) col.publisher = publisher;
    if (c.release_date) col.releaseDate = c.release_date;
    draft.collections.set(c.id, col);
  });
}
