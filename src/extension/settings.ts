// The extension's settings (all machine-scoped: a workspace cannot point scans or the database elsewhere).
import * as path from 'node:path';
import * as vscode from 'vscode';

const SECTION = 'stlManager';

export interface LibrarySettings {
  libraryRoots: string[];
  exclude: string[];
  /** Resolved: the setting, or `library.db` in global storage when empty. */
  databasePath: string;
  scanArchives: boolean;
}

export function readSettings(globalStorage: vscode.Uri): LibrarySettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const configuredDb = (config.get<string>('databasePath') ?? '').trim();
  return {
    libraryRoots: uniquePaths(config.get<string[]>('libraryRoots') ?? []),
    exclude: (config.get<string[]>('exclude') ?? []).filter((g) => typeof g === 'string' && g.trim() !== ''),
    databasePath: configuredDb ? path.resolve(configuredDb) : path.join(globalStorage.fsPath, 'library.db'),
    scanArchives: config.get<boolean>('scanArchives') ?? true,
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, key?: keyof LibrarySettings): boolean {
  return event.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}

/** Writes the roots to the user (global) settings, where Add/Remove keep them. */
export async function writeLibraryRoots(roots: string[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('libraryRoots', uniquePaths(roots), vscode.ConfigurationTarget.Global);
}

/** Absolute, normalised, without trailing separator; duplicates dropped (first kept). */
export function uniquePaths(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of paths) {
    if (typeof p !== 'string' || p.trim() === '') continue;
    const normal = normalizeRootPath(p);
    if (seen.has(normal)) continue;
    seen.add(normal);
    out.push(normal);
  }
  return out;
}

export function normalizeRootPath(p: string): string {
  const resolved = path.resolve(p.trim());
  return resolved.length > 1 && resolved.endsWith(path.sep) ? resolved.slice(0, -1) : resolved;
}
