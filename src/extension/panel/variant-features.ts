// Wires the variant panel, bulk overrides, search, the facet filter view and export into the extension: one call
// from extension.ts. Commands that tests drive take optional arguments that skip the interactive pickers.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatExport, type ExportFormat } from '../../core/store/export';
import type { FieldChange, OverrideResult } from '../../core/store/overrides';
import { PANEL_VIEW_TYPE, panelState } from '../../shared/panel-protocol';
import type { FacetFilter } from '../../core/store/facets';
import { FacetFilterState, pickFacetFilter } from '../facets/facet-filter';
import { FilteredVariantsProvider, type FilteredEntry } from '../facets/filtered-view';
import { searchLibrary } from '../search/search-library';
import type { StoreSession } from '../store/store-session';
import type { LibraryEntry } from '../tree/library-node';
import { bulkOverride } from './bulk-override';
import { VariantPanel } from './variant-panel';
import type { VocabDisplayNames } from '../vocab/display-names';

export interface VariantFeatureDeps {
  session: StoreSession;
  tree: { refresh(): void; onDidChangeTreeData: vscode.Event<unknown> };
  treeView: vscode.TreeView<LibraryEntry>;
  output: vscode.LogOutputChannel;
  /** Display names of vocabulary keys. */
  names: VocabDisplayNames;
}

/** What `stlManager.variantFeatures` returns (in-host tests and other extensions). */
export interface VariantFeatures {
  panel: VariantPanel;
  filter: FacetFilterState;
  filtered: FilteredVariantsProvider;
  /** Restores the panel VS Code kept across a window reload (registered for the panel's view type). */
  serializer: vscode.WebviewPanelSerializer;
}

const variantIdsOf = (entries: readonly (LibraryEntry | undefined)[]): number[] =>
  [...new Set(entries.flatMap((e) => (e?.type === 'variant' ? [e.node.id] : [])))];

export function registerVariantFeatures(context: vscode.ExtensionContext, deps: VariantFeatureDeps): VariantFeatures {
  const { session, tree, treeView, output } = deps;
  const filter = new FacetFilterState(deps.names);
  const filtered = new FilteredVariantsProvider(session, filter, deps.names.of('designer'));
  const filteredView = vscode.window.createTreeView<FilteredEntry>('stlManager.filtered', { treeDataProvider: filtered });
  let panel: VariantPanel;
  const afterWrite = (_r: OverrideResult) => {
    tree.refresh();
    void panel.refresh();
  };
  // the panel reloads itself after its own writes: only the tree follows them from here
  panel = new VariantPanel({ session, extensionUri: context.extensionUri, log: output, onDidWrite: () => tree.refresh() });
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown) {
      const parsed = panelState.safeParse(state);
      await panel.revive(webviewPanel, parsed.success ? parsed.data : undefined);
    },
  };
  const features: VariantFeatures = { panel, filter, filtered, serializer };
  const describeFilter = () => {
    filteredView.description = filter.describe() || undefined;
  };

  context.subscriptions.push(
    panel,
    filter,
    filtered,
    filteredView,
    filter.onDidChange(() => {
      describeFilter();
      filtered.refresh();
    }),
    // scans and normalization refresh the whole Library tree (an `undefined` event): the Filtered view follows;
    // a "Load more…" page re-renders one parent and changes no data, so it is left alone
    tree.onDidChangeTreeData((e) => {
      if (e === undefined) filtered.refresh();
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer),
    // a click on one variant shows it; a multi-selection is for bulk edits and leaves the panel alone
    treeView.onDidChangeSelection((e) => {
      const ids = variantIdsOf(e.selection);
      if (ids.length === 1 && e.selection.length === 1) void panel.show(ids[0]!, { preserveFocus: true }).catch((err: unknown) => output.error(String(err)));
    }),
    vscode.commands.registerCommand('stlManager.openVariant', async (arg?: number | LibraryEntry) => {
      const id = typeof arg === 'number' ? arg : variantIdsOf([arg ?? treeView.selection[0]])[0];
      if (id === undefined) return undefined;
      await panel.show(id);
      return id;
    }),
    vscode.commands.registerCommand('stlManager.variantFeatures', () => features),
    vscode.commands.registerCommand('stlManager.overrideSelection', (clicked?: LibraryEntry | number[], selected?: LibraryEntry[], preset?: FieldChange) => {
      const ids = Array.isArray(clicked) && typeof clicked[0] === 'number'
        ? (clicked as number[])
        : variantIdsOf(selected?.length ? selected : clicked && !Array.isArray(clicked) ? [clicked] : treeView.selection);
      return bulkOverride(session, ids, afterWrite, preset);
    }),
    vscode.commands.registerCommand('stlManager.searchLibrary', () => searchLibrary(session, (id) => panel.show(id), deps.names.of('designer'))),
    // a filter argument (tests, other extensions) skips the pickers
    vscode.commands.registerCommand('stlManager.filterLibrary', async (given?: FacetFilter) => {
      if (given && typeof given === 'object') filter.set(given);
      else if (!(await pickFacetFilter(session, filter))) return;
      await vscode.commands.executeCommand('stlManager.filtered.focus');
    }),
    vscode.commands.registerCommand('stlManager.clearFilter', () => filter.clear()),
    vscode.commands.registerCommand('stlManager.exportLibrary', async (target?: vscode.Uri, format?: ExportFormat) => {
      let fmt = format;
      if (!fmt) {
        const pick = await vscode.window.showQuickPick([{ label: 'CSV', value: 'csv' as const }, { label: 'JSON', value: 'json' as const }], { title: 'Export Library' });
        if (!pick) return undefined;
        fmt = pick.value;
      }
      const uri = target ?? (await vscode.window.showSaveDialog({ filters: { [fmt.toUpperCase()]: [fmt] }, saveLabel: 'Export' }));
      if (!uri) return undefined;
      const rows = await (await session.get()).exportRows();
      await writeFile(uri.fsPath, formatExport(rows, fmt), 'utf8');
      void vscode.window.showInformationMessage(`STL Manager: exported ${rows.length.toLocaleString('en-US')} variants to ${uri.fsPath}`);
      return rows.length;
    }),
  );
  describeFilter();
  return features;
}
