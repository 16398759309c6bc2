// Scan Library (every root), Rescan (a root, or the root of a folder, from the tree), Cancel Scan.
import * as vscode from 'vscode';
import type { LibraryRoots } from '../library-roots';
import type { ScanController, ScanOutcome } from '../scan/scan-controller';
import type { LibraryEntry } from '../tree/library-node';

export function registerScanCommands(roots: LibraryRoots, scans: ScanController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('stlManager.scan', async (): Promise<ScanOutcome[]> => {
      const all = await roots.list();
      if (!all.length) {
        void vscode.window.showInformationMessage('STL Manager: add a library folder first.', 'Add Library Folder…').then((c) => {
          if (c) void vscode.commands.executeCommand('stlManager.addRoot');
        });
        return [];
      }
      return scans.scanRoots(all.map((r) => r.path));
    }),

    // A folder is rescanned through its root: the scanner works on whole roots, and a root's scan of unchanged
    // files writes nothing.
    vscode.commands.registerCommand('stlManager.rescan', async (entry?: LibraryEntry): Promise<ScanOutcome[]> => {
      const rootPath = entry?.type === 'root' ? entry.root.path : entry?.type === 'folder' || entry?.type === 'variant' ? entry.rootPath : undefined;
      if (!rootPath) return vscode.commands.executeCommand<ScanOutcome[]>('stlManager.scan');
      return scans.scanRoots([rootPath]);
    }),

    vscode.commands.registerCommand('stlManager.cancelScan', () => {
      const n = scans.cancelAll();
      if (!n) void vscode.window.showInformationMessage('STL Manager: no scan is running.');
      return n;
    }),
  ];
}
