// Collection of a variant (SPEC §4.5): only the variant designer's collections are tried. The first collection
// whose path pattern matches the relPath wins (label = the matched text); else the first whose alias occurs,
// case-insensitively, in the leaf folder. The sequence number is group 1 of the first sequence pattern that
// matches the file name, then the leaf folder.
import { pathComponents } from '../normalize/tokenize';
import type { Collection, Ruleset } from '../vocab/ruleset';

export interface CollectionMatch {
  collection: Collection;
  label: string;
  sequence: number | null;
}

function sequenceOf(c: Collection, texts: readonly string[]): number | null {
  for (const re of c.sequencePatterns) {
    for (const t of texts) {
      const m = re.exec(t);
      if (m?.[1] !== undefined && /^\d+$/.test(m[1])) return Number(m[1]);
    }
  }
  return null;
}

/** `components`: `pathComponents(relPath)`, when the caller has them already. */
export function matchCollection(
  relPath: string,
  designer: string | null,
  ruleset: Ruleset,
  fileName?: string,
  components?: readonly string[],
): CollectionMatch | null {
  if (designer === null) return null;
  const list = ruleset.collections.get(designer);
  if (!list || list.length === 0) return null;
  const rel = relPath.replace(/\\/g, '/');
  const parts = components ?? pathComponents(relPath);
  const leaf = parts[parts.length - 1] ?? rel;
  const texts = fileName ? [fileName, leaf] : [leaf];
  for (const c of list) {
    for (const re of c.pathPatterns) {
      re.lastIndex = 0;
      const m = re.exec(rel);
      if (m) return { collection: c, label: m[0], sequence: sequenceOf(c, texts) };
    }
  }
  const lowerLeaf = leaf.toLowerCase();
  for (const c of list) {
    const alias = c.aliases.find((a) => a.length > 0 && lowerLeaf.includes(a.toLowerCase()));
    if (alias !== undefined) return { collection: c, label: alias, sequence: sequenceOf(c, texts) };
  }
  return null;
}
