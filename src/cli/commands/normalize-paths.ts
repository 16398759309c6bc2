// `stlmgr normalize-paths [--vocab DIR…] --json`: paths relative to a library root on stdin, one per line (`/` or
// `\`); one JSON object per line on stdout, in input order, with everything inferable from the path alone.
import type { Command } from 'commander';
import { inferFromPaths } from '../../core/normalize/path-inference';
import { CliError, ExitCode } from '../cli-error';
import { loadCliRuleset } from './normalize-vocab';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function register(program: Command): void {
  program
    .command('normalize-paths')
    .description('read library-relative paths from stdin and print, per line, the fields inferred from the path (JSON lines)')
    .option('--vocab <dir...>', 'vocab folders in layer order (default: the shipped vocabulary)')
    .option('--json', 'print JSON lines (the only format)', true)
    .action(async (opts: { vocab?: string[]; json: boolean }) => {
      if (!opts.json) throw new CliError('normalize-paths prints JSON lines only', ExitCode.usage);
      const ruleset = loadCliRuleset(opts.vocab);
      const text = await readStdin();
      const lines = text.split(/\r?\n/);
      if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      const out = inferFromPaths(lines, ruleset).map((r) => JSON.stringify(r)).join('\n');
      process.stdout.write(out.length > 0 ? `${out}\n` : '');
    });
}
