// Every subcommand lives in its own file under commands/ and exports `register(program)`.
// To add one: create `commands/<name>.ts` and append its register function here.
import type { Command } from 'commander';
import { register as registerScan } from './commands/scan';
import { register as registerStats } from './commands/stats';
import { register as registerList } from './commands/list';
import { register as registerRestoreBackup } from './commands/restore-backup';
import { register as registerVocab } from './commands/vocab';
import { register as registerNormalize } from './commands/normalize';
import { register as registerNormalizePaths } from './commands/normalize-paths';
import { register as registerExport } from './commands/export';

export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerScan,
  registerStats,
  registerList,
  registerRestoreBackup,
  registerVocab,
  registerNormalize,
  registerNormalizePaths,
  registerExport,
];
