// Wiring only: builds the parts, connects their events, registers commands. Each feature lives in its own file.
import * as vscode from 'vscode';
import { scanLibrary } from '../core/store/scan-library';
import type { LibraryStore } from '../core/store/types';
import { WorkerStore } from '../core/store/worker-store';
import type { StlManagerApi } from './api';
import { registerPathCommands } from './commands/path-commands';
import { registerRootCommands } from './commands/root-commands';
import { registerScanCommands } from './commands/scan-commands';
import { LibraryRoots } from './library-roots';
import { ScanController, type ScanFunction } from './scan/scan-controller';
import { affectsSettings, readSettings } from './settings';
import { LibraryStatusBar } from './status-bar';
import { openWorkerStore } from './store/open-worker-store';
import { StoreSession } from './store/store-session';
import type { LibraryEntry, LoadMoreEntry } from './tree/library-node';
import { LibraryTreeProvider } from './tree/library-tree-provider';
import { registerVocabLinting } from './vocab/register-vocab';
import { VocabDisplayNames } from './vocab/display-names';
import { registerVariantFeatures } from './panel/variant-features';
import { registerNormalizeLibrary } from './normalize/normalize-library';

let session: StoreSession | undefined;

/** In the store's worker when it has one: the crawl, grouping and diff never run on the extension host thread. */
const runScan: ScanFunction = (store: LibraryStore, rootPath, options) =>
  store instanceof WorkerStore ? store.scanLibrary(rootPath, options) : scanLibrary(store, rootPath, options);

export function activate(context: vscode.ExtensionContext): StlManagerApi {
  const settings = () => readSettings(context.globalStorageUri);
  const output = vscode.window.createOutputChannel('STL Manager', { log: true });
  session = new StoreSession(openWorkerStore(context.extensionUri.fsPath, output), output);
  const scans = new ScanController(session, runScan, settings, output);
  const roots = new LibraryRoots(session, () => settings().libraryRoots, output);
  const vocab = registerVocabLinting(context);
  const names = new VocabDisplayNames(() => vocab.ruleset);
  const designerName = names.of('designer');
  const tree = new LibraryTreeProvider(session, undefined, designerName);
  let shownDigest = vocab.ruleset.digest;
  const treeView = vscode.window.createTreeView<LibraryEntry>('stlManager.library', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const statusBar = new LibraryStatusBar(session, scans);
  const refreshViews = () => {
    tree.refresh();
    void statusBar.refresh();
  };
  const s = session;

  context.subscriptions.push(
    output,
    session,
    scans,
    roots,
    tree,
    treeView,
    statusBar,
    session.onDidChangeStore(() => void roots.syncAll().finally(refreshViews)),
    roots.onDidChangeRoots(refreshViews),
    // Display names come from the vocabulary, which loads after activation and can change while editing it.
    vocab.onDidUpdate(() => {
      if (vocab.ruleset.digest === shownDigest) return;
      shownDigest = vocab.ruleset.digest;
      tree.refresh();
    }),
    scans.onDidFinishScans(refreshViews),
    scans.onDidChangeScanning(() => statusBar.render()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'databasePath')) void s.open(settings().databasePath);
      else if (affectsSettings(e, 'libraryRoots')) void roots.settingsChanged();
    }),
    ...registerRootCommands(roots, scans),
    ...registerScanCommands(roots, scans),
    ...registerPathCommands(),
    vscode.commands.registerCommand('stlManager.loadMore', (more: LoadMoreEntry) => tree.loadMore(more)),
    vscode.commands.registerCommand('stlManager.showLog', () => output.show()),
  );

  registerVariantFeatures(context, { session, tree, treeView, output, names });
  registerNormalizeLibrary(context, { session, scans, output, refresh: refreshViews });
  const ready = session.open(settings().databasePath).then(() => roots.syncAll());
  return { session, roots, scans, tree, treeView, statusBar, output, ready };
}

/** VS Code waits for this promise: pending writes reach the disk before the host goes away. */
export function deactivate(): Promise<void> | undefined {
  const closing = session?.close();
  session = undefined;
  return closing;
}
