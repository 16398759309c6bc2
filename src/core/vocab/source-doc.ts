// A vocab file parsed once, with its plain value and a way back from a value path to the text range it came from.
// YAML and JSON go through `yaml` (JSON is YAML 1.2) with a line counter; one walk over the node tree builds the
// value (a duplicate key: the later one wins, as the original's loaders do) and reports each duplicate key in both
// places. Ranges are looked up lazily, only for paths that have a finding.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Finding, Position, Range, TextEdit } from './finding';

export type ValuePath = readonly (string | number)[];

export interface SourceDoc {
  file: string;
  text: string;
  /** The plain value, or undefined when the file does not parse at all. */
  value: unknown;
  /** Syntax errors and duplicate keys found while parsing. */
  findings: Finding[];
  /** Range of the value at `path`, or of its deepest existing ancestor. */
  rangeAt(path: ValuePath): Range;
  /** Range of the key that holds the value at `path` (falls back to the value's range). */
  keyRangeAt(path: ValuePath): Range;
  /** 0-based position of a character offset. */
  positionAt(offset: number): Position;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

const keyString = (key: unknown): string =>
  isScalar(key)
    ? typeof key.value === 'symbol' ? '<<' : String(key.value)
    : key === null || key === undefined ? '' : String(key);

/** Parse YAML or JSON text. */
export function parseYamlSource(file: string, text: string): SourceDoc {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, merge: true, prettyErrors: false });
  const starts = lc.lineStarts;
  const pos = (offset: number): Position => positionIn(starts, Math.min(offset, text.length));
  const rangeOf = (r: readonly number[] | null | undefined): Range =>
    r ? { start: pos(r[0]!), end: pos(r[1]!) } : { start: pos(0), end: pos(0) };
  const findings: Finding[] = [];

  for (const e of doc.errors) {
    findings.push({
      file,
      range: { start: pos(e.pos[0]), end: pos(Math.max(e.pos[1], e.pos[0] + 1)) },
      code: 'syntax',
      severity: 'error',
      message: e.message.split('\n')[0]!,
    });
  }

  const cache = new Map<YamlNode, unknown>();
  // Anchors seen so far in document order: `Alias.resolve` searches the whole document each time, far too slow.
  const anchors = new Map<string, YamlNode>();
  const walk = (node: unknown): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = anchors.get(node.source) ?? node.resolve(doc as Document);
      return target ? walk(target) : null;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    if (isScalar(node)) return node.value;
    const known = cache.get(node as YamlNode);
    if (known !== undefined) return known;
    if (isSeq(node)) {
      const arr: unknown[] = [];
      cache.set(node, arr);
      for (const item of node.items) arr.push(walk(item));
      return arr;
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      cache.set(node, obj);
      const seen = new Map<string, Pair>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = keyString(pair.key);
        if (k === '<<') {
          const src = walk(pair.value);
          for (const s of Array.isArray(src) ? src : [src]) {
            if (s && typeof s === 'object') for (const [mk, mv] of Object.entries(s)) if (!(mk in obj)) obj[mk] = mv;
          }
          continue;
        }
        const first = seen.get(k);
        if (first !== undefined) duplicate(k, first, pair);
        else seen.set(k, pair);
        obj[k] = walk(pair.value);
      }
      return obj;
    }
    return null;
  };
  const duplicate = (k: string, first: Pair, second: Pair): void => {
    const r1 = rangeOf((first.key as YamlNode).range);
    const r2 = rangeOf((second.key as YamlNode).range);
    const at = (r: Range): string => `line ${r.start.line + 1}`;
    const removal = removePairEdit(first);
    findings.push(
      {
        file, range: r1, code: 'duplicate-key', severity: 'error',
        message: `Duplicate key '${k}': defined again at ${at(r2)}, which replaces this one`,
        related: [{ file, range: r2, message: `'${k}' defined again here` }],
        ...(removal ? { fix: { title: `Remove this earlier '${k}' (the later one is the one in effect)`, edits: [removal] } } : {}),
      },
      {
        file, range: r2, code: 'duplicate-key', severity: 'error',
        message: `Duplicate key '${k}': already defined at ${at(r1)}; this one replaces it`,
        related: [{ file, range: r1, message: `'${k}' first defined here` }],
      },
    );
  };

  /** Deleting a block-mapping pair: whole lines from its key to the end of its value. Flow mappings get no fix. */
  const removePairEdit = (pair: Pair): TextEdit | undefined => {
    const keyRange = (pair.key as YamlNode).range;
    if (!keyRange) return undefined;
    const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
    if (text.slice(lineStart, keyRange[0]).trim() !== '') return undefined;
    const valueEnd = (pair.value as YamlNode | null)?.range?.[1] ?? keyRange[1];
    const nl = text.indexOf('\n', Math.max(valueEnd - 1, keyRange[1]));
    const end = nl === -1 ? text.length : nl + 1;
    return { range: { start: pos(lineStart), end: pos(end) }, newText: '' };
  };

  const fatal = doc.errors.length > 0 && doc.contents === null;
  const value = fatal ? undefined : walk(doc.contents);

  /** Walk the node tree along `path`: returns [pair key node | undefined, value node, depth reached]. */
  const locate = (path: ValuePath): { key: YamlNode | undefined; node: YamlNode | undefined } => {
    let node: unknown = doc.contents;
    let key: YamlNode | undefined;
    for (const seg of path) {
      if (isAlias(node)) node = anchors.get(node.source) ?? node.resolve(doc as Document);
      if (isMap(node)) {
        const pair = pairIndex(node as YAMLMap).get(String(seg));
        if (!pair) break;
        key = pair.key as YamlNode;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        key = undefined;
        node = node.items[seg];
      } else break;
    }
    return { key, node: (node ?? undefined) as YamlNode | undefined };
  };

  return {
    file,
    text,
    value,
    findings,
    positionAt: pos,
    rangeAt: (path) => rangeOf(locate(path).node?.range),
    keyRangeAt: (path) => {
      const { key, node } = locate(path);
      return rangeOf((key ?? node)?.range);
    },
  };
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** key → its last pair (the one in effect), built once per mapping: range lookups stay O(depth). */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) index.set(keyString(p.key), p as Pair);
    pairIndexes.set(map, index);
  }
  return index;
}
