// Option parsers and shared options for subcommands. Commander calls the parsers; they throw
// InvalidArgumentError, which commander reports as a usage error (exit 2).
import { InvalidArgumentError, Option, type Command } from 'commander';

export function parseNonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number >= 0, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`number too large: "${value}"`);
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n === 0) throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  return n;
}

/** Adds `--db PATH` (default: $STLMGR_DB, else ~/.stlmgr/library.db). */
export function addDbOption(cmd: Command): Command {
  return cmd.addOption(new Option('--db <path>', 'database file (default: $STLMGR_DB or ~/.stlmgr/library.db)'));
}

export function addJsonOption(cmd: Command): Command {
  return cmd.option('--json', 'print JSON instead of a table', false);
}
