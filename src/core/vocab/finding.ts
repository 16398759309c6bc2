// What the vocab linter and loader report: one problem at one place in one file, with an optional mechanical fix.

/** 0-based line and UTF-16 column, as editors count them (the CLI prints them 1-based). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'syntax' // the file does not parse (YAML, JSON, Markdown block)
  | 'schema' // parses, but does not have the shape of its kind
  | 'unknown-kind' // a file in a vocab folder that no loader reads
  | 'duplicate-key' // the same key twice in one mapping (the later one wins)
  | 'duplicate-alias' // the same alias twice on one entry
  | 'shared-alias' // the same alias on two entries of one domain
  | 'alias-collision' // two different aliases that normalize to the same token
  | 'unknown-reference' // a faction, system, base profile, edition, designer or unit that is not defined
  | 'regex-invalid' // does not compile in JavaScript
  | 'regex-python' // Python-only syntax (inline `(?i)`, `(?P<…>)`): converted on load, rewrite it
  | 'empty-aliases' // an alias list with nothing in it
  | 'unsafe-alias' // too short or too generic to be safe on its own
  | 'read-error'; // the file cannot be read

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits to the finding's own file. */
  edits: TextEdit[];
}

export interface RelatedPlace {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  file: string;
  range: Range;
  code: FindingCode;
  severity: Severity;
  message: string;
  related?: RelatedPlace[];
  fix?: Fix;
}

export const wholeFirstLine: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
