// Vocab findings as VS Code diagnostics. The whole vocab folders are linted at activation (the Problems panel shows
// every file), then one file at a time: on open, on change (debounced), on save, and when a watcher sees it change
// on disk. A closed file goes back to its saved text; a deleted one is dropped with its diagnostics.
// Only reads files, so it runs in restricted mode too.
import * as vscode from 'vscode';
import type { Finding } from '../../core/vocab/finding';
import { VocabSession } from '../../core/vocab/vocab-session';

const SOURCE = 'stl-manager vocab';
const DEBOUNCE_MS = 300;

const severity: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const toRange = (r: Finding['range']): vscode.Range =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class VocabDiagnostics implements vscode.Disposable {
  private session: VocabSession;
  private readonly collection = vscode.languages.createDiagnosticCollection('stl-manager-vocab');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private watchers: vscode.Disposable[] = [];
  private published = new Set<string>();
  /** The findings behind the diagnostics shown now (what quick fixes and counts read; set by publish()). */
  private shown: ReadonlyMap<string, readonly Finding[]> = new Map();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every re-lint (tests and the ruleset's consumers listen). */
  readonly onDidUpdate = this.changed.event;

  constructor(private readonly layers: () => string[]) {
    this.session = new VocabSession(layers());
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.fromEditor(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.debounce(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.fromEditor(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
    );
  }

  get ruleset() {
    return this.session.ruleset;
  }

  /** (Re)load every layer from disk, with open editors' unsaved text on top, and publish everything. */
  reloadAll(): void {
    this.session = new VocabSession(this.layers());
    this.session.loadAll();
    for (const d of vscode.workspace.textDocuments) if (this.isVocabFile(d.uri)) this.session.update(d.uri.fsPath, d.getText());
    this.watch();
    this.publish();
  }

  /** The finding behind a diagnostic (for quick fixes). */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    const list = this.shown.get(uri.fsPath) ?? [];
    return list.find(
      (f) => f.code === diagnostic.code && f.message === diagnostic.message && toRange(f.range).isEqual(diagnostic.range),
    );
  }

  isVocabFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.session.locate(uri.fsPath) !== undefined;
  }

  counts(): { files: number; error: number; warning: number; info: number } {
    const out = { files: 0, error: 0, warning: 0, info: 0 };
    for (const list of this.shown.values()) {
      if (list.length > 0) out.files++;
      for (const f of list) out[f.severity]++;
    }
    return out;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }

  private fromEditor(doc: vscode.TextDocument): void {
    if (!this.isVocabFile(doc.uri)) return;
    this.cancel(doc.uri.fsPath);
    this.session.update(doc.uri.fsPath, doc.getText());
    this.publish();
  }

  private debounce(doc: vscode.TextDocument): void {
    if (!this.isVocabFile(doc.uri)) return;
    const key = doc.uri.fsPath;
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.fromEditor(doc);
    }, DEBOUNCE_MS));
  }

  private closed(doc: vscode.TextDocument): void {
    if (!this.isVocabFile(doc.uri)) return;
    this.cancel(doc.uri.fsPath);
    this.fromDisk(doc.uri);
  }

  private fromDisk(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
    if (open?.isDirty) return; // the editor's text is what counts until it is saved or closed
    void vscode.workspace.fs.stat(uri).then(
      () => {
        this.session.update(uri.fsPath);
        this.publish();
      },
      () => this.deleted(uri),
    );
  }

  private deleted(uri: vscode.Uri): void {
    this.cancel(uri.fsPath);
    this.session.remove(uri.fsPath);
    this.collection.delete(uri);
    this.publish();
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const dir of this.session.layers) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '**/*'));
      this.watchers.push(
        w,
        w.onDidCreate((u) => this.fromDisk(u)),
        w.onDidChange((u) => this.fromDisk(u)),
        w.onDidDelete((u) => this.deleted(u)),
      );
    }
  }

  private publish(): void {
    const now = new Set<string>();
    this.shown = this.session.findings();
    for (const [file, list] of this.shown) {
      now.add(file);
      this.collection.set(vscode.Uri.file(file), list.map(toDiagnostic));
    }
    for (const file of this.published) if (!now.has(file)) this.collection.delete(vscode.Uri.file(file));
    this.published = now;
    this.changed.fire();
  }
}

function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, severity[f.severity]);
  d.source = SOURCE;
  d.code = f.code;
  if (f.related) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), toRange(r.range)), r.message),
    );
  }
  return d;
}
