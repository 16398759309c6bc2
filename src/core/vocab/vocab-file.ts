// One vocab file read, parsed and validated against the schema of its kind. A file that fails keeps its findings
// and no data; the loader skips it and the rest of the ruleset still loads.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { wholeFirstLine, type Finding, type Range } from './finding';
import { fileKindOf, type FileFormat } from './file-kind';
import { parseMarkdownMap } from './markdown-map';
import type { CodexFile } from './schemas/codex';
import type { CodexUnitsFile } from './schemas/codex-units';
import type { CollectionsFile } from './schemas/collections';
import type { DesignersFile } from './schemas/designers';
import type { FranchiseFile } from './schemas/franchise';
import type { GlossaryFile } from './schemas/glossary';
import { schemaByKind, type VocabKind } from './schemas/kinds';
import type { LineagesFile } from './schemas/lineages';
import type { PartsFile } from './schemas/parts';
import type { FranchisePreferencesFile, MmfUsernamesFile } from './schemas/small-maps';
import type { TokenmapFile } from './schemas/tokenmap';
import { lineStarts, parseYamlSource, positionIn, type SourceDoc, type ValuePath } from './source-doc';

export type ParsedVocab =
  | { kind: 'designers'; value: DesignersFile }
  | { kind: 'franchise'; value: FranchiseFile }
  | { kind: 'codex'; value: CodexFile }
  | { kind: 'codex-units'; value: CodexUnitsFile }
  | { kind: 'parts'; value: PartsFile }
  | { kind: 'collections'; value: CollectionsFile }
  | { kind: 'lineages'; value: LineagesFile }
  | { kind: 'glossary'; value: GlossaryFile }
  | { kind: 'tokenmap'; value: TokenmapFile }
  | { kind: 'franchise-preferences'; value: FranchisePreferencesFile }
  | { kind: 'mmf-usernames'; value: MmfUsernamesFile }
  | { kind: 'characters'; value: Record<string, readonly string[]> }
  | { kind: 'word-list'; value: readonly string[] };

export interface VocabFile {
  /** Absolute path. */
  path: string;
  /** Path inside its vocab folder, `/`-separated. */
  relPath: string;
  /** 0 = the shipped default, then the user's folders in order: later layers override earlier ones by key. */
  layer: number;
  kind: VocabKind | 'unknown' | 'ignored';
  doc?: SourceDoc;
  /** Present when the file parsed and validated. */
  parsed?: ParsedVocab;
  /** Syntax, schema and read findings (the linter adds its own). */
  findings: Finding[];
}


export function readVocabFile(path: string, relPath: string, layer: number, text?: string): VocabFile {
  const k = fileKindOf(relPath);
  if (k.kind === 'ignored' || k.kind === 'unknown') {
    const findings: Finding[] =
      k.kind === 'unknown'
        ? [{ file: path, range: wholeFirstLine, code: 'unknown-kind', severity: 'info', message: `No vocab kind is known for '${relPath}'; the file is not loaded` }]
        : [];
    return { path, relPath, layer, kind: k.kind, findings };
  }
  let source: string;
  try {
    source = text ?? readFileSync(path, 'utf8');
  } catch (e) {
    const message = `Cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
    return { path, relPath, layer, kind: k.kind, findings: [{ file: path, range: wholeFirstLine, code: 'read-error', severity: 'error', message }] };
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const doc = parseAs(k.format, path, source);
  const findings = [...doc.findings];
  const out: VocabFile = { path, relPath, layer, kind: k.kind, doc, findings };
  if (doc.value === undefined || findings.some((f) => f.code === 'syntax')) return out;

  if (k.kind === 'word-list') {
    out.parsed = { kind: 'word-list', value: doc.value as string[] };
    return out;
  }
  if (k.kind === 'characters') {
    const chars = readCharacters(doc, findings);
    if (chars) out.parsed = { kind: 'characters', value: chars };
    return out;
  }
  const schema: z.ZodType = schemaByKind[k.kind];
  const res = schema.safeParse(doc.value);
  if (!res.success) {
    for (const issue of res.error.issues) findings.push(schemaFinding(doc, issue));
    return out;
  }
  out.parsed = { kind: k.kind, value: res.data } as ParsedVocab;
  return out;
}

function parseAs(format: FileFormat, path: string, text: string): SourceDoc {
  if (format === 'markdown-map') return parseMarkdownMap(path, text);
  if (format === 'text') return parseWordList(path, text);
  return parseYamlSource(path, text);
}

type Issue = z.core.$ZodIssue;

/** A zod issue as a finding at the YAML node it concerns. For a union, the most specific branch's issue speaks. */
function schemaFinding(doc: SourceDoc, issue: Issue): Finding {
  let best: Issue = issue;
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const candidates = issue.errors.flat().map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
    best = candidates.sort((a, b) => b.path.length - a.path.length)[0] ?? issue;
  }
  const path = best.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  const missing = best.code === 'invalid_type' && /received undefined/.test(best.message);
  return {
    file: doc.file,
    range: missing ? doc.keyRangeAt(path.slice(0, -1)) : doc.rangeAt(path),
    code: 'schema',
    severity: 'error',
    message: missing ? `Missing '${String(path[path.length - 1])}'${path.length > 1 ? ` in ${path.slice(0, -1).join('.')}` : ''}` : `${best.message}${where}`,
  };
}

/** `characters_tokenmap.md`: YAML under comments, `characters: {name: [alias…]}`. */
function readCharacters(doc: SourceDoc, findings: Finding[]): Record<string, readonly string[]> | undefined {
  const v = doc.value as { characters?: unknown } | null;
  const chars = v && typeof v === 'object' ? v.characters : undefined;
  if (!chars || typeof chars !== 'object' || Array.isArray(chars)) {
    findings.push({ file: doc.file, range: doc.rangeAt([]), code: 'schema', severity: 'error', message: "Expected a 'characters:' mapping of name → alias list" });
    return undefined;
  }
  const out: Record<string, readonly string[]> = {};
  for (const [name, aliases] of Object.entries(chars)) {
    if (aliases === null) out[name] = [];
    else if (Array.isArray(aliases) && aliases.every((a) => typeof a === 'string')) out[name] = aliases;
    else findings.push({ file: doc.file, range: doc.rangeAt(['characters', name]), code: 'schema', severity: 'error', message: `Aliases of '${name}' must be a list of strings` });
  }
  return out;
}

/** One lower-case word per line; `#` starts a comment. */
function parseWordList(file: string, text: string): SourceDoc {
  const starts = lineStarts(text);
  const words: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((line, n) => {
    const w = line.replace(/#.*$/, '').trim().toLowerCase();
    if (w) {
      words.push(w);
      lineOf.push(n);
    }
  });
  const lineRange = (n: number): Range => {
    const s = starts[n] ?? 0;
    const e = (starts[n + 1] ?? text.length + 1) - 1;
    return { start: positionIn(starts, s), end: positionIn(starts, Math.max(s, e)) };
  };
  const rangeAt = (path: ValuePath): Range => (typeof path[0] === 'number' && lineOf[path[0]] !== undefined ? lineRange(lineOf[path[0]]!) : wholeFirstLine);
  return { file, text, value: words, findings: [], rangeAt, keyRangeAt: rangeAt, positionAt: (o) => positionIn(starts, o) };
}
