// SHA-256 over the canonical content of a ruleset (or any vocab value): maps and objects by sorted key, sets sorted,
// regexes as `/source/flags`, where each entry was defined (`source`) left out. So reordering keys or entries in a
// file, reformatting it or moving it leaves the digest unchanged; changing what any rule means changes it.
// Lists stay in order where order decides a lookup (which designer wins an alias, phrase order); lists that are sets
// in meaning (aliases, editions, tags…) are sorted.
import { createHash } from 'node:crypto';

const unordered = new Set([
  'aliases', 'availableTo', 'legalInEditions', 'legendsInEditions', 'slots', 'contextTags', 'aliasesStrong',
  'aliasesWeak', 'excludes', 'sourceUrls', 'editions', 'characters', 'kitParentHints', 'splitOn', 'stripChars',
]);
const skipped = new Set(['source', 'sources', 'digest', 'domainDigests']);

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canon(value, ''));
}

function canon(v: unknown, key: string): unknown {
  if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
  if (v instanceof Map) return canon(Object.fromEntries([...v].map(([k, x]) => [String(k), x])), key);
  if (v instanceof Set) return [...v].map((x) => canon(x, '')).sort(compare);
  if (Array.isArray(v)) {
    const items = v.map((x) => canon(x, ''));
    return unordered.has(key) ? items.sort(compare) : items;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (!skipped.has(k) && x !== undefined) out[k] = canon(x, k);
    }
    return out;
  }
  return v;
}

const compare = (a: unknown, b: unknown): number => {
  const x = typeof a === 'string' ? a : JSON.stringify(a);
  const y = typeof b === 'string' ? b : JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function digestOf(value: unknown): string {
  return sha256(canonicalJson(value));
}
