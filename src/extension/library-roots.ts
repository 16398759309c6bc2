// Keeps the library roots of the `stlManager.libraryRoots` setting and of the store in step. The setting is the
// user's list: roots added to or removed from it (by hand or by the commands) are added to or removed from the
// store. Roots the store got elsewhere (the CLI on the same database) are left alone.
import * as vscode from 'vscode';
import type { LibraryRoot } from '../core/store/types';
import { normalizeRootPath, uniquePaths, writeLibraryRoots } from './settings';
import type { StoreSession } from './store/store-session';

export class LibraryRoots {
  /** The setting's roots as last applied to the store. */
  private known: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeRoots = this.changed.event;

  constructor(
    private readonly session: StoreSession,
    private readonly readSettingRoots: () => string[],
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** At start and after the database changed: every root of the setting gets a row in the store. */
  syncAll(): Promise<void> {
    return this.serial(async () => {
      this.known = this.readSettingRoots();
      await this.addToStore(this.known);
    });
  }

  /** The setting changed (by hand, settings sync, or our own write): apply the difference. */
  settingsChanged(): Promise<void> {
    return this.serial(async () => {
      const now = this.readSettingRoots();
      const added = now.filter((p) => !this.known.includes(p));
      const removed = this.known.filter((p) => !now.includes(p));
      this.known = now;
      if (added.length) await this.addToStore(added);
      if (removed.length) await this.removeFromStore(removed);
    });
  }

  /** Adds folders to the setting (user settings) and the store; returns the ones that were new. */
  add(paths: string[]): Promise<string[]> {
    return this.serial(async () => {
      const wanted = uniquePaths(paths);
      const fresh = wanted.filter((p) => !this.known.includes(p));
      this.known = [...this.known, ...fresh];
      if (fresh.length) await writeLibraryRoots(this.known);
      await this.addToStore(wanted);
      return fresh;
    });
  }

  /** Removes a folder from the setting and its rows from the store (files on disk are never touched). */
  remove(rootPath: string): Promise<void> {
    return this.serial(async () => {
      const p = normalizeRootPath(rootPath);
      if (this.known.includes(p)) {
        this.known = this.known.filter((k) => k !== p);
        await writeLibraryRoots(this.known);
      }
      await this.removeFromStore([p]);
    });
  }

  async list(): Promise<LibraryRoot[]> {
    return (await this.session.get()).listRoots();
  }

  private async addToStore(paths: string[]): Promise<void> {
    const store = await this.session.get().catch(() => undefined);
    if (!store) return;
    const have = new Set((await store.listRoots()).map((r) => r.path));
    let added = 0;
    for (const p of paths) {
      if (have.has(p)) continue;
      await store.addRoot(p);
      this.log.info(`Library folder added: ${p}`);
      added++;
    }
    if (added) {
      this.session.scheduleSave();
      this.changed.fire();
    }
  }

  private async removeFromStore(paths: string[]): Promise<void> {
    const store = await this.session.get().catch(() => undefined);
    if (!store) return;
    const roots = await store.listRoots();
    let removed = 0;
    for (const p of paths) {
      const root = roots.find((r) => r.path === p);
      if (!root) continue;
      await store.removeRoot(root.id);
      this.log.info(`Library folder removed: ${p}`);
      removed++;
    }
    if (removed) {
      this.session.scheduleSave();
      this.changed.fire();
    }
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job);
    this.queue = next.catch((e: unknown) => this.log.error(`Library folders: ${e instanceof Error ? e.message : String(e)}`));
    return next;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
