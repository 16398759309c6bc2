// `npm run bench:vocab`: load + validate + lint times of the original's vocab folder and of the shipped default,
// against the bare `yaml.parseDocument` time of the same files measured in the same run (the baseline), and the
// time of one edit (re-lint of the edited file plus the cross-file checks).
// Target: the 327 KB AoS codex costs ≤ 1.5× its bare parse.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { defaultVocabDir } from '../src/core/vocab/default-vocab-dir';
import { countBySeverity } from '../src/core/vocab/finding';
import { lintSharedAliases } from '../src/core/vocab/lint/alias-rules';
import { lintFile } from '../src/core/vocab/lint/lint-file';
import { readVocabFile } from '../src/core/vocab/vocab-file';
import { VocabSession } from '../src/core/vocab/vocab-session';

const referenceVocab = join(resolve(process.env.STLMGR_REFERENCE_DIR ?? resolve(process.cwd(), '../shared/reference')), 'vocab');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median of `runs` timings after `warm` unmeasured runs, in ms. */
function time(fn: () => unknown, runs = 7, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function benchFolder(label: string, dir: string): void {
  const session = new VocabSession([dir]);
  const loadMs = time(() => {
    const s = new VocabSession([dir]);
    s.loadAll();
    s.allFindings();
  }, 3, 1);
  session.loadAll();
  const files = session.vocabFiles().filter((f) => f.doc);
  const yamlFiles = files.filter((f) => /\.(ya?ml|json)$/.test(f.path));
  const bareMs = time(() => {
    for (const f of yamlFiles) parseDocument(f.doc!.text);
  }, 3, 1);
  const counts = countBySeverity(session.allFindings());
  console.log(`${label}: ${files.length} files — load + validate + lint ${ms(loadMs)}; bare parseDocument of its ${yamlFiles.length} YAML/JSON files ${ms(bareMs)}`);
  console.log(`  findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info; digest ${session.ruleset.digest.slice(0, 16)}…`);

  // One edit: the largest file changes; only it is re-read and re-linted, then the ruleset and cross checks.
  const biggest = [...files].sort((a, b) => b.doc!.text.length - a.doc!.text.length)[0]!;
  const text = biggest.doc!.text;
  let n = 0;
  const editMs = time(() => session.update(biggest.path, `${text}\n# edit ${n++}\n`), 3, 1);
  console.log(`  one edit of ${biggest.relPath} (${Math.round(text.length / 1024)} KB): re-lint ${ms(editMs)} (the other ${files.length - 1} files are not re-read)`);
  const small = files.find((f) => f.relPath.startsWith('franchises/'));
  if (small) {
    const t0 = small.doc!.text;
    const lintOnly = time(() => lintFile(readVocabFile(small.path, small.relPath, 0, `${t0}\n`)), 5, 1);
    const smallMs = time(() => session.update(small.path, `${t0}\n`), 3, 1);
    console.log(`  one edit of ${small.relPath}: parse + lint of the file ${ms(lintOnly)}; with the ruleset rebuilt and the cross-file checks ${ms(smallMs)}`);
  }
}

function benchAos(): void {
  const path = join(referenceVocab, 'codex_units_aos.yaml');
  const text = readFileSync(path, 'utf8');
  const bare = time(() => parseDocument(text), 9, 3);
  const full = time(() => {
    const f = readVocabFile(path, 'codex_units_aos.yaml', 0, text);
    lintFile(f);
    lintSharedAliases([f]);
  }, 9, 3);
  const ratio = full / bare;
  console.log(`AoS codex (${Math.round(text.length / 1024)} KB): bare parseDocument ${ms(bare)}; load + validate + lint ${ms(full)}; ratio ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
}

if (existsSync(referenceVocab)) {
  benchAos();
  benchFolder(`reference vocab (${referenceVocab})`, referenceVocab);
} else {
  console.log(`reference vocab not found at ${referenceVocab} (set STLMGR_REFERENCE_DIR); measuring the default only`);
}
benchFolder(`default vocab (${defaultVocabDir()})`, defaultVocabDir());
