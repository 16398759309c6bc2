// `stlmgr normalize [--db PATH] [--force] [--vocab DIR…]`: normalize every variant of the database (incremental:
// unchanged variants are skipped, a vocab edit re-runs only the variants it can affect), then save.
import type { Command } from 'commander';
import { normalizeLibrary } from '../../core/normalize/pipeline';
import { openCliStore } from '../open-store';
import { addDbOption, addJsonOption } from '../options';
import { loadCliRuleset } from './normalize-vocab';

interface NormalizeCliOptions {
  db?: string;
  force: boolean;
  json: boolean;
  vocab?: string[];
}

export function register(program: Command): void {
  const cmd = program
    .command('normalize')
    .description('derive designer, support state, scale, segmentation… for every variant from its names and the vocabulary')
    .option('--force', 're-run every variant, even unchanged ones', false)
    .option('--vocab <dir...>', 'vocab folders in layer order (default: the shipped vocabulary)');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: NormalizeCliOptions) => {
    const ruleset = loadCliRuleset(opts.vocab);
    const store = await openCliStore({ db: opts.db, create: false });
    try {
      const ctl = new AbortController();
      const stop = () => ctl.abort();
      process.once('SIGINT', stop);
      const s = await normalizeLibrary(store.db, ruleset, {
        force: opts.force,
        signal: ctl.signal,
        onProgress: opts.json || !process.stderr.isTTY ? undefined : (p) => process.stderr.write(`\rnormalizing ${p.done}/${p.total}`),
      }).finally(() => process.off('SIGINT', stop));
      if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
      store.markDirty();
      await store.save();
      if (opts.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      else {
        process.stdout.write(
          `${s.variants} variants: ${s.normalized} normalized, ${s.skipped} unchanged, ${s.carried} kept after the vocab change` +
            `${s.changedTerms !== null ? ` (${s.changedTerms} terms changed)` : ''}${s.cancelled ? ', cancelled' : ''} in ${s.seconds.toFixed(2)} s\n`,
        );
      }
    } finally {
      await store.close();
    }
  });
}
