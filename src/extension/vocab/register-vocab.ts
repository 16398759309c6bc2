// Vocab linting in the editor: diagnostics for every vocab folder (the shipped one and `stlManager.vocabPaths`),
// quick fixes, and the "STL Manager: Validate Vocabulary" command. Everything it creates is disposed with the
// extension.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { VocabDiagnostics } from './vocab-diagnostics';
import { VocabQuickFixes } from './vocab-quick-fixes';

export function vocabLayers(extensionPath: string): string[] {
  const user = vscode.workspace.getConfiguration('stlManager').get<string[]>('vocabPaths') ?? [];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resolved = user
    .filter((p) => typeof p === 'string' && p.trim() !== '')
    .map((p) => (path.isAbsolute(p) || !folder ? path.resolve(p) : path.resolve(folder, p)));
  return [path.join(extensionPath, 'vocab'), ...resolved];
}

export function registerVocabLinting(context: vscode.ExtensionContext): VocabDiagnostics {
  const diagnostics = new VocabDiagnostics(() => vocabLayers(context.extensionUri.fsPath));
  const selector: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.{yaml,yml,json,md,txt}' }];
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new VocabQuickFixes(diagnostics), {
      providedCodeActionKinds: VocabQuickFixes.kinds,
    }),
    vscode.commands.registerCommand('stlManager.validateVocabulary', async () => {
      diagnostics.reloadAll();
      const c = diagnostics.counts();
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const text = `Vocabulary: ${c.error} errors, ${c.warning} warnings, ${c.info} notes in ${c.files} files.`;
      if (c.error > 0) void vscode.window.showWarningMessage(text);
      else void vscode.window.showInformationMessage(text);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('stlManager.vocabPaths')) diagnostics.reloadAll();
    }),
  );
  // Off the activation path: the first lint of every folder reads a few hundred files.
  setTimeout(() => diagnostics.reloadAll(), 0);
  return diagnostics;
}
