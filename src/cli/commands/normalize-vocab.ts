// The ruleset the normalize commands use: the shipped default vocabulary, or the `--vocab` folders instead.
import { existsSync } from 'node:fs';
import { defaultVocabDir } from '../../core/vocab/default-vocab-dir';
import type { Ruleset } from '../../core/vocab/ruleset';
import { VocabSession } from '../../core/vocab/vocab-session';
import { CliError, ExitCode } from '../cli-error';

export function loadCliRuleset(dirs: readonly string[] | undefined): Ruleset {
  const layers = dirs && dirs.length > 0 ? [...dirs] : [defaultVocabDir()];
  for (const d of layers) if (!existsSync(d)) throw new CliError(`no such vocab folder: ${d}`, ExitCode.notFound);
  const session = new VocabSession(layers);
  session.loadAll();
  return session.ruleset;
}
