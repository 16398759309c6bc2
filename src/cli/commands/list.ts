// `stlmgr list`: variants, paged.
import type { Command } from 'commander';
import { formatBytes } from '../../shared/format-bytes';
import { formatTable } from '../format-table';
import { openCliStore } from '../open-store';
import { addDbOption, addJsonOption, parseNonNegativeInt, parsePositiveInt } from '../options';

export function register(program: Command): void {
  const cmd = program
    .command('list')
    .description('list variants (folder, files, size), paged')
    .option('--limit <n>', 'how many variants', parsePositiveInt, 50)
    .option('--offset <n>', 'skip this many first', parseNonNegativeInt, 0);
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: { db?: string; json: boolean; limit: number; offset: number }) => {
    const store = await openCliStore({ db: opts.db, create: false });
    try {
      const page = await store.listVariants(opts.offset, opts.limit);
      if (opts.json) {
        process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        return;
      }
      process.stdout.write(
        formatTable(
          ['id', 'variant', 'files', 'size', 'missing'],
          page.items.map((v) => [v.id, v.relPath, v.fileCount, formatBytes(v.sizeBytes), v.missing ? 'yes' : '']),
        ),
      );
      const last = Math.min(opts.offset + page.items.length, page.total);
      process.stdout.write(`${page.items.length ? opts.offset + 1 : 0}-${last} of ${page.total} variants\n`);
    } finally {
      store.discard();
    }
  });
}
