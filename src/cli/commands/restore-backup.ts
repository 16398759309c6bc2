// `stlmgr restore-backup`: put `<db>.bak` (the file before the last save) back as the database.
import type { Command } from 'commander';
import { backupPath } from '../../core/store/persist';
import { restoreBackup } from '../../core/store/sql-store';
import { CliError, ExitCode } from '../cli-error';
import { resolveDbPath } from '../db-path';
import { addDbOption } from '../options';

export function register(program: Command): void {
  const cmd = program
    .command('restore-backup')
    .description('replace the database with its .bak (the state before the last save); the current file is kept aside');
  addDbOption(cmd);
  cmd.action((opts: { db?: string }) => {
    const path = resolveDbPath(opts.db);
    let moved: ReturnType<typeof restoreBackup>;
    try {
      moved = restoreBackup(path);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err), ExitCode.notFound);
    }
    const kept = [
      moved.movedAside ? `previous file kept as ${moved.movedAside}` : '',
      // its unsaved edits belong to the replaced file, not to the backup
      moved.journalMovedAside ? `its edit journal kept as ${moved.journalMovedAside}` : '',
    ].filter(Boolean);
    process.stdout.write(`restored ${path} from ${backupPath(path)}${kept.length ? ` (${kept.join('; ')})` : ''}\n`);
  });
}
