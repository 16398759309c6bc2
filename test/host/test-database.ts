// Settings isolation for the in-host suites: activate the extension, remember the user's store settings, run on a
// throw-away database with no library folders, and put everything back afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VariantRow } from '../../src/core/store/types';
import type { StlManagerApi } from '../../src/extension/api';
import { waitFor } from './wait';

const KEYS = ['libraryRoots', 'exclude', 'databasePath', 'scanArchives'] as const;

export function writeBytes(file: string, bytes: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.alloc(bytes, 0x61));
}

export async function activateExtension(): Promise<StlManagerApi> {
  const ext = vscode.extensions.getExtension<StlManagerApi>('stlmanager.stl-manager');
  assert.ok(ext, 'extension stlmanager.stl-manager is not installed');
  const api = await ext.activate();
  await api.ready;
  return api;
}

export class TestDatabase {
  private readonly saved = new Map<string, unknown>();

  constructor(
    private readonly api: StlManagerApi,
    readonly dbPath: string,
  ) {}

  async enter(): Promise<void> {
    const config = vscode.workspace.getConfiguration('stlManager');
    for (const k of KEYS) this.saved.set(k, config.inspect(k)?.globalValue);
    await config.update('libraryRoots', [], vscode.ConfigurationTarget.Global);
    await config.update('databasePath', this.dbPath, vscode.ConfigurationTarget.Global);
    await waitFor('the store to reopen on the test database', () => this.api.session.dbPath === this.dbPath);
    await this.api.ready;
    await this.api.session.get();
  }

  /** Adds `root`, scans it and waits for the normalization that follows (stlManager.normalizeAfterScan, on by
   *  default) to have normalized all `expected` variants; returns them. */
  async scanNormalized(root: string, expected: number): Promise<VariantRow[]> {
    await vscode.commands.executeCommand('stlManager.addRoot', root);
    await vscode.commands.executeCommand('stlManager.scan');
    const store = await this.api.session.get();
    return waitFor(
      'normalization after the scan',
      async () => {
        const page = await store.listVariants(0, expected + 10);
        if (page.total !== expected) return undefined;
        const details = await Promise.all(page.items.map((v) => store.getVariantDetail(v.id)));
        return details.every((d) => d?.normalizedAt) ? page.items : undefined;
      },
      45_000,
    );
  }

  async leave(): Promise<void> {
    const config = vscode.workspace.getConfiguration('stlManager');
    for (const k of KEYS) await config.update(k, this.saved.get(k), vscode.ConfigurationTarget.Global);
    await waitFor('the store to leave the test database', () => this.api.session.dbPath !== this.dbPath);
  }
}
