// The "Filtered" view: the variants the facet filter selects (first page), each opening in the variant panel.
// The view's description names the filter; its message line gives the count.
import * as vscode from 'vscode';
import type { FilteredVariant } from '../../core/store/facets';
import type { StoreSession } from '../store/store-session';
import type { FacetFilterState } from './facet-filter';
import { formatCount } from '../../shared/format-bytes';
import type { DisplayName } from '../vocab/display-names';
import { nameOf } from '../../core/store/rel-path';

export const FILTERED_PAGE = 500;

export type FilteredEntry = { type: 'variant'; variant: FilteredVariant } | { type: 'message'; label: string };

export class FilteredVariantsProvider implements vscode.TreeDataProvider<FilteredEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  total = 0;

  constructor(
    private readonly session: StoreSession,
    private readonly filter: FacetFilterState,
    private readonly designerName: DisplayName = (key) => key,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(e: FilteredEntry): vscode.TreeItem {
    if (e.type === 'message') {
      const item = new vscode.TreeItem(e.label);
      item.iconPath = new vscode.ThemeIcon('filter');
      item.command = { command: 'stlManager.filterLibrary', title: 'Filter Library' };
      return item;
    }
    const v = e.variant;
    const item = new vscode.TreeItem(nameOf(v.relPath));
    item.id = `filtered:${v.id}`;
    item.description = [v.designer ? this.designerName(v.designer) : undefined, v.missing ? 'missing' : undefined].filter(Boolean).join(' · ');
    item.tooltip = v.relPath;
    item.iconPath = new vscode.ThemeIcon(v.missing ? 'warning' : 'symbol-misc');
    item.contextValue = 'stlManager.filteredVariant';
    item.command = { command: 'stlManager.openVariant', title: 'Open Variant', arguments: [v.id] };
    return item;
  }

  async getChildren(parent?: FilteredEntry): Promise<FilteredEntry[]> {
    if (parent) return [];
    const page = await (await this.session.get()).filterVariants(this.filter.current, 0, FILTERED_PAGE);
    this.total = page.total;
    const head: FilteredEntry = {
      type: 'message',
      label: `${formatCount(page.total, 'variant')} ${page.total === 1 ? 'matches' : 'match'}${page.total > FILTERED_PAGE ? ` — first ${FILTERED_PAGE} shown` : ''}${this.filter.active ? '' : ' (no filter)'}`,
    };
    return [head, ...page.items.map((variant) => ({ type: 'variant' as const, variant }))];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
