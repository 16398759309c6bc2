// `stlmgr vocab check [DIR…]`: lint vocab folders (default: the shipped vocab) and print the findings, like a
// compiler: `file:line:col: severity code: message`. Exit 1 when any finding is an error, 3 for a missing folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { defaultVocabDir } from '../../core/vocab/default-vocab-dir';
import { countBySeverity, type Finding } from '../../core/vocab/finding';
import { applyEdits } from '../../core/vocab/text-edits';
import { VocabSession } from '../../core/vocab/vocab-session';
import { CliError, ExitCode } from '../cli-error';

interface CheckOptions {
  json: boolean;
  withDefault: boolean;
  fix: boolean;
  info: boolean;
}

export function register(program: Command): void {
  const vocab = program.command('vocab').description('vocabulary: designers, franchises, codex units, token map…');
  vocab
    .command('check')
    .description('lint vocab folders (default: the shipped vocabulary); later folders override earlier ones by key')
    .argument('[dir...]', 'vocab folders, in layer order')
    .option('--json', 'print the findings as JSON', false)
    .option('--with-default', 'check the folders layered on top of the shipped vocabulary', false)
    .option('--fix', 'apply the mechanical fixes (duplicate aliases, Python regex flags) to the files', false)
    .option('--no-info', 'leave out information-level findings')
    .action((dirs: string[], opts: CheckOptions) => {
      const errors = check(dirs, opts);
      // Exit status 1 (the runner maps a CliError to its code); the findings are already printed.
      if (errors > 0) throw new CliError(`${errors} error${errors === 1 ? '' : 's'} in the vocabulary`, ExitCode.failure);
    })
    .exitOverride();
}

function check(dirs: string[], opts: CheckOptions): number {
  for (const d of dirs) if (!existsSync(d)) throw new CliError(`no such folder: ${d}`, ExitCode.notFound);
  const layers = dirs.length === 0 ? [defaultVocabDir()] : opts.withDefault ? [defaultVocabDir(), ...dirs] : dirs;
  const started = performance.now();
  const session = new VocabSession(layers);
  session.loadAll();
  if (opts.fix) applyFixes(session);
  const ms = Math.round(performance.now() - started);
  const findings = session.allFindings().filter((f) => opts.info || f.severity !== 'info').sort(byPlace);
  const counts = countBySeverity(findings);
  const files = session.vocabFiles().filter((f) => f.kind !== 'ignored').length;
  if (opts.json) {
    const r = session.ruleset;
    process.stdout.write(
      JSON.stringify({ layers, files, counts, digest: r.digest, domainDigests: r.domainDigests, ms, findings: findings.map(forJson) }, null, 2) + '\n',
    );
  } else {
    for (const f of findings) {
      process.stdout.write(`${relative(process.cwd(), f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}\n`);
    }
    process.stdout.write(`${files} files, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info (${ms} ms)\n`);
  }
  return counts.error;
}

function applyFixes(session: VocabSession): void {
  for (const [file, list] of session.findings()) {
    const edits = list.flatMap((f) => (f.fix ? f.fix.edits : []));
    if (edits.length === 0) continue;
    writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), edits));
    session.update(file);
  }
}

const byPlace = (a: Finding, b: Finding): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function forJson(f: Finding) {
  const pos = (p: { line: number; character: number }) => ({ line: p.line + 1, column: p.character + 1 });
  return {
    file: f.file, start: pos(f.range.start), end: pos(f.range.end), severity: f.severity, code: f.code, message: f.message,
    related: f.related?.map((r) => ({ file: r.file, start: pos(r.range.start), message: r.message })),
    fix: f.fix?.title,
  };
}
