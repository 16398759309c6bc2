// Add Library Folder… / Remove Library Folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryRoots } from '../library-roots';
import type { ScanController } from '../scan/scan-controller';
import type { RootEntry } from '../tree/library-node';

export interface RemoveRootOptions {
  /** For automation and tests: skip the modal confirmation. */
  skipConfirmation?: boolean;
}

export function registerRootCommands(roots: LibraryRoots, scans: ScanController): vscode.Disposable[] {
  return [
    // Arguments (optional, for automation): folder paths or URIs; without them the folder picker opens.
    vscode.commands.registerCommand('stlManager.addRoot', async (...args: unknown[]) => {
      let paths = toPaths(args);
      if (!paths.length) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: true,
          openLabel: 'Add to Library',
          title: 'Add Library Folders',
        });
        paths = (picked ?? []).filter((u) => u.scheme === 'file' || u.scheme === 'vscode-remote').map((u) => u.fsPath);
      }
      if (!paths.length) return [];
      const fresh = await roots.add(paths);
      if (fresh.length) {
        const names = fresh.map((p) => path.basename(p)).join(', ');
        void vscode.window.showInformationMessage(`STL Manager: added ${names} to the library.`, 'Scan Now').then((choice) => {
          if (choice) void scans.scanRoots(fresh);
        });
      }
      return fresh;
    }),

    vscode.commands.registerCommand('stlManager.removeRoot', async (entry?: RootEntry | string, options?: RemoveRootOptions) => {
      let rootPath = typeof entry === 'string' ? entry : entry?.type === 'root' ? entry.root.path : undefined;
      if (!rootPath) {
        const all = await roots.list();
        if (!all.length) {
          void vscode.window.showInformationMessage('STL Manager: there are no library folders to remove.');
          return false;
        }
        const pick = await vscode.window.showQuickPick(
          all.map((r) => ({ label: path.basename(r.path), description: r.path, rootPath: r.path, iconPath: new vscode.ThemeIcon('root-folder') })),
          { title: 'Remove Library Folder', placeHolder: 'Library folder to remove from STL Manager' },
        );
        rootPath = pick?.rootPath;
      }
      if (!rootPath) return false;
      if (!options?.skipConfirmation) {
        const answer = await vscode.window.showWarningMessage(
          `Remove "${path.basename(rootPath)}" from the library?`,
          { modal: true, detail: `${rootPath}\n\nIts variants are removed from the STL Manager database. Files on disk are not touched.` },
          'Remove',
        );
        if (answer !== 'Remove') return false;
      }
      if (scans.isScanning(rootPath)) scans.cancelAll();
      await roots.remove(rootPath);
      return true;
    }),
  ];
}

function toPaths(args: unknown[]): string[] {
  const flat = args.flatMap((a) => (Array.isArray(a) ? a : [a]));
  return flat.flatMap((a) => (typeof a === 'string' ? [a] : a instanceof vscode.Uri ? [a.fsPath] : []));
}
