// `stlmgr stats`: totals of the whole database.
import type { Command } from 'commander';
import { formatBytes } from '../../shared/format-bytes';
import { formatTable } from '../format-table';
import { openCliStore } from '../open-store';
import { addDbOption, addJsonOption } from '../options';

export function register(program: Command): void {
  const cmd = program.command('stats').description('show totals: roots, variants, files, kinds, warnings');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: { db?: string; json: boolean }) => {
    const store = await openCliStore({ db: opts.db, create: false });
    try {
      const s = await store.stats();
      if (opts.json) {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      process.stdout.write(
        formatTable(['', 'count'], [
          ['roots', s.roots],
          ['variants', s.variants],
          ['variants missing', s.variantsMissing],
          ['files', s.files],
          ['archives', s.archives],
          ['archive entries', s.archiveEntries],
          ...Object.entries(s.kinds).map(([k, n]): [string, number] => [`  ${k}`, n]),
          ['warnings', s.warnings],
          ['total size', formatBytes(s.totalBytes)],
        ]),
      );
    } finally {
      store.discard();
    }
  });
}
