// The vocab as a running session sees it: every file of every layer, parsed once and re-read one at a time when it
// changes, the effective ruleset, and the findings per file. A file that stops parsing or validating keeps its last
// good version in the ruleset (its findings say why), so an edit in progress never empties the vocabulary.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { applyOrder, buildRuleset, supersededFiles } from './build-ruleset';
import type { VocabKind } from './schemas/kinds';
import { wholeFirstLine, type Finding } from './finding';
import { aliasDomainsOfKind, lintSharedAliasesByDomain } from './lint/alias-rules';
import type { AliasDomain } from './lint/alias-entries';
import { lintFile } from './lint/lint-file';
import { lintCrossReferences } from './lint/reference-rules';
import { emptyRuleset, type Ruleset } from './ruleset';
import { readVocabFile, type VocabFile } from './vocab-file';

export class VocabSession {
  private readonly files = new Map<string, VocabFile>();
  private readonly lastGood = new Map<string, VocabFile>();
  private readonly local = new Map<string, Finding[]>();
  private cross: Finding[] = [];
  private shared = new Map<AliasDomain, Finding[]>();
  private current: Ruleset = emptyRuleset();
  private readonly dirs: string[];

  /** `dirs` in layer order: the shipped default first, then the user's folders (later ones override by key). */
  constructor(dirs: readonly string[]) {
    this.dirs = dirs.map((d) => resolve(d));
  }

  get ruleset(): Ruleset {
    return this.current;
  }

  get layers(): readonly string[] {
    return this.dirs;
  }

  /** Read every file of every layer and build the ruleset. */
  loadAll(): void {
    this.files.clear();
    this.lastGood.clear();
    this.local.clear();
    this.shared.clear();
    this.dirs.forEach((dir, layer) => {
      for (const path of listFiles(dir)) this.put(readVocabFile(path, toRel(dir, path), layer));
    });
    this.rebuild();
  }

  /** The layer and relative path of a file, or undefined when it is in none of the vocab folders. */
  locate(path: string): { layer: number; relPath: string } | undefined {
    const abs = resolve(path);
    for (let layer = this.dirs.length - 1; layer >= 0; layer--) {
      const dir = this.dirs[layer]!;
      if (abs.startsWith(dir + sep)) return { layer, relPath: toRel(dir, abs) };
    }
    return undefined;
  }

  /** Re-read one file (from `text` when given, e.g. an unsaved editor buffer): re-lints that file only, then
   * rebuilds the ruleset and the cross-file checks. Returns false when the file is in no vocab folder. */
  update(path: string, text?: string): boolean {
    const where = this.locate(path);
    if (!where) return false;
    const before = this.files.get(resolve(path));
    const file = readVocabFile(resolve(path), where.relPath, where.layer, text);
    this.put(file);
    this.rebuild([file.kind, ...(before ? [before.kind] : [])]);
    return true;
  }

  remove(path: string): void {
    const abs = resolve(path);
    const before = this.files.get(abs);
    if (!before || !this.files.delete(abs)) return;
    this.lastGood.delete(abs);
    this.local.delete(abs);
    this.rebuild([before.kind]);
  }

  /** Findings by file (absolute path), the files without any included as empty lists. */
  findings(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const [path, list] of this.local) out.set(path, [...list]);
    for (const f of this.crossFindings()) {
      const list = out.get(f.file);
      if (list) list.push(f);
      else out.set(f.file, [f]);
    }
    return out;
  }

  allFindings(): Finding[] {
    return [...this.findings().values()].flat();
  }

  vocabFiles(): VocabFile[] {
    return [...this.files.values()];
  }

  private put(file: VocabFile): void {
    this.files.set(file.path, file);
    if (file.parsed) this.lastGood.set(file.path, file);
    this.local.set(file.path, lintFile(file));
  }

  /** Rebuild the ruleset and the cross-file checks; with `changed` (the kinds of an edited file), only what those
   * kinds feed is recomputed. */
  private rebuild(changed?: readonly (VocabKind | 'unknown' | 'ignored')[]): void {
    const good = [...this.lastGood.values()];
    const superseded = supersededFiles(good);
    const used = applyOrder(good).filter((f) => !superseded.has(f));
    try {
      this.current = buildRuleset(used, changed ? { ruleset: this.current, changed } : undefined);
    } catch {
      // Keep the last good ruleset; the file findings already tell the user what is wrong.
      return;
    }
    const only = changed ? new Set<AliasDomain>(changed.flatMap((k) => aliasDomainsOfKind[k])) : undefined;
    for (const [d, list] of lintSharedAliasesByDomain(used, only)) this.shared.set(d, list);
    this.cross = [...[...this.shared.values()].flat(), ...lintCrossReferences(used, this.current)];
    for (const f of superseded) {
      this.cross.push({
        file: f.path, range: wholeFirstLine, code: 'unknown-kind',
        severity: 'info', message: 'Not loaded: designers_tokenmap.json in the same folder takes precedence (as in the original)',
      });
    }
  }

  /** Cross-file findings, without those on files whose current text does not parse (they point into stale text). */
  private crossFindings(): Finding[] {
    return this.cross.filter((f) => this.files.get(f.file)?.parsed);
  }
}

function toRel(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(resolve(dir));
  return out;
}
