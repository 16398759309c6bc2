// "Set Field on Selection…": one override on every selected variant (the tree's multi-selection), as one audit batch
// the user can revert from the notification or from any of the variants' history.
import * as vscode from 'vscode';
import { FIELDS } from '../../core/store/effective';
import type { FieldChange, OverrideResult } from '../../core/store/overrides';
import type { StoreSession } from '../store/store-session';
import { pickFieldValue } from './value-picker';
import { formatCount } from '../../shared/format-bytes';

/** `preset` skips the pickers (tests, other extensions): the change to apply. */
export async function bulkOverride(
  session: StoreSession,
  variantIds: readonly number[],
  onDidWrite: (r: OverrideResult) => void,
  preset?: FieldChange,
): Promise<OverrideResult | undefined> {
  if (variantIds.length === 0) {
    void vscode.window.showInformationMessage('STL Manager: select one or more variants in the Library tree first.');
    return undefined;
  }
  if (preset) {
    const r = await (await session.get()).applyOverrides({ variantIds, changes: [preset], source: 'bulk' });
    session.scheduleSave();
    onDidWrite(r);
    return r;
  }
  const field = await vscode.window.showQuickPick(
    FIELDS.map((f) => ({ label: f.label, description: f.name, field: f.name })),
    { title: `Set a field on ${formatCount(variantIds.length, 'variant')}`, placeHolder: 'Field' },
  );
  if (!field) return undefined;
  const clear = { label: '$(discard) Clear the override', value: 'clear' as const };
  const mode = await vscode.window.showQuickPick([{ label: '$(edit) Set a value…', value: 'set' as const }, clear], { title: field.label });
  if (!mode) return undefined;
  const store = await session.get();
  let result: OverrideResult;
  if (mode.value === 'clear') {
    result = await store.applyOverrides({ variantIds, changes: [{ field: field.field, clear: true }], source: 'bulk' });
  } else {
    const value = await pickFieldValue(store, field.field, variantIds.length);
    if (value === undefined) return undefined;
    result = await store.applyOverrides({ variantIds, changes: [{ field: field.field, value }], source: 'bulk' });
  }
  session.scheduleSave();
  onDidWrite(result);
  void vscode.window
    .showInformationMessage(`STL Manager: ${field.label} changed on ${formatCount(result.entries, 'variant')}.`, 'Revert')
    .then(async (choice) => {
      if (choice !== 'Revert') return;
      const r = await (await session.get()).revertAudit({ batchId: result.batchId });
      session.scheduleSave();
      onDidWrite(r);
    });
  return result;
}
