// Vocab linting in a real VS Code: a user vocab folder with a duplicate key and a Python regex shows both
// diagnostics at their ranges; the quick fixes repair the buffer and the diagnostics clear.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const COLLECTION = `designer_key: dm_stash
collections:
  - id: dm_stash__host_test
    name: First name
    name: Second name
    match:
      path_patterns: ["(?i)frost[-_ ]giants"]
`;

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stl-manager vocab');

describe('Vocab linting in the editor', function () {
  this.timeout(60_000);
  let dir: string;
  let file: vscode.Uri;
  let saved: unknown;

  before(async function () {
    const ext = vscode.extensions.getExtension('stlmanager.stl-manager');
    assert.ok(ext, 'extension stlmanager.stl-manager is not installed');
    await ext.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stlmgr-host-vocab-'));
    fs.mkdirSync(path.join(dir, 'collections'));
    const p = path.join(dir, 'collections', 'dm_stash.yaml');
    fs.writeFileSync(p, COLLECTION);
    file = vscode.Uri.file(p);
    const config = vscode.workspace.getConfiguration('stlManager');
    saved = config.inspect('vocabPaths')?.globalValue;
    await config.update('vocabPaths', [dir], vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('stlManager').update('vocabPaths', saved, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lints the folder at once, before the file is opened', async () => {
    const diags = await waitFor('vocab diagnostics for the user folder', () => (ours(file).length >= 3 ? ours(file) : undefined), 30_000);
    const codes = diags.map((d) => String(d.code)).sort();
    assert.deepEqual(codes, ['duplicate-key', 'duplicate-key', 'regex-python']);
  });

  it('shows the duplicate key in both places and the regex at its scalar', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const diags = ours(file);
    const dup = diags.filter((d) => d.code === 'duplicate-key').map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepEqual(dup.sort(), [[3, 4, 8], [4, 4, 8]]);
    const regex = diags.find((d) => d.code === 'regex-python')!;
    assert.equal(regex.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(regex.range.start.line, 6);
    assert.equal(doc.getText(regex.range), '"(?i)frost[-_ ]giants"');
    assert.equal(diags.find((d) => d.range.start.line === 4)?.relatedInformation?.[0]?.location.range.start.line, 3);
  });

  it('applies the quick fixes and the diagnostics clear', async () => {
    for (const code of ['regex-python', 'duplicate-key']) {
      const target = ours(file).find((d) => d.code === code && (code !== 'duplicate-key' || d.range.start.line === 3));
      assert.ok(target, `no ${code} diagnostic`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, target.range, vscode.CodeActionKind.QuickFix.value);
      const title = code === 'regex-python' ? /^Rewrite as/ : /^Remove this earlier 'name'/;
      const fix = actions.find((a) => title.test(a.title));
      assert.ok(fix?.edit, `no quick fix for ${code}: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitFor(`the ${code} diagnostic to clear`, () => !ours(file).some((d) => d.code === code), 10_000);
    }
    const text = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file.fsPath)!.getText();
    assert.match(text, /path_patterns: \["\/frost\[-_ \]giants\/i"\]/);
    assert.doesNotMatch(text, /First name/);
    assert.deepEqual(ours(file), []);
  });

  it('runs "Validate Vocabulary"', async () => {
    await vscode.commands.executeCommand('stlManager.validateVocabulary');
    assert.deepEqual(ours(file), [], 'the unsaved buffer still counts');
  });
});
