// Owns the extension's one LibraryStore: opens it on the configured database path (reopening when the setting
// changes), tells the user when a corrupt database was set aside (offering its backup), saves on a debounce.
import { copyFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CorruptDbReport, LibraryStore, StoreOpenReport } from '../../core/store/types';

export interface OpenedStore {
  store: LibraryStore;
  report: StoreOpenReport;
}
export type StoreOpener = (dbPath: string) => Promise<OpenedStore>;
export type Recovery = 'restoreBackup' | 'startEmpty';

export class DatabaseUnavailableError extends Error {
  constructor(readonly dbPath: string, readonly reason: string) {
    super(`The library database ${dbPath} could not be opened: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

type State =
  | { kind: 'closed' }
  | { kind: 'opening'; dbPath: string; ready: Promise<OpenedStore> }
  | { kind: 'open'; dbPath: string; store: LibraryStore }
  | { kind: 'failed'; dbPath: string; error: DatabaseUnavailableError };

export class StoreSession implements vscode.Disposable {
  private state: State = { kind: 'closed' };
  private saveTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  /** A corrupt database was set aside and the user has not chosen yet: hold saves, so the backup survives. */
  private pendingCorrupt: CorruptDbReport | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a store became available (or unavailable): views re-read. */
  readonly onDidChangeStore = this.changed.event;

  constructor(
    private readonly opener: StoreOpener,
    private readonly log: vscode.LogOutputChannel,
    private readonly saveDelayMs = 1500,
  ) {}

  get dbPath(): string | undefined {
    return this.state.kind === 'closed' ? undefined : this.state.dbPath;
  }

  get failure(): DatabaseUnavailableError | undefined {
    return this.state.kind === 'failed' ? this.state.error : undefined;
  }

  /** Set while the user has not answered the "database was corrupt" message. */
  get corrupt(): CorruptDbReport | undefined {
    return this.pendingCorrupt;
  }

  /** Opens `dbPath` (closing the current store first when it differs). Never throws: a failure leaves the session
   *  in the failed state (views show it) and is reported to the user. */
  async open(dbPath: string): Promise<void> {
    if (this.state.kind !== 'closed' && this.state.kind !== 'failed' && this.state.dbPath === dbPath) {
      await this.get().catch(() => undefined);
      return;
    }
    await this.close();
    const ready = this.opener(dbPath);
    this.state = { kind: 'opening', dbPath, ready };
    try {
      const { store, report } = await ready;
      if (this.state.kind === 'opening' && this.state.ready === ready) {
        this.state = { kind: 'open', dbPath, store };
        this.log.info(`Database ${report.created ? 'created' : 'opened'}: ${dbPath}${report.migrationsApplied ? ` (${report.migrationsApplied} migrations applied)` : ''}${report.journalReplayed ? ` (${report.journalReplayed} unsaved edits restored from the edit journal)` : ''}`);
        for (const w of report.journalWarnings) this.log.warn(`Edit journal: ${w}`);
        if (report.corrupt) {
          this.pendingCorrupt = await keepBackup(report.corrupt);
          this.log.error(`The database could not be read (${report.corrupt.reason}); it was kept as ${report.corrupt.movedTo} and an empty one started.`);
          void this.offerRecovery(report.corrupt);
        }
      } else {
        await store.close();
      }
    } catch (e) {
      const error = new DatabaseUnavailableError(dbPath, e instanceof Error ? e.message : String(e));
      if (this.state.kind === 'opening' && this.state.ready === ready) this.state = { kind: 'failed', dbPath, error };
      this.log.error(error.message);
      void vscode.window.showErrorMessage(`STL Manager: ${error.message}`, 'Show Log').then((c) => c && this.log.show());
    }
    this.changed.fire();
  }

  /** The open store; waits while opening; throws DatabaseUnavailableError when the database could not be opened. */
  async get(): Promise<LibraryStore> {
    const s = this.state;
    if (s.kind === 'open') return s.store;
    if (s.kind === 'opening') {
      await s.ready.catch(() => undefined);
      while (this.state === s) await new Promise((r) => setTimeout(r, 5));
      return this.get();
    }
    if (s.kind === 'failed') throw s.error;
    throw new DatabaseUnavailableError('(none)', 'no database is open');
  }

  /** After a write: save once writes have been quiet for a moment. */
  scheduleSave(): void {
    this.dirty = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, this.saveDelayMs);
  }

  /** Saves now when there are unsaved writes (serialised with any save in flight). */
  flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    const next = this.saving.then(async () => {
      if (!this.dirty || this.state.kind !== 'open' || this.pendingCorrupt) return;
      this.dirty = false;
      const t0 = Date.now();
      try {
        if (await this.state.store.save()) this.log.info(`Database saved in ${Date.now() - t0} ms: ${this.state.dbPath}`);
      } catch (e) {
        this.dirty = true;
        this.log.error(`Saving the database failed: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    });
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** Saves pending writes and closes the store. */
  async close(): Promise<void> {
    const s = this.state;
    if (s.kind === 'opening') await s.ready.catch(() => undefined);
    this.pendingCorrupt = undefined;
    if (this.state.kind === 'open') {
      await this.flush().catch(() => undefined);
      const store = this.state.store;
      this.state = { kind: 'closed' };
      await store.close();
    } else {
      this.state = { kind: 'closed' };
    }
  }

  /** Answers the corrupt-database question: keep the new empty database, or copy the backup in and reopen. */
  async recover(how: Recovery): Promise<void> {
    const corrupt = this.pendingCorrupt;
    const dbPath = this.dbPath;
    if (!corrupt || !dbPath) return;
    this.pendingCorrupt = undefined;
    if (how === 'startEmpty' || !corrupt.backupPath) {
      this.log.info('Keeping the new, empty database.');
      await this.flush();
      return;
    }
    this.dirty = false;
    await this.close();
    await copyFile(corrupt.backupPath, dbPath);
    this.log.info(`Restored ${dbPath} from ${corrupt.backupPath}`);
    await this.open(dbPath);
  }

  private async offerRecovery(corrupt: CorruptDbReport): Promise<void> {
    const actions = corrupt.backupPath ? ['Restore Backup', 'Start Empty'] : ['Start Empty'];
    const choice = await vscode.window.showErrorMessage(
      `STL Manager could not read its library database (${corrupt.reason}). The file was kept as ${corrupt.movedTo}.` +
        (corrupt.backupPath ? ' Restore the last good backup, or start with an empty library?' : ' No backup exists: starting with an empty library.'),
      ...actions,
    );
    if (!choice || this.pendingCorrupt !== corrupt) return;
    try {
      await this.recover(choice === 'Restore Backup' ? 'restoreBackup' : 'startEmpty');
    } catch (e) {
      this.log.error(`Recovery failed: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`STL Manager: recovery failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.changed.dispose();
  }
}

/** The store may save (and rotate `<db>.bak`) before the user answers: keep a copy of the backup beside the
 *  corrupt file, and restore from that copy. */
async function keepBackup(corrupt: CorruptDbReport): Promise<CorruptDbReport> {
  if (!corrupt.backupPath) return corrupt;
  const kept = `${corrupt.movedTo}.bak`;
  try {
    await copyFile(corrupt.backupPath, kept);
    return { ...corrupt, backupPath: kept };
  } catch {
    return corrupt;
  }
}
