// Alias rules. Inside one file: the same alias twice on one entry (with a fix that removes the repeat), empty
// alias lists, aliases too short or too generic to be safe alone. Across all files: the same alias on two entries
// of one domain (severity by domain), and different aliases of two entries that tokenize the same way.
import { aliasForm, aliasTokens } from '../alias-form';
import type { Finding, Range, Severity, TextEdit } from '../finding';
import type { SourceDoc, ValuePath } from '../source-doc';
import type { VocabFile } from '../vocab-file';
import { aliasEntries, type AliasDomain, type AliasEntry } from './alias-entries';

/** Generic words (the original's ambiguous aliases and stopwords) that are unsafe as an alias on their own. */
export const genericWords: ReadonlySet<string> = new Set([
  'angel', 'sakura', 'ivy', 'priestess', 'priest', 'warrior', 'knight', 'mage', 'wizard', 'witch', 'sorceress',
  'sorcerer', 'monk', 'druid', 'paladin', 'barbarian', 'assassin', 'archer', 'ranger', 'fighter', 'cleric', 'shaman',
  'necromancer', 'acolyte', 'bishop', 'guard', 'soldier', 'captain', 'commander', 'general', 'queen', 'king',
  'princess', 'prince', 'empress', 'emperor', 'lord', 'lady', 'hero', 'heroine', 'the', 'and', 'of', 'for', 'set',
  'pack', 'stl', 'model', 'models', 'mini', 'minis', 'figure', 'figures', 'files', 'printing', 'print', 'base',
  'bases', 'bust', 'parts', 'part', 'body', 'head', 'arms', 'weapons', 'supported', 'unsupported', 'presupported',
]);

/** How serious it is when two entries of a domain share an alias. Units of different factions legitimately share
 * names (the matcher scores them); two designers sharing one makes designer assignment arbitrary. */
const sharedSeverity: Record<AliasDomain, Severity | undefined> = {
  designer: 'error',
  franchise: 'warning',
  character: 'info',
  faction: 'info',
  unit: 'info',
  part: 'info',
  lineage: 'warning',
  collection: undefined,
  preference: 'warning',
};

const domainNoun: Record<AliasDomain, string> = {
  designer: 'designer', franchise: 'franchise', character: 'character', faction: 'faction', unit: 'unit', part: 'part',
  lineage: 'lineage', collection: 'collection', preference: 'franchise preference',
};

/** The "remove this list item" edit: a block item's whole line, or a flow item with the comma before it. */
export function removeItemEdit(doc: SourceDoc, listPath: ValuePath, index: number, count: number): TextEdit {
  const item = doc.rangeAt([...listPath, index]);
  const lines = doc.text.split('\n');
  const line = lines[item.start.line] ?? '';
  const before = line.slice(0, item.start.character);
  if (/^\s*-\s*$/.test(before)) {
    return { range: { start: { line: item.start.line, character: 0 }, end: { line: item.start.line + 1, character: 0 } }, newText: '' };
  }
  if (index > 0) return { range: { start: doc.rangeAt([...listPath, index - 1]).end, end: item.end }, newText: '' };
  const next = index + 1 < count ? doc.rangeAt([...listPath, index + 1]).start : item.end;
  return { range: { start: item.start, end: next }, newText: '' };
}

export function lintAliasesInFile(file: VocabFile): Finding[] {
  const doc = file.doc;
  if (!doc || !file.parsed) return [];
  const out: Finding[] = [];
  for (const e of aliasEntries(file)) {
    const noun = domainNoun[e.domain];
    if (e.aliases.length === 0) {
      out.push({
        file: file.path, range: doc.keyRangeAt(e.path), code: 'empty-aliases',
        severity: e.domain === 'designer' ? 'warning' : 'info',
        message: `The ${noun} '${e.key}' has an empty alias list${e.domain === 'designer' ? ': only its key will match' : ''}`,
      });
      continue;
    }
    const seen = new Map<string, number>();
    e.aliases.forEach((a, i) => {
      if (typeof a !== 'string') return;
      const form = aliasForm(a);
      const first = seen.get(form);
      if (first !== undefined) {
        const firstRange = doc.rangeAt([...e.path, first]);
        out.push({
          file: file.path, range: doc.rangeAt([...e.path, i]), code: 'duplicate-alias', severity: 'warning',
          message: `The ${noun} '${e.key}' lists the alias '${a}' twice (as '${String(e.aliases[first])}' at line ${firstRange.start.line + 1}; aliases ignore case)`,
          related: [{ file: file.path, range: firstRange, message: 'first listed here' }],
          fix: { title: `Remove the duplicate alias '${a}'`, edits: [removeItemEdit(doc, e.path, i, e.aliases.length)] },
        });
        return;
      }
      seen.set(form, i);
      const unsafe = unsafeReason(form, e.domain);
      if (unsafe) {
        out.push({
          file: file.path, range: doc.rangeAt([...e.path, i]), code: 'unsafe-alias', severity: 'info',
          message: `The alias '${a}' of ${noun} '${e.key}' is ${unsafe} to be safe on its own`,
        });
      }
    });
  }
  return out;
}

function unsafeReason(form: string, domain: AliasDomain): string | undefined {
  if (domain === 'collection' || domain === 'lineage') return undefined;
  if (/^\d+$/.test(form)) return 'only digits, too generic';
  if (form.length <= 2) return 'too short';
  if (genericWords.has(form)) return 'too generic';
  return undefined;
}

/** The alias domains each file kind has entries in. */
export const aliasDomainsOfKind: Readonly<Record<VocabFile['kind'], readonly AliasDomain[]>> = {
  designers: ['designer'], franchise: ['franchise', 'character'], characters: ['character'], 'franchise-preferences': ['preference'],
  codex: ['faction', 'unit'], 'codex-units': ['faction', 'unit'], parts: ['part'], collections: ['collection'], lineages: ['lineage'],
  tokenmap: [], glossary: [], 'mmf-usernames': [], 'word-list': [], unknown: [], ignored: [],
};

interface Claim {
  file: VocabFile;
  entry: AliasEntry;
  /** Position in the alias list; -1 for the entry's key, which matches as an alias too. */
  index: number;
  alias: string;
}

/** Alias sharing across entries of one domain, over all files. A later layer redefining the same key is an
 * override, not a conflict. */
export function lintSharedAliases(files: readonly VocabFile[]): Finding[] {
  return [...lintSharedAliasesByDomain(files).values()].flat();
}

/** The same, by alias domain; with `only`, just those domains (an edit re-checks the domains its file feeds). */
export function lintSharedAliasesByDomain(files: readonly VocabFile[], only?: ReadonlySet<AliasDomain>): Map<AliasDomain, Finding[]> {
  const byForm = new Map<string, Claim[]>();
  const byTokens = new Map<string, Claim[]>();
  for (const file of files) {
    if (only && !aliasDomainsOfKind[file.kind].some((d) => only.has(d))) continue;
    for (const entry of aliasEntries(file)) {
      if (!sharedSeverity[entry.domain] || (only && !only.has(entry.domain))) continue;
      const scope = `${entry.domain}|${entry.scope}`;
      const claim = (alias: string, index: number) => {
        const c = { file, entry, index, alias };
        push(byForm, `${scope}|${aliasForm(alias)}`, c);
        push(byTokens, `${scope}|${aliasTokens(alias).join(' ')}`, c);
      };
      entry.aliases.forEach((a, index) => {
        if (typeof a === 'string') claim(a, index);
      });
      // another entry's alias equal to this key makes the key ambiguous just the same
      if (entry.keyPath && !entry.aliases.some((a) => typeof a === 'string' && aliasForm(a) === aliasForm(entry.key))) claim(entry.key, -1);
    }
  }
  const out = new Map<AliasDomain, Finding[]>();
  for (const d of only ?? (Object.keys(sharedSeverity) as AliasDomain[])) out.set(d, []);
  const add = (claims: Claim[], code: 'shared-alias' | 'alias-collision') => out.get(claims[0]!.entry.domain)?.push(...sharedFindings(claims, code));
  for (const claims of byForm.values()) {
    const distinct = distinctKeys(claims);
    if (distinct.length >= 2) add(distinct, 'shared-alias');
  }
  for (const claims of byTokens.values()) {
    const distinct = distinctKeys(claims);
    if (distinct.length < 2) continue;
    const forms = new Set(distinct.map((c) => aliasForm(c.alias)));
    if (forms.size >= 2) add(distinct, 'alias-collision'); // one form only: already reported as shared
  }
  return out;
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** One claim per entry key; the same key in several layers counts once (the later layer overrides). */
function distinctKeys(claims: Claim[]): Claim[] {
  const byKey = new Map<string, Claim>();
  for (const c of claims) if (!byKey.has(c.entry.key)) byKey.set(c.entry.key, c);
  return [...byKey.values()];
}

function sharedFindings(claims: Claim[], code: 'shared-alias' | 'alias-collision'): Finding[] {
  const severity = code === 'alias-collision' ? 'info' : sharedSeverity[claims[0]!.entry.domain]!;
  const noun = domainNoun[claims[0]!.entry.domain];
  const place = (c: Claim): Range => (c.index < 0 && c.entry.keyPath ? c.file.doc!.keyRangeAt(c.entry.keyPath) : c.file.doc!.rangeAt([...c.entry.path, c.index]));
  const what = (c: Claim): string => (c.index < 0 ? `the key '${c.alias}'` : `'${c.alias}'`);
  return claims.map((c) => {
    const others = claims.filter((o) => o !== c);
    const names = others.map((o) => (o.index < 0 ? `'${o.entry.key}' (its key)` : `'${o.entry.key}'`)).join(', ');
    const subject = c.index < 0 ? `The ${noun} key '${c.alias}'` : `The alias '${c.alias}' of ${noun} '${c.entry.key}'`;
    return {
      file: c.file.path,
      range: place(c),
      code,
      severity,
      message:
        code === 'shared-alias'
          ? `${subject} is also an alias of ${names}`
          : `${subject} reads as the same tokens as ${others.map((o) => `${what(o)} of '${o.entry.key}'`).join(', ')}`,
      related: others.map((o) => ({ file: o.file.path, range: place(o), message: `${what(o)} of ${noun} '${o.entry.key}'` })),
    } satisfies Finding;
  });
}
