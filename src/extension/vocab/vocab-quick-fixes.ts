// Quick fixes for vocab diagnostics whose finding carries a mechanical fix (remove a duplicate alias or an
// overridden duplicate key, rewrite a Python regex in JavaScript form).
import * as vscode from 'vscode';
import { toRange, type VocabDiagnostics } from './vocab-diagnostics';

export class VocabQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: VocabDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.diagnostics.isVocabFile(doc.uri)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const fix = this.diagnostics.findingFor(doc.uri, diagnostic)?.fix;
      if (!fix) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) action.edit.replace(doc.uri, toRange(e.range), e.newText);
      actions.push(action);
    }
    return actions;
  }
}
