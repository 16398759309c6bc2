// What activate() returns: the live parts of the extension, for the in-host tests and for other extensions.
import type * as vscode from 'vscode';
import type { LibraryRoots } from './library-roots';
import type { ScanController } from './scan/scan-controller';
import type { LibraryStatusBar } from './status-bar';
import type { StoreSession } from './store/store-session';
import type { LibraryEntry } from './tree/library-node';
import type { LibraryTreeProvider } from './tree/library-tree-provider';

export interface StlManagerApi {
  session: StoreSession;
  roots: LibraryRoots;
  scans: ScanController;
  tree: LibraryTreeProvider;
  treeView: vscode.TreeView<LibraryEntry>;
  statusBar: LibraryStatusBar;
  output: vscode.LogOutputChannel;
  /** Settles once the database is open (or failed) and the setting's roots are in the store. */
  ready: Promise<void>;
}
