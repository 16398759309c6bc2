// Native pickers for an override value: a searchable quick pick fed by the vocabulary (or by the values the library
// already has, when no vocabulary is loaded) for vocab, enum and yes/no fields; an input box for text, numbers and tags.
// Returns undefined when the user cancels.
import * as vscode from 'vscode';
import { FIELD_BY_NAME, type FieldValue } from '../../core/store/effective';
import type { LibraryStore } from '../../core/store/types';

interface ValueItem extends vscode.QuickPickItem {
  value: FieldValue;
}

const NONE: ValueItem = { label: '$(circle-slash) No value', description: 'override with "none"', value: null };

export async function pickFieldValue(store: LibraryStore, field: string, variants: number): Promise<FieldValue | undefined> {
  const spec = FIELD_BY_NAME.get(field);
  if (!spec) return undefined;
  const title = `${spec.label} for ${variants === 1 ? 'this variant' : `${variants.toLocaleString('en-US')} variants`}`;
  const t = spec.type;
  if (t.kind === 'vocab' || t.kind === 'enum') return pickFromList(store, field, title, t.kind === 'vocab');
  if (t.kind === 'boolean') {
    const items: ValueItem[] = [{ label: 'Yes', value: true }, { label: 'No', value: false }, NONE];
    return (await vscode.window.showQuickPick(items, { title }))?.value;
  }
  const text = await vscode.window.showInputBox({
    title,
    prompt: t.kind === 'tags' ? 'Tags, separated by commas' : t.kind === 'number' ? `A number from ${t.min} to ${t.max}` : undefined,
    validateInput: (v) => (t.kind === 'number' && v.trim() !== '' && !Number.isFinite(Number(v)) ? 'Not a number' : undefined),
  });
  if (text === undefined) return undefined;
  if (t.kind === 'tags') return text.split(',').map((s) => s.trim()).filter(Boolean);
  if (t.kind === 'number') return text.trim() === '' ? null : Number(text);
  return text;
}

function pickFromList(store: LibraryStore, field: string, title: string, allowTyped: boolean): Promise<FieldValue | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<ValueItem>();
    qp.title = title;
    qp.placeholder = 'Type to search';
    qp.matchOnDescription = true;
    let seq = 0;
    const load = async (query: string) => {
      const mine = ++seq;
      qp.busy = true;
      const choices = await store.fieldChoices(field, query, 200);
      if (mine !== seq) return;
      const items: ValueItem[] = choices.map((c) => ({ label: c.label, description: c.label === c.value ? undefined : c.value, value: c.value }));
      const typed = query.trim();
      // with a vocabulary loaded, only its entries are valid; without one, any key may be typed
      const vocabulary = choices.some((c) => c.fromVocabulary);
      if (allowTyped && !vocabulary && typed && !choices.some((c) => c.value === typed)) items.push({ label: typed, description: 'use this key', value: typed });
      qp.items = [...items, NONE];
      qp.activeItems = qp.items.slice(0, 1);
      qp.busy = false;
    };
    let done = false;
    const finish = (v: FieldValue | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue((q) => void load(q));
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value ?? undefined));
    qp.onDidHide(() => finish(undefined));
    qp.show();
    void load('');
  });
}
