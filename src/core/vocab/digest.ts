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

/** Canonical JSON text, built directly as a string (no intermediate objects; set-like lists sorted by text). */
export function canonicalJson(value: unknown): string {
  return canon(value, '') ?? 'null';
}

function canon(v: unknown, key: string): string | undefined {
  if (v === undefined || typeof v === 'function') return undefined;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (v instanceof RegExp) return JSON.stringify(`/${v.source}/${v.flags}`);
  if (v instanceof Map) return object([...v].map(([k, x]) => [String(k), x] as const));
  if (v instanceof Set) return `[${[...v].map((x) => canon(x, '') ?? 'null').sort().join(',')}]`;
  if (Array.isArray(v)) {
    const items = v.map((x) => canon(x, '') ?? 'null');
    return `[${(unordered.has(key) ? items.sort() : items).join(',')}]`;
  }
  return object(Object.entries(v));
}

function object(entries: readonly (readonly [string, unknown])[]): string {
  const parts: string[] = [];
  for (const [k, x] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (skipped.has(k)) continue;
    const c = canon(x, k);
    if (c !== undefined) parts.push(`${JSON.stringify(k)}:${c}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function digestOf(value: unknown): string {
  return sha256(canonicalJson(value));
}
