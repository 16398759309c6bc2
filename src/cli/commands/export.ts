// `stlmgr export --format csv|json [--out FILE]`: every variant with its effective values (override ?? auto).
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { formatExport, type ExportFormat } from '../../core/store/export';
import { openCliStore } from '../open-store';
import { addDbOption } from '../options';

function parseFormat(v: string): ExportFormat {
  if (v !== 'csv' && v !== 'json') throw new InvalidArgumentError(`expected csv or json, got "${v}"`);
  return v;
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('export every variant with its effective values (manual overrides win over automatic values)')
    .option('--format <format>', 'csv or json', parseFormat, 'csv' as ExportFormat)
    .option('--out <file>', 'write to this file instead of standard output');
  addDbOption(cmd);
  cmd.action(async (opts: { db?: string; format: ExportFormat; out?: string }) => {
    const store = await openCliStore({ db: opts.db, create: false });
    try {
      const text = formatExport(await store.exportRows(), opts.format);
      if (opts.out) writeFileSync(opts.out, text, 'utf8');
      else process.stdout.write(text);
    } finally {
      // export only reads; the search index it refreshed is rebuilt on the next open if not saved
      store.discard();
    }
  });
}
