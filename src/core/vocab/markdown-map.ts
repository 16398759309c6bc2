// Reads the original's Markdown maps (`tokenmap.md`, `designers_tokenmap.md`) as they are: YAML-like `key: [a, "b"]`
// and `key:` lines, nested by indentation, inside fenced blocks (and, indented, between them, where the original's
// own file has lost a section header). Prose, headings and unindented text outside fences are ignored.
// The result is a SourceDoc whose value has the same shape as the project's YAML kinds.
import { isSeq, parse as parseYamlValue, parseDocument } from 'yaml';
import type { Finding, Range } from './finding';
import { lineStarts, positionIn, type SourceDoc, type ValuePath } from './source-doc';

/** The original writes the 40K and AoS faction sections as top-level blocks named after the system. */
const systemSections = new Set(['warhammer_40k', 'age_of_sigmar', 'warhammer_30k', 'horus_heresy', 'old_world', 'the_old_world']);

interface Frame {
  indent: number;
  path: (string | number)[];
  obj: Record<string, unknown>;
}

const KEY_LINE = /^([ \t]*)([A-Za-z0-9_'.\-]+):[ \t]*(.*)$/;
const ITEM_LINE = /^([ \t]+)-[ \t]+(.*)$/;

export function parseMarkdownMap(file: string, text: string): SourceDoc {
  const starts = lineStarts(text);
  const pos = (o: number) => positionIn(starts, o);
  const ranges = new Map<string, { key: Range; value: Range }>();
  const findings: Finding[] = [];
  const root: Record<string, unknown> = {};
  const orphans: { line: number; key: string; range: Range }[] = [];
  let stack: Frame[] = [{ indent: -1, path: [], obj: root }];
  let inFence = false;
  let lastListKey: { frame: Frame; key: string; indent: number } | undefined;

  const record = (path: ValuePath, key: Range, value: Range) => ranges.set(JSON.stringify(path), { key, value });

  for (let n = 0; n < starts.length; n++) {
    const lineStart = starts[n]!;
    const raw = text.slice(lineStart, n + 1 < starts.length ? starts[n + 1]! - 1 : text.length).replace(/\r$/, '');
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      stack = [stack[0]!];
      lastListKey = undefined;
      continue;
    }
    if (!inFence) {
      const version = /^#\s*(designers_map_version|token_map_version):\s*(\d+)/.exec(raw);
      if (version) {
        root[version[1]!] = Number(version[2]);
        continue;
      }
      if (/^#/.test(raw)) {
        stack = [stack[0]!];
        lastListKey = undefined;
        continue;
      }
      if (!/^[ \t]/.test(raw)) continue; // prose
    }
    const indent = /^[ \t]*/.exec(raw)![0].replace(/\t/g, '    ').length;

    const item = ITEM_LINE.exec(raw);
    if (item) {
      const cur = lastListKey?.frame.obj[lastListKey.key];
      const isEmptyMap = cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.keys(cur).length === 0;
      if (lastListKey && indent > lastListKey.indent && (Array.isArray(cur) || isEmptyMap)) {
        if (isEmptyMap) lastListKey.frame.obj[lastListKey.key] = [];
        const list = lastListKey.frame.obj[lastListKey.key] as unknown[];
        const valueText = stripComment(item[2]!);
        const at = lineStart + item[1]!.length + 2;
        const r = { start: pos(at), end: pos(at + valueText.length) };
        record([...lastListKey.frame.path, lastListKey.key, list.length], r, r);
        list.push(scalar(valueText));
      } else {
        const r = { start: pos(lineStart), end: pos(lineStart + raw.length) };
        orphans.push({ line: n, key: item[2]!, range: r });
      }
      continue;
    }

    const m = KEY_LINE.exec(raw);
    if (!m) continue;
    const key = m[2]!;
    const rest = m[3]!;
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const frame = stack[stack.length - 1]!;
    const keyAt = lineStart + m[1]!.length;
    const keyRange = { start: pos(keyAt), end: pos(keyAt + key.length) };
    const valueAt = lineStart + raw.length - rest.length;
    // A line indented under nothing, outside a fence: its section header is missing.
    if (frame === stack[0] && !inFence && indent > 0 && rest.trim() !== '' && stack.length === 1) {
      orphans.push({ line: n, key, range: keyRange });
      continue;
    }
    const path = [...frame.path, key];
    const valueText = stripComment(rest);
    lastListKey = undefined;
    if (valueText === '') {
      const obj: Record<string, unknown> = {};
      frame.obj[key] = obj;
      record(path, keyRange, keyRange);
      stack.push({ indent, path, obj });
      lastListKey = { frame, key, indent };
      continue;
    }
    const valueRange = { start: pos(valueAt), end: pos(valueAt + valueText.length) };
    record(path, keyRange, valueRange);
    if (valueText.startsWith('[')) {
      const doc = parseDocument(valueText);
      if (doc.errors.length > 0 || !isSeq(doc.contents)) {
        findings.push({ file, range: valueRange, code: 'syntax', severity: 'error', message: `Cannot read the list of '${key}': ${doc.errors[0]?.message.split('\n')[0] ?? 'not a list'}` });
        continue;
      }
      const items = doc.contents.items;
      frame.obj[key] = doc.toJS();
      items.forEach((it, i) => {
        const r = (it as { range?: number[] }).range;
        if (r) {
          const ir = { start: pos(valueAt + r[0]!), end: pos(valueAt + r[1]!) };
          record([...path, i], ir, ir);
        }
      });
    } else {
      frame.obj[key] = scalar(valueText);
    }
  }

  for (const sys of Object.keys(root)) {
    if (!systemSections.has(sys)) continue;
    const factions = (root.factions ??= {}) as Record<string, unknown>;
    factions[sys] = root[sys];
    delete root[sys];
    for (const [p, r] of [...ranges]) {
      const path = JSON.parse(p) as (string | number)[];
      if (path[0] === sys) ranges.set(JSON.stringify(['factions', ...path]), r);
    }
  }
  if (orphans.length > 0) {
    const first = orphans[0]!;
    findings.push({
      file,
      range: first.range,
      code: 'schema',
      severity: 'warning',
      message: `${orphans.length} entr${orphans.length === 1 ? 'y' : 'ies'} (first: '${first.key}') sit outside any section — its header is missing — and are ignored`,
      related: orphans.slice(1, 20).map((o) => ({ file, range: o.range, message: `'${o.key}' is outside any section` })),
    });
  }

  const lookup = (path: ValuePath) => {
    for (let i = path.length; i >= 0; i--) {
      const r = ranges.get(JSON.stringify(path.slice(0, i)));
      if (r) return r;
    }
    return undefined;
  };
  const top: Range = { start: pos(0), end: pos(0) };
  return {
    file,
    text,
    value: root,
    findings,
    positionAt: pos,
    rangeAt: (path) => lookup(path)?.value ?? top,
    keyRangeAt: (path) => lookup(path)?.key ?? top,
  };
}

function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

function scalar(s: string): unknown {
  try {
    return parseYamlValue(s);
  } catch {
    // e.g. a Python regex in double quotes with `\-`, which is not a YAML escape: keep its text as written.
    return /^".*"$/.test(s) ? s.slice(1, -1) : s;
  }
}
