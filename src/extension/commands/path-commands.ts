// Reveal in File Explorer / Copy Path for roots, folders and variants.
import * as vscode from 'vscode';
import { entryPath, type LibraryEntry, type ParentEntry } from '../tree/library-node';

export function registerPathCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('stlManager.copyPath', async (entry?: LibraryEntry) => {
      if (!isPathEntry(entry)) return undefined;
      const p = entryPath(entry);
      await vscode.env.clipboard.writeText(p);
      return p;
    }),

    vscode.commands.registerCommand('stlManager.revealInOS', async (entry?: LibraryEntry) => {
      if (!isPathEntry(entry)) return undefined;
      const p = entryPath(entry);
      const uri = vscode.Uri.file(p);
      // The OS file manager is reachable only when the extension runs on the user's desktop. Remotely (SSH,
      // containers, code-server) fall back to the Explorer when the path is in the workspace, else copy the path.
      if (vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop) {
        await vscode.commands.executeCommand('revealFileInOS', uri);
        return 'os';
      }
      if (vscode.workspace.getWorkspaceFolder(uri)) {
        await vscode.commands.executeCommand('revealInExplorer', uri);
        return 'explorer';
      }
      await vscode.env.clipboard.writeText(p);
      void vscode.window.showInformationMessage(`STL Manager: ${p} is on the remote machine; its path was copied to the clipboard.`);
      return 'copied';
    }),
  ];
}

function isPathEntry(entry: LibraryEntry | undefined): entry is ParentEntry {
  return entry?.type === 'root' || entry?.type === 'folder' || entry?.type === 'variant';
}
