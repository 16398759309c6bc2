// The facet filter the "Filtered" view shows: selected values per facet and the NSFW choice. Picking is done with
// native quick picks that show each value's count under the rest of the filter.
import * as vscode from 'vscode';
import { FACETS, type FacetFilter, type FacetName } from '../../core/store/facets';
import type { StoreSession } from '../store/store-session';
import { formatCount } from '../../shared/format-bytes';
import { FIELD_BY_NAME } from '../../core/store/effective';
import type { VocabDisplayNames } from '../vocab/display-names';

export const FACET_LABELS: Record<FacetName, string> = {
  designer: 'Designer',
  game_system: 'Game system',
  faction: 'Faction',
  unit: 'Unit',
  support_state: 'Supports',
  segmentation: 'Segmentation',
  scale: 'Scale',
};

export class FacetFilterState implements vscode.Disposable {
  private filter: FacetFilter = { values: {}, nsfw: 'show' };
  private readonly changed = new vscode.EventEmitter<FacetFilter>();
  readonly onDidChange = this.changed.event;

  constructor(readonly names?: VocabDisplayNames) {}

  /** How a facet value reads in the views: the vocabulary's name for a key (a facet whose field is a vocabulary
   *  field), "(no value)" for none. */
  valueLabel(facet: FacetName, value: string): string {
    if (value === '') return '(no value)';
    const type = FIELD_BY_NAME.get(facet)?.type;
    return type?.kind === 'vocab' && this.names ? this.names.name(type.domain, value) : value;
  }

  get current(): FacetFilter {
    return this.filter;
  }

  set(filter: FacetFilter): void {
    this.filter = { nsfw: 'show', ...filter, values: { ...(filter.values ?? {}) } };
    this.changed.fire(this.filter);
  }

  clear(): void {
    this.set({ values: {}, nsfw: 'show' });
  }

  get active(): boolean {
    return this.filter.nsfw !== 'show' || Object.values(this.filter.values ?? {}).some((v) => v && v.length > 0);
  }

  /** "designer: a, b · NSFW hidden" */
  describe(): string {
    const parts = FACETS.flatMap((f) => {
      const sel = this.filter.values?.[f];
      return sel?.length ? [`${FACET_LABELS[f]}: ${sel.map((v) => this.valueLabel(f, v)).join(', ')}`] : [];
    });
    if (this.filter.nsfw === 'hide') parts.push('NSFW hidden');
    if (this.filter.nsfw === 'only') parts.push('NSFW only');
    return parts.join(' · ');
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Facet → values (multi-select, with counts), or the NSFW choice. */
export async function pickFacetFilter(session: StoreSession, state: FacetFilterState): Promise<boolean> {
  const store = await session.get();
  const counts = await store.facetCounts(state.current);
  const nsfwItem = { label: '$(eye) NSFW', description: `${state.current.nsfw ?? 'show'} · ${formatCount(counts.nsfw, 'NSFW variant')}`, facet: 'nsfw' as const };
  const facetItems = FACETS.map((f) => ({
    label: FACET_LABELS[f],
    description: state.current.values?.[f]?.length ? `${state.current.values[f]!.length} selected` : `${counts.facets[f].length} value(s)`,
    facet: f as FacetName | 'nsfw',
  }));
  const facet = await vscode.window.showQuickPick([...facetItems, nsfwItem], { title: `Filter Library — ${counts.total.toLocaleString('en-US')} variants match` });
  if (!facet) return false;
  if (facet.facet === 'nsfw') {
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Show NSFW variants', value: 'show' as const },
        { label: 'Hide NSFW variants', value: 'hide' as const },
        { label: 'Only NSFW variants', value: 'only' as const },
      ],
      { title: 'NSFW' },
    );
    if (!choice) return false;
    state.set({ ...state.current, nsfw: choice.value });
    return true;
  }
  const name = facet.facet;
  const selected = new Set(state.current.values?.[name] ?? []);
  const items = counts.facets[name].map((c) => {
    const label = state.valueLabel(name, c.value);
    // the key too, when the name differs: it is what overrides, exports and the CLI use
    const key = label !== c.value && c.value !== '' ? ` · ${c.value}` : '';
    return {
      label,
      description: `${c.count.toLocaleString('en-US')}${key}`,
      value: c.value,
      picked: selected.has(c.value),
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title: `${FACET_LABELS[name]} (counts under the rest of the filter)`, canPickMany: true });
  if (!picked) return false;
  state.set({ ...state.current, values: { ...state.current.values, [name]: picked.map((p) => p.value) } });
  return true;
}
