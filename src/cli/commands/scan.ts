// `stlmgr scan <root…>`: scan folders into the database and print what was found.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { closeSevenZip } from '../../core/scan/archive-seven-zip';
import { scanLibrary } from '../../core/store/scan-library';
import type { ScanSummary } from '../../core/store/types';
import { CliError, ExitCode } from '../cli-error';
import { formatTable } from '../format-table';
import { openCliStore } from '../open-store';
import { addDbOption, addJsonOption } from '../options';

interface ScanOpts {
  db?: string;
  json: boolean;
  exclude: string[];
}

export function register(program: Command): void {
  const cmd = program
    .command('scan')
    .description('scan library folders (read-only) into the database; rescans write only what changed')
    .argument('<root...>', 'library folders to scan')
    .option('--exclude <glob...>', 'skip paths matching these globs (relative to the root, e.g. "**/tmp/**")', []);
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (roots: string[], opts: ScanOpts) => {
    for (const r of roots) {
      const abs = resolve(r);
      if (!existsSync(abs)) throw new CliError(`folder not found: ${abs}`, ExitCode.notFound);
      if (!statSync(abs).isDirectory()) throw new CliError(`not a folder: ${abs}`, ExitCode.notFound);
    }
    const store = await openCliStore({ db: opts.db, create: true });
    const summaries: ScanSummary[] = [];
    try {
      for (const r of roots) summaries.push(await scanLibrary(store, r, { exclude: opts.exclude }));
    } finally {
      await closeSevenZip();
      await store.close();
    }
    process.stdout.write(opts.json ? JSON.stringify(roots.length === 1 ? summaries[0] : summaries, null, 2) + '\n' : formatScanSummaries(summaries));
  });
}

export function formatScanSummaries(list: ScanSummary[]): string {
  const header = ['', ...list.map((s) => s.rootPath)];
  const row = (label: string, get: (s: ScanSummary) => number | string): Array<string | number> => [label, ...list.map(get)];
  const kinds = ['model', 'slicer', 'image', 'document', 'archive', 'other'] as const;
  return formatTable(header, [
    row('files', (s) => s.files),
    row('archive entries', (s) => s.archiveEntries),
    row('archives', (s) => s.archives),
    row('variants', (s) => s.variants),
    row('variants missing', (s) => s.variantsMissing),
    ...kinds.map((k) => row(`  ${k}`, (s) => s.kinds[k])),
    row('warnings', (s) => s.warnings),
    row('added', (s) => s.added),
    row('changed', (s) => s.changed),
    row('removed', (s) => s.removed),
    row('unchanged', (s) => s.unchanged),
    row('rows written', (s) => s.writes),
    row('seconds', (s) => s.seconds.toFixed(2)),
  ]);
}
